// French wording the phone channel adds around the flows' texts: how a menu is read, how keys are named, and the
// few rewrites that make written French read well aloud (« 8h30-12h » -> « 8 heures 30 à 12 heures »).
export const voiceWording = {
  /** Said at once while the understanding model reads a long answer, rather than a silence on the line. */
  holdOn: "Un instant, s'il vous plaît.",
  /** How each choice of a menu is said, after the question. */
  choice: '{label} : tapez {key}.',
  /** Keys that carry a meaning of their own on the phone, as the words the flows' commands know. */
  keys: { '*': 'étoile' } as Record<string, string>,
  /**
   * Sounds a caller makes while thinking or checking the line: not an answer. Said alone, they count as silence
   * (the no-input ladder, never « J'ai compris : euh ») ; around an answer (« euh… Annecy »), they are dropped.
   * Compared without accents, a letter held long said once (« euuuh » is « euh »).
   */
  fillers: ['euh', 'heu', 'eh', 'hum', 'hm', 'mh', 'ben', 'bah', 'beh', 'be', 'allo', 'hein', 'ah', 'oh', 'ouh', 'pf'],
  lexicon: {
    hours: 'heures',
    to: 'à',
    kilometres: 'kilomètres',
    kilometre: 'kilomètre',
    metres: 'mètres',
    phone: 'Téléphone',
    number: 'numéro',
    /** Said where a web address was written (« Allez sur ameli.fr » -> « Allez sur le site officiel »). */
    website: 'le site officiel',
  },
};

export type VoiceWording = typeof voiceWording;
