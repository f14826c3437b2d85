// Normalises what people type so that accents, case, punctuation and stray spaces never decide a match.
import { remembered } from '../remembered.js';

/**
 * Lowercase, no accents, letters and digits only, single spaces. « Arrêt ! » -> "arret".
 * One pass over the text: each character outside ASCII is folded once (accents off, œ → oe) and remembered. Seven
 * regular-expression passes and a Unicode decomposition of every text cost a tenth of the start (35,000 commune
 * names) and ran on every message. `foldedCharacter` is the definition; the test compares both on every commune
 * name and on random Unicode.
 */
export function normalizeFrench(text: string): string {
  let out = '';
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let folded: string;
    if (code < 128) {
      if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) folded = text[i]!;
      else if (code >= 65 && code <= 90) folded = String.fromCharCode(code + 32);
      else folded = '';
    } else if (code >= 0x300 && code <= 0x36f) {
      continue; // a combining accent vanishes: « e\u0301 » is « e », not « e » then a gap
    } else {
      // A surrogate pair is one character: folded whole, as the decomposition would see it.
      const next = text.charCodeAt(i + 1);
      const high = code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
      const character = high ? text.slice(i, i + 2) : text[i]!;
      if (high) i++;
      folded = foldedOnce(character);
    }
    if (folded === '') {
      gap = true;
    } else {
      if (gap && out !== '') out += ' ';
      gap = false;
      out += folded;
    }
  }
  return out;
}

/** Each character outside ASCII folded once; bounded, since a hostile text of distinct characters must not grow it without end. */
const foldedOnce = remembered(foldedCharacter, 4096);

/** One character as the normalisation reads it: its letters and digits without accents, '' for anything else. */
export function foldedCharacter(character: string): string {
  return character
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]/g, '');
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
