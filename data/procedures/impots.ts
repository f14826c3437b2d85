// Tax procedures: the yearly return, the personal space on impots.gouv.fr, paying or contesting a tax.
import type { ProcedureInput } from '../../src/knowledge/procedure-schema.js';

const reviewedAt = '2026-11-22';
const impotsPhone = { number: '0 809 401 401', hours: 'du lundi au vendredi, de 8 h 30 à 19 h', cost: "service gratuit + prix d'un appel" };
const impotsWarning = 'Attention : la démarche est gratuite sur impots.gouv.fr. Les impôts ne demandent jamais votre carte bancaire par SMS.';

export const impots: ProcedureInput[] = [
  {
    id: 'declaration-impots',
    title: 'Déclarer mes revenus (impôts)',
    category: 'impots',
    synonyms: ['declaration d impots', 'declaration de revenus', 'declarer mes revenus', 'impots', 'impot sur le revenu', 'feuille d impot', 'declaration impots'],
    audience: 'Pour tous les foyers, chaque printemps, même avec de petits revenus.',
    steps: [
      'Allez sur impots.gouv.fr et ouvrez votre espace particulier.',
      'Cliquez sur « Déclarer mes revenus ».',
      'Vérifiez les montants déjà remplis, corrigez si besoin.',
      'Signez en bas de la page et gardez l’accusé de réception.',
      "Sans internet chez vous, la déclaration papier reste possible : demandez-la au centre des impôts.",
    ],
    documents: ['numéro fiscal (sur votre dernier avis d’impôt)', 'montants de vos retraites et pensions'],
    website: 'https://www.impots.gouv.fr',
    phone: impotsPhone,
    cost: 'Gratuit',
    fakeSitesWarning: impotsWarning,
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://www.impots.gouv.fr/particulier/declarer-mes-revenus',
    reviewedAt,
  },
  {
    id: 'espace-impots',
    title: 'Mon espace particulier impots.gouv',
    category: 'impots',
    synonyms: ['espace particulier', 'compte impots', 'impots gouv', 'creer mon compte impots', 'mot de passe impots', 'numero fiscal'],
    audience: 'Pour tout contribuable : avis d’impôt, déclarations, paiements et messagerie avec les impôts.',
    steps: [
      'Allez sur impots.gouv.fr, puis « Votre espace particulier ».',
      'Entrez votre numéro fiscal (13 chiffres, sur votre avis d’impôt).',
      'Créez un mot de passe et donnez une adresse mail.',
      'Confirmez avec le lien reçu par mail.',
    ],
    documents: ['dernier avis d’impôt', 'adresse mail'],
    website: 'https://www.impots.gouv.fr',
    phone: impotsPhone,
    cost: 'Gratuit',
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://www.impots.gouv.fr/particulier/questions/comment-creer-mon-espace-particulier',
    reviewedAt,
  },
  {
    id: 'payer-contester-impot',
    title: 'Payer ou contester un impôt',
    category: 'impots',
    synonyms: ['payer mes impots', 'payer un impot', 'contester un impot', 'reclamation impots', 'taxe fonciere', 'taxe d habitation', 'erreur impots'],
    audience: 'Pour payer un impôt ou une taxe, ou demander une correction quand le montant paraît faux.',
    steps: [
      'Connectez-vous à votre espace particulier sur impots.gouv.fr.',
      'Pour payer : « Payer », puis prélèvement ou paiement en ligne.',
      'Pour contester : « Messagerie sécurisée », puis « J’ai une question sur mon impôt ».',
      'Expliquez le problème et joignez vos justificatifs.',
      'Payez quand même à la date : une erreur corrigée vous est remboursée.',
    ],
    documents: ['avis d’impôt concerné', 'RIB', 'justificatifs'],
    website: 'https://www.impots.gouv.fr',
    phone: impotsPhone,
    cost: 'Gratuit',
    fakeSitesWarning: impotsWarning,
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://www.impots.gouv.fr/particulier/contacts',
    reviewedAt,
  },
];
