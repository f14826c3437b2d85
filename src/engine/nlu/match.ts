// Matches a free answer against a menu's options and the built-in commands, tolerant of how people write.
import type { StepOption } from '../flow-schema.js';
import { meaningfulWords, normalizeFrench } from './normalize.js';
import { pickedNumber } from './numbers.js';
import { rememberedFor } from '../remembered.js';

/** Yes and no, the way people actually say them. Options opt in with the synonyms "@oui" / "@non". */
const YES = ['oui', 'ouais', 'ouai', 'oue', 'si', 'd accord', 'dacord', 'daccord', 'ok', 'okay', 'oki', 'bien sur', 'volontiers', 'yes', 'exact', 'exactement', 'tout a fait', 'parfait', 'entendu', 'vas y', 'allez y', 'go',
  // Said rather than typed, on the phone.
  'c est ca', 'voila', 'absolument', 'evidemment', 'certainement', 'avec plaisir', 'affirmatif'];
const NO = ['non', 'nan', 'no', 'pas du tout', 'jamais', 'surtout pas', 'non merci', 'pas maintenant', 'plus tard', 'pas vraiment', 'pas la peine', 'negatif'];

// Normalised forms of a list, computed once per list: flows are static data and matching runs on every message.
// Keyed by the list itself, so edited flows (new lists) never read stale entries.
const expand = rememberedFor((synonyms: string[]) => synonyms.flatMap((s) => (s === '@oui' ? YES : s === '@non' ? NO : [s])).map(normalizeFrench));
const triggerPhrases = rememberedFor((triggers: string[]) => triggers.map((t) => meaningfulWords(normalizeFrench(t)).join(' ')));
const labelWords = rememberedFor((option: StepOption) => meaningfulWords(normalizeFrench(option.label)).filter((w) => w.length > 3));

/** True when `phrase` appears in `text` as whole words. */
function containsPhrase(text: string, phrase: string): boolean {
  return phrase.length > 0 && ` ${text} `.includes(` ${phrase} `);
}

/** The built-in command a whole message asks for, if any ("Arrêt", "aide svp", "0"). */
export function matchCommand<K extends string>(text: string, commands: Record<K, string[]>): K | undefined {
  const words = meaningfulWords(normalizeFrench(text)).join(' ');
  if (!words) return undefined;
  for (const [name, triggers] of Object.entries(commands) as [K, string[]][]) {
    if (triggerPhrases(triggers).includes(words)) return name;
  }
  return undefined;
}

/**
 * The option a message picks: by its key or a number word, else by its synonyms or label words.
 * Returns undefined when nothing or more than one option fits: an ambiguous answer is asked again, never guessed.
 */
export function matchOption(text: string, options: StepOption[]): StepOption | undefined {
  const normalized = normalizeFrench(text);
  if (!normalized) return undefined;
  const number = pickedNumber(text);
  const byKey = number === undefined ? undefined : options.find((o) => Number(o.key) === number);
  const bySynonym = options.filter((o) => expand(o.synonyms).some((s) => containsPhrase(normalized, s)));
  if (bySynonym.length === 1 && (!byKey || byKey === bySynonym[0])) return bySynonym[0];
  if (byKey && bySynonym.length === 0) return byKey;
  if (bySynonym.length > 1) return undefined;
  const words = new Set(meaningfulWords(normalized).filter((w) => w.length > 3));
  const byLabel = options.filter((o) => labelWords(o).some((w) => words.has(w)));
  return byLabel.length === 1 ? byLabel[0] : undefined;
}
