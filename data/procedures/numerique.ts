// Everyday digital basics: FranceConnect, an email address, video calls with family on WhatsApp.
import type { ProcedureInput } from '../../src/knowledge/procedure-schema.js';

const reviewedAt = '2026-11-22';

export const numerique: ProcedureInput[] = [
  {
    id: 'franceconnect',
    title: 'FranceConnect',
    category: 'numerique',
    synonyms: ['franceconnect', 'france connect', 'me connecter aux sites publics', 'un seul mot de passe', 'identifiant unique', 'connexion service public', 'mot de passe france connect'],
    audience: "Pour entrer sur les sites publics (retraite, santé, impôts...) avec un compte que l'on a déjà.",
    steps: [
      'Sur le site public, cliquez sur le bouton « S’identifier avec FranceConnect ».',
      'Choisissez un compte que vous avez déjà : impots.gouv, ameli, La Poste...',
      'Entrez les codes de ce compte.',
      'Vous êtes connecté, sans créer de nouveau mot de passe.',
      'Mot de passe oublié ? C’est celui du compte choisi : changez-le sur ce site (impots.gouv, ameli…).',
    ],
    documents: ['les codes d’un compte impots.gouv, ameli ou L’Identité Numérique La Poste'],
    website: 'https://franceconnect.gouv.fr',
    cost: 'Gratuit',
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://franceconnect.gouv.fr',
    reviewedAt,
  },
  {
    id: 'adresse-mail',
    title: 'Créer une adresse mail',
    category: 'numerique',
    synonyms: ['adresse mail', 'adresse email', 'courriel', 'boite mail', 'creer un mail', 'e mail', 'messagerie', 'changer d adresse mail', 'nouvelle adresse mail'],
    audience: "Pour recevoir des messages et s'inscrire aux sites publics, qui demandent presque tous une adresse mail.",
    steps: [
      'Choisissez un fournisseur gratuit connu, ou celui de votre box internet.',
      'Cliquez sur « Créer un compte » et donnez vos nom et prénom.',
      'Choisissez une adresse simple, par exemple prenom.nom.',
      'Choisissez un mot de passe long, que vous notez en lieu sûr.',
      'Envoyez-vous un premier message pour essayer.',
    ],
    documents: ['un téléphone pour recevoir un code de vérification'],
    website: 'https://www.solidarite-numerique.fr',
    cost: 'Gratuit',
    franceServicesCanHelp: true,
    aidantsConnect: false,
    source: 'https://www.solidarite-numerique.fr/tutoriels/',
    reviewedAt,
  },
  {
    id: 'appel-video-whatsapp',
    title: 'Appeler sa famille en vidéo (WhatsApp)',
    category: 'numerique',
    synonyms: ['famille en video', 'whatsapp', 'appel video', 'visio', 'voir mes petits enfants', 'appeler en video', 'facetime', 'video avec la famille', 'voir sur le telephone avec l image', 'voir en image', 'voir avec l image'],
    audience: 'Pour voir et parler à ses proches en vidéo, gratuitement, avec un smartphone ou une tablette.',
    steps: [
      "Installez l'application WhatsApp depuis le magasin d'applications.",
      'Ouvrez-la et entrez votre numéro de téléphone, puis le code reçu par SMS.',
      'Vos proches qui ont WhatsApp apparaissent dans vos contacts.',
      'Touchez un nom, puis l’icône de caméra pour appeler en vidéo.',
    ],
    documents: ['un smartphone ou une tablette avec internet'],
    website: 'https://faq.whatsapp.com',
    cost: 'Gratuit (avec internet ou le wifi)',
    franceServicesCanHelp: false,
    aidantsConnect: false,
    source: 'https://faq.whatsapp.com',
    reviewedAt,
  },
];
