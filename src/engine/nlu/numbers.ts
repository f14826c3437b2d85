// Reads the small numbers people use to pick a menu item, typed as digits or written as words.
import { normalizeFrench } from './normalize.js';

// A Map, not an object: a word such as « constructor » must not find an inherited property.
const WORDS = new Map<string, number>(Object.entries({
  zero: 0, un: 1, une: 1, premier: 1, premiere: 1, '1er': 1, '1ere': 1,
  deux: 2, deuxieme: 2, second: 2, seconde: 2, '2e': 2, '2eme': 2,
  trois: 3, troisieme: 3, '3e': 3, '3eme': 3,
  quatre: 4, quatrieme: 4, '4e': 4, cinq: 5, cinquieme: 5, six: 6, sixieme: 6,
  sept: 7, septieme: 7, huit: 8, huitieme: 8, neuf: 9, neuvieme: 9,
}));

/**
 * The single menu number in a message ("2", "le deux", "la première"), or undefined when there is none
 * or more than one (an ambiguous answer must be asked again, not guessed).
 */
export function pickedNumber(text: string): number | undefined {
  const found = new Set<number>();
  for (const word of normalizeFrench(text).split(' ')) {
    if (/^\d$/.test(word)) found.add(Number(word));
    else if (WORDS.has(word)) found.add(WORDS.get(word)!);
  }
  return found.size === 1 ? [...found][0] : undefined;
}
