// Whole-word phrase search on normalised French, shared by the readers of scams, needs and places.
import { normalizeFrench } from '../../engine/nlu/normalize.js';
import { rememberedFor } from '../../engine/remembered.js';

/** A list of everyday phrases, normalised once. */
export type PhraseList = readonly string[];

/**
 * Each list's phrases normalised and framed by spaces, once: a message is read against hundreds of phrases, and
 * framing them at every test made a new string each time (a sixth of what a turn allocated).
 */
const framed = rememberedFor((list: PhraseList): string[] => list.map(normalizeFrench).filter(Boolean).map((p) => ` ${p} `));

/** True when `phrase` appears in the normalised `text` as whole words. */
export const hasPhrase = (text: string, phrase: string): boolean => phrase !== '' && ` ${text} `.includes(` ${phrase} `);

/** True when any phrase of the list appears in the normalised `text`. */
export function hasAny(text: string, list: PhraseList): boolean {
  const framedText = ` ${text} `;
  return framed(list).some((p) => framedText.includes(p));
}

/** The keys of a dictionary of phrase lists whose phrases appear in the text, in the dictionary's order. */
export function keysFound<K extends string>(text: string, lists: Record<K, PhraseList>): K[] {
  return (Object.keys(lists) as K[]).filter((k) => hasAny(text, lists[k]));
}

/** The text with every phrase of the list blanked out (words kept apart by single spaces). */
export function withoutPhrases(text: string, list: PhraseList): string {
  let out = ` ${text} `;
  for (const p of framed(list)) while (out.includes(p)) out = out.replace(p, ' ');
  return out.trim().replace(/\s+/g, ' ');
}
