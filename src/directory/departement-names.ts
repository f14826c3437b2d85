// Departments named in a sentence (« Saint-Denis de la Réunion », « Valence dans la Drôme », « Saint-Pierre (974) »,
// « en Bretagne »): among communes of the same name, the one in the department said is the one meant, not asked.
import type { DepartementName } from './embedded-data.js';
import { normalizePlaceName } from './normalize.js';

/**
 * Words a department or region is named after (« en », « dans la », « de la », « à la »). Without them, a word that
 * happens to be a name is not taken for it: « un ordinateur pas cher » does not name the Cher, nor « la somme » the
 * Somme.
 */
const PREPOSITIONS = new Set(['en', 'dans', 'de', 'd', 'du', 'des']);
const ARTICLES = new Set(['la', 'le', 'les', 'l']);
const ARTICLE = /^(la|le|les|l) /;
const cued = (words: string[], at: number) =>
  PREPOSITIONS.has(words[at - 1] ?? '') || (ARTICLES.has(words[at - 1] ?? '') && (PREPOSITIONS.has(words[at - 2] ?? '') || words[at - 2] === 'a'));
/** The longest name in words (« Provence-Alpes-Côte d'Azur »). */
const MAX_NAME_WORDS = 5;

/** Reads the department codes a text names, most specific first (a department before the region holding it). */
export function departementReader(names: DepartementName[]): (text: string) => string[] {
  const departements = new Map<string, string[]>();
  const regions = new Map<string, string[]>();
  const add = (index: Map<string, string[]>, name: string, code: string) => {
    const key = normalizePlaceName(name).replace(ARTICLE, '');
    if (key) index.set(key, [...(index.get(key) ?? []), code]);
  };
  for (const d of names) {
    add(departements, d.name, d.code);
    if (d.region) add(regions, d.region, d.code);
  }
  const codes = new Set(names.map((d) => d.code));
  return (text) => {
    const found: string[] = [];
    // « Saint-Pierre (974) », « dans le 93 »: a department's number in brackets or after « le », « du ».
    for (const [, code] of text.matchAll(/\((\d{2,3}|2[AB])\)/gi)) if (codes.has(code!.toUpperCase())) found.push(code!.toUpperCase());
    const words = normalizePlaceName(text).split(' ').filter(Boolean);
    const named: string[] = [];
    for (let start = 1; start < words.length; start++) {
      if (/^\d{2,3}$/.test(words[start]!) && ['le', 'du'].includes(words[start - 1]!) && codes.has(words[start]!)) found.push(words[start]!);
      if (!cued(words, start)) continue;
      for (let size = Math.min(MAX_NAME_WORDS, words.length - start); size >= 1; size--) {
        const run = words.slice(start, start + size).join(' ');
        const hit = departements.get(run) ?? regions.get(run);
        if (hit) {
          (departements.has(run) ? found : named).push(...hit);
          break;
        }
      }
    }
    return [...new Set([...found, ...named])];
  };
}
