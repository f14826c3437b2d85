// Whole-word phrase search on normalised French, shared by the readers of scams, needs and places.
import { normalizeFrench } from '../../engine/nlu/normalize.js';

/** A list of everyday phrases, normalised once. */
export type PhraseList = readonly string[];

const normalizedLists = new WeakMap<PhraseList, string[]>();
function normalized(list: PhraseList): string[] {
  let value = normalizedLists.get(list);
  if (!value) normalizedLists.set(list, (value = list.map(normalizeFrench).filter(Boolean)));
  return value;
}

/** True when `phrase` appears in the normalised `text` as whole words. */
export const hasPhrase = (text: string, phrase: string): boolean => phrase !== '' && ` ${text} `.includes(` ${phrase} `);

/** True when any phrase of the list appears in the normalised `text`. */
export const hasAny = (text: string, list: PhraseList): boolean => normalized(list).some((p) => hasPhrase(text, p));

/** The keys of a dictionary of phrase lists whose phrases appear in the text, in the dictionary's order. */
export function keysFound<K extends string>(text: string, lists: Record<K, PhraseList>): K[] {
  return (Object.keys(lists) as K[]).filter((k) => hasAny(text, lists[k]));
}

/** The text with every phrase of the list blanked out (words kept apart by single spaces). */
export function withoutPhrases(text: string, list: PhraseList): string {
  let out = ` ${text} `;
  for (const p of normalized(list)) while (out.includes(` ${p} `)) out = out.replace(` ${p} `, ' ');
  return out.trim().replace(/\s+/g, ' ');
}
