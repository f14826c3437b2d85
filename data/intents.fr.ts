// Everyday French words that reveal what a free sentence is about. Matched on normalised text (no accents).

/** A message about a suspicious SMS, mail or call. */
export const scamWords = [
  'arnaque', 'arnaquer', 'escroquerie', 'escroc', 'frauduleux', 'fraude', 'suspect', 'bizarre', 'louche', 'hameconnage', 'phishing',
  'on me demande mon code', 'code bancaire', 'numero de carte', 'colis en attente', 'faux site', 'faux message', 'piratage', 'pirate',
];

/** Words that name what someone wants to find nearby, mapped to the directory's needs. */
export const needWords: Record<string, string[]> = {
  demarches: ['france services', 'france service', 'demarche', 'demarches', 'papiers', 'dossier', 'maison france services'],
  apprendre: ['apprendre', 'atelier', 'ateliers', 'cours', 'formation', 'tablette', 'ordinateur', 'smartphone', 'portable', 'telephone'],
  materiel: ['acheter un ordinateur', 'ordinateur pas cher', 'materiel', 'reconditionne'],
  internet: ['acces internet', 'wifi', 'connexion internet'],
};

/** Words after which a commune's name usually comes ("j'habite à Mende", "près de Rodez"). */
export const placeCues = ['a', 'au', 'aux', 'sur', 'habite', 'habitons', 'vis', 'vit', 'pres de', 'pres d', 'vers', 'commune de', 'ville de', 'village de', 'mairie de', 'cote de', 'region de', 'secteur de'];

/** Words that end a commune's name in a sentence. */
export const placeStops = ['et', 'mais', 'pour', 'je', 'j', 'il', 'elle', 'qui', 'que', 'avec', 'car', 'donc', 'depuis', 'merci', 'svp', 'besoin', 'a', 'cherche', 'voudrais', 'veux'];

/** Words that say the person to help is not the one writing. */
export const relativeWords = ['ma mere', 'mon pere', 'mes parents', 'ma grand mere', 'mon grand pere', 'ma maman', 'mon papa', 'ma tante', 'mon oncle', 'ma voisine', 'mon voisin', 'un proche', 'pour ma mere', 'pour mon pere'];
