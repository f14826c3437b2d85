// Recognising scams: fake paid sites, phishing SMS and mails, and what to do when in doubt.
import type { ProcedureInput } from '../../src/knowledge/procedure-schema.js';

const reviewedAt = '2026-11-22';

export const securite: ProcedureInput[] = [
  {
    id: 'faux-sites-payants',
    title: 'Les faux sites qui font payer',
    category: 'securite',
    synonyms: ['site officiel', 'fait payer', 'payant carte grise', 'faux site', 'site payant', 'on m a fait payer', 'site officiel ou pas', 'arnaque site', 'frais de dossier'],
    audience: 'Pour tous : des sites imitent les sites publics et font payer des démarches gratuites.',
    steps: [
      'Les vrais sites publics finissent par « .gouv.fr » (ou ameli.fr, caf.fr...).',
      'Une carte grise, une carte d’identité, un acte de naissance : pas de frais de dossier.',
      'Tapez l’adresse vous-même plutôt que de cliquer sur une publicité.',
      'Si vous avez payé, gardez les preuves et signalez-le sur internet-signalement.gouv.fr.',
    ],
    documents: [],
    website: 'https://www.service-public.fr',
    cost: 'Gratuit',
    franceServicesCanHelp: true,
    aidantsConnect: false,
    source: 'https://www.cybermalveillance.gouv.fr',
    reviewedAt,
  },
  {
    id: 'sms-frauduleux',
    title: 'SMS et mails frauduleux (hameçonnage)',
    category: 'securite',
    synonyms: ['sms frauduleux', 'faux sms', 'hameconnage', 'phishing', 'colis en attente', 'amende a payer', 'faux mail', 'compte cpf'],
    audience: 'Pour tous : de faux messages imitent la poste, les amendes, la santé ou la banque pour voler vos codes.',
    steps: [
      'Un message urgent avec un lien ou une demande de code : c’est presque toujours une arnaque.',
      'Ne cliquez pas et ne répondez pas.',
      'Transférez le SMS au 33700 : c’est gratuit.',
      'En cas de doute, appelez l’organisme avec le numéro de votre carte ou d’un courrier.',
    ],
    documents: [],
    website: 'https://www.33700.fr',
    cost: 'Gratuit',
    franceServicesCanHelp: true,
    aidantsConnect: false,
    source: 'https://www.cybermalveillance.gouv.fr',
    reviewedAt,
  },
  {
    id: 'victime-arnaque',
    title: "Victime d'une arnaque : que faire",
    category: 'securite',
    synonyms: ['victime arnaque', 'j ai donne mes codes', 'on m a vole', 'piratage', 'compte pirate', 'escroquerie', 'porter plainte'],
    audience: 'Pour celles et ceux qui ont donné des codes, payé ou cliqué sur un faux message.',
    steps: [
      'Appelez tout de suite votre banque pour bloquer la carte.',
      'Changez le mot de passe donné, partout où vous l’utilisez.',
      'Portez plainte à la gendarmerie, au commissariat ou en ligne.',
      'Trouvez aide et conseils sur cybermalveillance.gouv.fr.',
    ],
    documents: ['les messages reçus', 'les relevés bancaires'],
    website: 'https://www.cybermalveillance.gouv.fr',
    phone: { number: '0 805 805 817', hours: 'Info Escroqueries, du lundi au vendredi', cost: 'appel gratuit' },
    cost: 'Gratuit',
    franceServicesCanHelp: true,
    aidantsConnect: false,
    source: 'https://www.cybermalveillance.gouv.fr',
    reviewedAt,
  },
];
