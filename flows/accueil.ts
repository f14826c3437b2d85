// The front door: a welcome with the privacy notice, then the main menu. Every other journey starts here.
import type { FlowDefinition } from '../src/engine/flow-schema.js';
import { commands, texts } from './common.js';

export const accueil: FlowDefinition = {
  id: 'accueil',
  title: 'Accueil et menu principal',
  start: 'welcome',
  menu: 'menu',
  commands,
  texts,
  steps: {
    welcome: {
      type: 'say',
      text:
        'Bonjour, ici Relais. Nous vous aidons gratuitement pour vos démarches et le numérique. ' +
        'Nous gardons votre numéro et vos messages 6 mois, seulement pour vous répondre. ' +
        'Écrivez SUPPRIMER pour tout effacer.',
      next: 'menu',
    },
    menu: {
      type: 'choice',
      text: 'Que souhaitez-vous ? Répondez avec un chiffre :',
      voice: 'Que souhaitez-vous ?',
      rephrase: 'Dites-moi ce que vous cherchez, par exemple 1 pour un lieu près de chez vous :',
      options: [
        { id: 'find_place', key: '1', label: "Trouver un lieu d'aide près de chez moi", synonyms: ['lieu', 'adresse', 'pres de chez moi', 'france services', 'trouver'], next: 'ask_location' },
        { id: 'procedure', key: '2', label: 'Comprendre une démarche', synonyms: ['demarche', 'demarches', 'papiers', 'impots', 'retraite', 'dossier'], next: 'procedure_intro' },
        { id: 'learn', key: '3', label: 'Apprendre à utiliser mon téléphone ou ordinateur', synonyms: ['apprendre', 'atelier', 'cours', 'formation', 'tablette', 'ordinateur', 'smartphone'], next: 'learn_intro' },
        { id: 'person', key: '0', label: "Parler à quelqu'un", synonyms: ['parler', 'personne', 'rappel', 'rappeler'], next: 'person' },
      ],
    },
    ask_location: {
      type: 'input',
      text: 'Quel est votre code postal, ou le nom de votre commune ?',
      rephrase: 'Dans quelle commune habitez-vous ? Vous pouvez écrire son nom ou son code postal.',
      hint: 'Écrivez seulement les 5 chiffres de votre code postal. Par exemple : 74000',
      capture: 'location',
      next: 'find_places',
    },
    find_places: {
      type: 'invoke',
      service: 'nearestPlaces',
      input: { query: '{location}', need: '{need}', limit: '3', maxDistanceKm: '60', approximateNote: 'position approximative' },
      itemTemplate: '{rank}. {name}\n{address}[, à {distance} km][\nTél : {phone}]',
      outcomes: {
        found: { text: 'Les lieux les plus proches, pour {commune}[ ({precisionNote})] :\n\n{items}', next: 'after_places' },
        notFound: { text: 'Je ne trouve pas la commune "{location}".', next: 'ask_location' },
        none: { text: "Je n'ai pas trouvé de lieu d'aide près de {commune} dans nos données.", next: 'person_offer' },
        error: { text: 'Désolé, la recherche ne fonctionne pas pour le moment.', next: 'person_offer' },
      },
    },
    after_places: {
      type: 'choice',
      text: 'Et maintenant ?',
      rephrase: 'Que voulez-vous faire maintenant ?',
      options: [
        { id: 'other_place', key: '1', label: 'Chercher dans une autre commune', synonyms: ['autre commune', 'autre ville', 'ailleurs'], next: 'ask_location' },
        { id: 'menu', key: '2', label: 'Revenir au menu', synonyms: ['menu'], next: 'menu' },
        { id: 'done', key: '3', label: "C'est tout, merci", synonyms: ['c est tout', 'fini', 'termine', 'au revoir', 'merci'], next: 'goodbye' },
      ],
    },
    procedure_intro: {
      type: 'say',
      text:
        "Pour une démarche (retraite, impôts, santé, papiers), un agent France Services peut la faire avec vous, gratuitement. " +
        'Il suffit de venir avec vos papiers.',
      next: 'procedure_next',
    },
    procedure_next: {
      type: 'choice',
      text: "Voulez-vous l'adresse de la France Services la plus proche ?",
      rephrase: 'Voulez-vous que je cherche la France Services près de chez vous ?',
      options: [
        { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui'], set: { need: 'demarches' }, next: 'ask_location' },
        { id: 'no', key: '2', label: 'Non, revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
      ],
    },
    learn_intro: {
      type: 'say',
      text: 'Il existe des ateliers près de chez vous pour apprendre à votre rythme : téléphone, tablette, ordinateur. Souvent gratuits.',
      next: 'learn_next',
    },
    learn_next: {
      type: 'choice',
      text: 'Voulez-vous les lieux qui proposent ces ateliers près de chez vous ?',
      rephrase: 'Voulez-vous que je cherche un atelier près de chez vous ?',
      options: [
        { id: 'yes', key: '1', label: 'Oui', synonyms: ['@oui'], set: { need: 'apprendre' }, next: 'ask_location' },
        { id: 'no', key: '2', label: 'Non, revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
      ],
    },
    person: {
      type: 'callback',
      text: "C'est noté : une personne de Relais va vous rappeler à ce numéro. Pour parler à quelqu'un tout de suite : Allô Service Public, 39 39 (prix d'un appel local).",
      next: 'menu',
    },
    person_offer: {
      type: 'choice',
      text: "Voulez-vous qu'une personne vous rappelle ?",
      rephrase: "Souhaitez-vous être rappelé par quelqu'un ?",
      options: [
        { id: 'yes', key: '1', label: 'Oui, rappelez-moi', synonyms: ['@oui'], next: 'person' },
        { id: 'other_place', key: '2', label: 'Chercher dans une autre commune', synonyms: ['autre commune', 'autre ville'], next: 'ask_location' },
        { id: 'menu', key: '3', label: 'Revenir au menu', synonyms: ['@non', 'menu'], next: 'menu' },
      ],
    },
    goodbye: {
      type: 'end',
      text: 'Merci, à bientôt ! Écrivez-nous quand vous voulez.',
    },
  },
};
