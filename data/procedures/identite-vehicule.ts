// Identity and vehicle procedures on the ANTS site: ID card, passport, vehicle registration.
import type { ProcedureInput } from '../../src/knowledge/procedure-schema.js';

const reviewedAt = '2026-11-22';
const antsPhone = { number: '34 00', hours: 'du lundi au vendredi, de 8 h à 20 h, et le samedi de 9 h à 17 h', cost: "service gratuit + prix d'un appel" };
const antsWarning = 'Attention : des sites payants imitent le site officiel. La démarche se fait sur ants.gouv.fr.';

export const identiteVehicule: ProcedureInput[] = [
  {
    id: 'carte-identite',
    title: "Carte d'identité",
    category: 'identite',
    synonyms: ['carte d identite', 'cni', 'carte identite', 'refaire ma carte d identite', 'renouveler carte identite', 'papiers d identite'],
    audience: "Pour demander ou renouveler une carte d'identité, à tout âge.",
    steps: [
      'Sur ants.gouv.fr, faites une pré-demande en ligne. Notez son numéro.',
      'Prenez rendez-vous dans une mairie qui fait les cartes (pas toujours la vôtre).',
      'Allez au rendez-vous avec vos papiers : on prend vos empreintes.',
      'Vous recevez un SMS quand la carte est prête, et allez la chercher.',
    ],
    documents: ['photo d’identité récente (moins de 6 mois)', 'ancienne carte', 'justificatif de domicile', 'timbre fiscal en cas de perte ou de vol'],
    website: 'https://ants.gouv.fr',
    phone: antsPhone,
    cost: 'Gratuit (25 € en cas de perte ou de vol)',
    fakeSitesWarning: antsWarning,
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://www.service-public.fr/particuliers/vosdroits/N358',
    reviewedAt,
  },
  {
    id: 'passeport',
    title: 'Passeport',
    category: 'identite',
    synonyms: ['passeport', 'passport', 'refaire mon passeport', 'renouveler passeport', 'passeport expire', 'voyage a l etranger'],
    audience: 'Pour demander ou renouveler un passeport.',
    steps: [
      'Achetez le timbre fiscal en ligne (timbres.impots.gouv.fr) ou au bureau de tabac.',
      'Sur ants.gouv.fr, faites la pré-demande en ligne.',
      'Prenez rendez-vous dans une mairie équipée.',
      'Allez au rendez-vous avec vos papiers et le timbre.',
      'Vous êtes prévenu par SMS quand il est prêt.',
    ],
    documents: ['photo d’identité récente', 'ancien passeport', 'justificatif de domicile', 'timbre fiscal'],
    website: 'https://ants.gouv.fr',
    phone: antsPhone,
    cost: '86 € pour un adulte (timbre fiscal)',
    fakeSitesWarning: antsWarning,
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://www.service-public.fr/particuliers/vosdroits/N360',
    reviewedAt,
  },
  {
    id: 'carte-grise',
    title: 'Carte grise (immatriculation)',
    category: 'vehicule',
    synonyms: ['carte grise', 'certificat d immatriculation', 'immatriculation', 'vendre ma voiture', 'acheter une voiture', 'changement d adresse carte grise'],
    audience: "Pour faire ou changer une carte grise : achat, vente, déménagement, perte.",
    steps: [
      'Allez sur ants.gouv.fr et connectez-vous avec FranceConnect.',
      'Choisissez votre démarche : achat, vente, changement d’adresse...',
      'Remplissez et ajoutez les documents scannés ou photographiés.',
      'Payez en ligne s’il y a une taxe : vous recevez un certificat provisoire.',
      'La carte grise arrive chez vous par courrier.',
    ],
    documents: ['ancienne carte grise', 'pièce d’identité', 'justificatif de domicile', 'contrôle technique si besoin'],
    website: 'https://ants.gouv.fr',
    phone: antsPhone,
    cost: 'Selon la région et le véhicule ; le changement d’adresse est gratuit',
    fakeSitesWarning: antsWarning,
    franceServicesCanHelp: true,
    aidantsConnect: true,
    source: 'https://www.service-public.fr/particuliers/vosdroits/N367',
    reviewedAt,
  },
];
