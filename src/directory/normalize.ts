// Normalises place names and queries: the engine's French normaliser, plus "St"/"Ste" read as "Saint"/"Sainte".
import { normalizeFrench } from '../engine/nlu/normalize.js';

export function normalizePlaceName(text: string): string {
  return normalizeFrench(text).replace(/\bste\b/g, 'sainte').replace(/\bst\b/g, 'saint');
}

/**
 * The names a commune is found by, from its normalised name: the name itself; for a municipal arrondissement its
 * short forms too (« Paris 15e Arrondissement » is also « paris 15 » and « paris 15e »: « je suis à Marseille 13e »);
 * for a name that begins with an elided article, that article written without its apostrophe (« lile rousse » for
 * L'Île-Rousse, « lhay les roses »).
 */
export function communeNames(normalizedName: string): string[] {
  const elided = /^[ld] [aeiouyh]/.test(normalizedName) ? [normalizedName.replace(' ', '')] : [];
  const arrondissement = normalizedName.endsWith(' arrondissement') ? /^(.*) (\d+)(er|e) arrondissement$/.exec(normalizedName) : null;
  if (!arrondissement) return [normalizedName, ...elided];
  const [, city, number, suffix] = arrondissement;
  return [normalizedName, `${city} ${number}`, `${city} ${number}${suffix}`];
}

/**
 * What a person typed as a place, if it may be said back to them (« Je ne trouve pas la commune "…" »): only what
 * could be a commune's name (letters, spaces, hyphens, apostrophes, 40 characters at most) or a postal code. A web address, a phone
 * number or anything else a person typed is never repeated: the sentence then goes without it.
 */
export function echoablePlaceName(text: string): string {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (/^\d{5}$/.test(trimmed)) return trimmed; // a postal code
  return trimmed.length <= 40 && /^[\p{L}][\p{L}' ’-]*$/u.test(trimmed) ? trimmed : '';
}
