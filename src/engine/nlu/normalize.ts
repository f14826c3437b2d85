// Normalises what people type so that accents, case, punctuation and stray spaces never decide a match.

/** Lowercase, no accents, letters and digits only, single spaces. « Arrêt ! » -> "arret". */
export function normalizeFrench(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’'`´]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words people add around a command or an answer that carry no meaning for the match. */
const FILLER = new Set([
  'svp', 's', 'il', 'vous', 'plait', 'plaît', 'stp', 'te', 'merci', 'bonjour', 'bonsoir', 'je', 'j', 'veux', 'voudrais',
  'aimerais', 'souhaite', 'le', 'la', 'les', 'l', 'un', 'une', 'du', 'de', 'des', 'numero', 'choix', 'option', 'reponse',
  'c', 'est', 'ca', 'alors', 'euh', 'bah', 'ben', 'ok', 'et', 'moi', 'pour', 'a',
]);

/** The meaningful words of a normalised message. */
export function meaningfulWords(normalized: string): string[] {
  return normalized.split(' ').filter((w) => w.length > 0 && !FILLER.has(w));
}
