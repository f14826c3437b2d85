// French labels of the activity figures (/espace/activite, its CSV and report): one word per code of
// src/activity/facts.ts. Unknown codes are shown as they are.

export const channelLabels: Record<string, string> = { sms: 'SMS', whatsapp: 'WhatsApp', voice: 'Téléphone', web: 'Espace' };

export const needLabels: Record<string, string> = {
  demarches: 'Une démarche',
  apprendre: 'Apprendre le numérique',
  materiel: 'Du matériel',
  internet: 'Un accès à internet',
  lieu: 'Un lieu d’aide près de chez soi',
  arnaque: 'Une arnaque ou un message douteux',
};

export const outcomeLabels: Record<string, string> = {
  'places-given': 'Lieux d’aide donnés',
  'white-zone': 'Zone blanche (rien à portée)',
  'procedure-explained': 'Démarche expliquée',
  'callback-requested': 'Rappel demandé',
  'scam-advice': 'Conseils contre une arnaque',
  'workshop-booked': 'Place réservée à un atelier',
  assessment: 'Bilan des besoins fait',
  'sms-sent': 'Adresses ou étapes envoyées par SMS',
};

export const initiatorLabels: Record<string, string> = {
  senior: 'La personne elle-même',
  caregiver: 'Un proche aidant',
  relay: 'Un relais (appel transféré)',
  platform: 'La plateforme',
};

export const orientationLabels: Record<string, string> = {
  envoyee: 'Envoyée',
  acceptee: 'Acceptée',
  refusee: 'Refusée',
  honoree: 'Honorée',
  'non-honoree': 'Non honorée',
  cloturee: 'Clôturée',
};

export const callbackLabels: Record<string, string> = { joint: 'Personne jointe', 'message laissé': 'Message laissé', injoignable: 'Injoignable' };

export const visitLabels: Record<string, string> = { oui: 'Y est allée', non: 'N’y est pas allée', aide: 'A demandé de l’aide' };

/** The cold evaluation's questions and their digits, as flows/suivi-steps.ts asks them (after a workshop or an orientation). */
export const evaluationLabels: Record<string, { label: string; values: Record<string, string> }> = {
  alone: { label: 'Se débrouille seule maintenant', values: { 1: 'Oui', 2: 'Un peu', 3: 'Non' } },
  use: { label: 'S’en sert encore', values: { 1: 'Oui, souvent', 2: 'Parfois', 3: 'Non' } },
  recommend: { label: 'Conseillerait l’atelier ou le lieu à un proche', values: { 1: 'Oui', 2: 'Non' } },
  need: { label: 'A encore besoin', values: { 1: 'De rien', 2: 'D’un autre atelier', 3: 'D’aide pour une démarche' } },
};

/** The assessment's answers that describe the person (the conseiller numérique report's « situation »). */
export const profileLabels: Record<string, { label: string; values: Record<string, string> }> = {
  equipment: {
    label: 'Équipement',
    values: { none: 'Aucun', 'basic-phone': 'Téléphone simple', smartphone: 'Smartphone', tablet: 'Tablette', computer: 'Ordinateur' },
  },
  internetAtHome: { label: 'Internet à la maison', values: { yes: 'Oui', no: 'Non' } },
  comfort: { label: 'Aisance', values: { never: 'Jamais essayé', beginner: 'Débute', ok: 'Se débrouille', expert: 'Très à l’aise' } },
  obstacle: {
    label: 'Principale difficulté',
    values: { cost: 'Le prix', confidence: 'La peur de se tromper', reading: 'Lire ou écrire', senses: 'La vue ou l’audition', mobility: 'Se déplacer', language: 'Le français', none: 'Aucune' },
  },
  wish: { label: 'Souhait', values: {} },
  urgency: { label: 'Urgence', values: {} },
  ageBand: { label: 'Tranche d’âge', values: {} },
};

/** The conseiller numérique activity report's « type d'accompagnement », by kind of fact. */
export const supportTypeLabels = { individual: 'Individuel', collective: 'Collectif', oneOff: 'Ponctuel' };

export const emptyLabels = {
  orientations: 'Aucune orientation sur la période.',
  followUps: 'Aucun suivi sur la période.',
  callbacks: 'Aucun rappel terminé sur la période.',
  generic: 'Rien sur la période.',
};
