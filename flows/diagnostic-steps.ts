// The assessment (diagnostic): at most six questions, each skippable (9), adaptive, then one sentence saying
// what Relais recommends and why (rules in src/knowledge/recommend.ts), then places near the person.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { equipmentWords } from '../data/intents.fr.js';

const skip = (next: string) => ({ id: 'skip', key: '9', label: 'Passer cette question', synonyms: ['passer', 'je ne sais pas', 'sais pas', 'suivant', 'question suivante'], next });

export const diagnosticSteps: FlowDefinition['steps'] = {
  assess_intro: {
    type: 'say',
    text: 'Pour bien vous conseiller, voici quelques questions (6 au plus). Répondez avec un chiffre, ou 9 pour passer.',
    voice: 'Pour bien vous conseiller, voici quelques questions, 6 au plus. Tapez le chiffre de votre réponse, ou 9 pour passer.',
    next: 'q_equipment_known',
  },
  /** The device named in the first message (« on m'a offert une tablette ») is not asked again. */
  q_equipment_known: { type: 'branch', on: 'equipment', cases: { smartphone: 'q_internet', tablet: 'q_internet', computer: 'q_internet' }, otherwise: 'q_equipment' },
  q_equipment: {
    type: 'choice',
    text: 'Quel appareil avez-vous ?',
    rephrase: 'Avez-vous un téléphone, une tablette ou un ordinateur ?',
    options: [
      { id: 'none', key: '1', label: 'Aucun', synonyms: ['rien', 'aucun', 'pas d appareil'], set: { equipment: 'none' }, next: 'q_comfort' },
      { id: 'basic_phone', key: '2', label: 'Un téléphone simple, sans internet', synonyms: ['telephone simple', 'portable simple', 'a clapet', 'a touches'], set: { equipment: 'basic-phone' }, next: 'q_internet' },
      { id: 'smartphone', key: '3', label: 'Un smartphone', synonyms: equipmentWords.smartphone, set: { equipment: 'smartphone' }, next: 'q_internet' },
      { id: 'tablet', key: '4', label: 'Une tablette', synonyms: equipmentWords.tablet, set: { equipment: 'tablet' }, next: 'q_internet' },
      { id: 'computer', key: '5', label: 'Un ordinateur', synonyms: equipmentWords.computer, set: { equipment: 'computer' }, next: 'q_internet' },
      skip('q_internet'),
    ],
  },
  q_internet: {
    type: 'choice',
    text: 'Avez-vous internet à la maison (box ou wifi) ?',
    rephrase: 'Chez vous, avez-vous une box internet ou le wifi ?',
    options: [
      { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui'], set: { internetAtHome: 'yes' }, next: 'q_comfort' },
      { id: 'no', key: '2', label: 'Non', synonyms: ['@non'], set: { internetAtHome: 'no' }, next: 'q_comfort' },
      skip('q_comfort'),
    ],
  },
  q_comfort: {
    type: 'choice',
    text: 'Avec le numérique, vous êtes plutôt :',
    rephrase: 'Utilisez-vous déjà internet ? Dites-moi où vous en êtes :',
    options: [
      { id: 'never', key: '1', label: "Je n'ai jamais essayé", synonyms: ['jamais'], set: { comfort: 'never' }, next: 'q_wish' },
      { id: 'beginner', key: '2', label: 'Je débute', synonyms: ['debute', 'debutant', 'debutante', 'un peu'], set: { comfort: 'beginner' }, next: 'q_wish' },
      { id: 'ok', key: '3', label: 'Je me débrouille', synonyms: ['debrouille', 'ca va', 'moyen'], set: { comfort: 'ok' }, next: 'q_wish' },
      { id: 'expert', key: '4', label: 'Très à l’aise', synonyms: ['tres a l aise', 'expert', 'tres bien'], set: { comfort: 'expert' }, next: 'q_wish' },
      skip('q_wish'),
    ],
  },
  q_wish: {
    type: 'choice',
    text: "Qu'aimeriez-vous faire ?",
    rephrase: "Qu'est-ce qui vous ferait plaisir ou vous serait utile ?",
    options: [
      { id: 'procedure', key: '1', label: 'Une démarche (impôts, retraite...)', synonyms: ['demarche', 'papiers', 'impots', 'retraite'], set: { wish: 'procedure' }, next: 'q_obstacle' },
      { id: 'family', key: '2', label: 'Parler à ma famille, voir des photos', synonyms: ['famille', 'photos', 'petits enfants', 'video'], set: { wish: 'family' }, next: 'q_obstacle' },
      { id: 'health', key: '3', label: 'Ma santé (rendez-vous, ameli)', synonyms: ['sante', 'medecin', 'ameli', 'rendez vous'], set: { wish: 'health' }, next: 'q_obstacle' },
      { id: 'leisure', key: '4', label: 'Mes loisirs', synonyms: ['loisirs', 'jeux', 'musique', 'voyage', 'lecture'], set: { wish: 'leisure' }, next: 'q_obstacle' },
      { id: 'office', key: '5', label: 'Écrire des textes, faire des tableaux', synonyms: ['traitement de texte', 'word', 'excel', 'tableur', 'bureautique'], set: { wish: 'office' }, next: 'q_obstacle' },
      { id: 'help_others', key: '6', label: "Aider d'autres personnes", synonyms: ['aider les autres', 'benevole', 'aider d autres'], set: { wish: 'help-others' }, next: 'assess_result' },
      { id: 'nothing', key: '7', label: "Rien : je préfère qu'on le fasse avec moi", synonyms: ['rien', 'qu on le fasse', 'pas envie'], set: { wish: 'nothing' }, next: 'q_urgency' },
      skip('q_obstacle'),
    ],
  },
  q_obstacle: {
    type: 'choice',
    text: "Qu'est-ce qui vous freine le plus ?",
    rephrase: "Qu'est-ce qui est le plus difficile pour vous ?",
    options: [
      { id: 'cost', key: '1', label: 'Le prix', synonyms: ['prix', 'argent', 'cher', 'cout'], set: { obstacle: 'cost' }, next: 'q_urgency' },
      { id: 'confidence', key: '2', label: 'La peur de me tromper, des arnaques', synonyms: ['peur', 'tromper', 'arnaques', 'confiance', 'timide'], set: { obstacle: 'confidence' }, next: 'q_urgency' },
      { id: 'reading', key: '3', label: 'Lire ou écrire', synonyms: ['lire', 'ecrire', 'lecture', 'ecriture'], set: { obstacle: 'reading' }, next: 'q_urgency' },
      { id: 'senses', key: '4', label: "Je vois ou j'entends mal", synonyms: ['vois mal', 'entends mal', 'vue', 'audition', 'sourd'], set: { obstacle: 'senses' }, next: 'q_urgency' },
      { id: 'mobility', key: '5', label: 'Me déplacer', synonyms: ['deplacer', 'transport', 'voiture', 'loin', 'marcher'], set: { obstacle: 'mobility' }, next: 'q_urgency' },
      { id: 'language', key: '6', label: 'Le français', synonyms: ['francais', 'langue'], set: { obstacle: 'language' }, next: 'q_urgency' },
      { id: 'none', key: '7', label: 'Rien de tout cela', synonyms: ['rien', 'aucun'], set: { obstacle: 'none' }, next: 'q_urgency' },
      skip('q_urgency'),
    ],
  },
  q_urgency: {
    type: 'choice',
    text: 'Avez-vous une démarche urgente ?',
    rephrase: 'Une démarche doit-elle être faite bientôt ?',
    options: [
      { id: 'deadline', key: '1', label: 'Oui, avec une date limite', synonyms: ['date limite', 'urgent', 'urgente'], set: { urgency: 'deadline' }, next: 'assess_result' },
      { id: 'rights', key: '2', label: "Oui, j'ai peur de perdre un droit", synonyms: ['perdre', 'droit', 'droits'], set: { urgency: 'rights' }, next: 'assess_result' },
      { id: 'none', key: '3', label: 'Non', synonyms: ['@non', 'pas urgent'], set: { urgency: 'none' }, next: 'assess_result' },
      skip('assess_result'),
    ],
  },
  assess_result: {
    type: 'invoke',
    service: 'recommend',
    provides: ['recommendation', 'recommendationRoute', 'recommendationSupports', 'recommendationReasons', 'recommendationUrgent', 'need'],
    input: {
      equipment: '{equipment}',
      internetAtHome: '{internetAtHome}',
      comfort: '{comfort}',
      wish: '{wish}',
      obstacle: '{obstacle}',
      urgency: '{urgency}',
    },
    outcomes: {
      'france-services': { text: '{recommendation} Un écrivain public peut aussi vous aider pour les courriers.', next: 'assess_where' },
      workshop: { text: '{recommendation}', next: 'assess_where' },
      equipment: { text: '{recommendation} Des associations vendent des appareils reconditionnés à petit prix.', next: 'assess_where' },
      'drop-in': { text: '{recommendation}', next: 'assess_where' },
      volunteer: { text: '{recommendation} Les lieux de médiation numérique cherchent souvent des bénévoles.', next: 'assess_where' },
    },
  },
  assess_where: {
    type: 'choice',
    text: 'Voulez-vous les adresses les plus proches de chez vous ?',
    rephrase: 'Voulez-vous que je cherche près de chez vous ?',
    options: [
      { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui', 'adresses'], next: 'locate' },
      { id: 'no', key: '2', label: 'Non, revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
      { id: 'sessions', key: '3', label: 'Les prochains ateliers, pour réserver', synonyms: ['ateliers', 'reserver', 'prochains ateliers'], next: 'sessions_locate' },
    ],
  },
};
