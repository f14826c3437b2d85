// Keeps outgoing SMS in the GSM-7 alphabet: one non-GSM character (a curly apostrophe, an ê, an emoji) would switch
// the whole message to UCS-2 and cut a segment from 160 to 70 characters, tripling the cost for seniors' replies.
import { remembered } from '../../engine/remembered.js';

/** GSM 03.38 basic character set. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each costs two septets (an escape, then the character). */
const EXTENDED = '^{}\\[~]|€\f';
const BASIC_SET = new Set(BASIC);
const EXTENDED_SET = new Set(EXTENDED);

/** Typographic characters and letters outside GSM-7, with the plain form that reads as well. */
const REPLACEMENTS: Record<string, string> = {
  '’': "'", '‘': "'", '‚': "'", '′': "'", '`': "'", '´': "'",
  '“': '"', '”': '"', '„': '"', '«': '"', '»': '"', '″': '"',
  '–': '-', '—': '-', '‑': '-', '−': '-', '…': '...', '•': '-', '·': '.',
  '\u00a0': ' ', '\u202f': ' ', '\u2009': ' ', '\u2007': ' ', '\t': ' ',
  œ: 'oe', Œ: 'OE', ç: 'c',
  â: 'a', ê: 'e', î: 'i', ô: 'o', û: 'u', ë: 'e', ï: 'i', ÿ: 'y', á: 'a', í: 'i', ó: 'o', ú: 'u', ã: 'a', õ: 'o',
  Â: 'A', Ê: 'E', Î: 'I', Ô: 'O', Û: 'U', Ë: 'E', Ï: 'I', Ÿ: 'Y', À: 'A', È: 'E', Ù: 'U', Á: 'A', Í: 'I', Ó: 'O', Ú: 'U',
};

/**
 * Converts text to GSM-7: French typography straightened, letters outside the alphabet plainer, the rest dropped.
 * Remembered: a turn's rendering converts the same replies several times while it looks for the cheapest cut.
 */
export const toGsm7 = remembered(convertToGsm7);

function convertToGsm7(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const replaced = Object.hasOwn(REPLACEMENTS, char) ? REPLACEMENTS[char] : undefined;
    if (replaced !== undefined) out += replaced;
    else if (char === '\r') continue;
    else if (BASIC_SET.has(char) || EXTENDED_SET.has(char)) out += char === '\f' ? '' : char;
  }
  // « Bonjour » becomes " Bonjour " after replacement: pull the quote marks back onto their word.
  return out
    .replace(/" ([^"\n]*?) "/g, '"$1"')
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ +\n/g, '\n')
    .trim();
}

/**
 * The text as it would go in UCS-2, every letter kept (« bientôt », « même », « ça »): only spacing is tidied. Used
 * when it costs no more than the GSM-7 form (see `cheaperSms`).
 */
export function toUnicodeSms(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u202f\u2009\u2007\t]/g, ' ')
    .replace(/\r/g, '')
    .replace(/[ ]{2,}/g, ' ')
    .replace(/ +\n/g, '\n')
    .trim();
}

/**
 * One SMS as it is cheapest to send. GSM-7 has é è ù ì ò à É Ç but not ê, ô, â, î, û, ç: one of those switches the
 * whole SMS to UCS-2, at 70 characters a segment instead of 160. So the letters are kept exactly when that costs
 * nothing (a short SMS, one segment either way), and replaced by their plain form (ê -> e) only when it saves a
 * segment. Either way the person pays the least, and reads every accent whenever it is free.
 */
export const cheaperSms = remembered(cheaperSmsOf);

function cheaperSmsOf(text: string): { text: string; segments: number } {
  const gsm = toGsm7(text);
  const gsmSegments = countSegments(gsm).segments;
  const unicode = toUnicodeSms(text);
  if (unicode !== gsm) {
    const unicodeSegments = countSegments(unicode).segments;
    if (unicodeSegments <= gsmSegments) return { text: unicode, segments: unicodeSegments };
  }
  return { text: gsm, segments: gsmSegments };
}

export interface SegmentCount {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
}

export function countSegments(text: string): SegmentCount {
  if (text === '') return { encoding: 'GSM-7', segments: 0, units: 0 };
  let septets = 0;
  let gsm = true;
  for (const char of text) {
    if (BASIC_SET.has(char)) septets += 1;
    else if (EXTENDED_SET.has(char)) septets += 2;
    else {
      gsm = false;
      break;
    }
  }
  if (gsm) return { encoding: 'GSM-7', units: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
  const units = text.length;
  return { encoding: 'UCS-2', units, segments: units <= 70 ? 1 : Math.ceil(units / 67) };
}

/** Septets a GSM-7 text costs (extension characters count two). */
export const septetsOf = (text: string) => [...text].reduce((n, c) => n + (EXTENDED_SET.has(c) ? 2 : 1), 0);

/**
 * Splits a GSM-7 text into messages of at most `maxSegments` segments each. Whole paragraphs are kept together
 * when they fit, then whole lines, then words; a word is cut only if it alone is longer than a message.
 */
export function splitForSms(text: string, maxSegments = 2): string[] {
  const limit = maxSegments <= 1 ? 160 : 153 * maxSegments;
  return pack(text.trim(), limit, ['\n\n', '\n', ' ']);
}

/** Greedily packs the pieces of `text` cut at the first separator; pieces too long are cut at the next one. */
function pack(text: string, limit: number, separators: string[]): string[] {
  if (septetsOf(text) <= limit) return text ? [text] : [];
  const [separator, ...finer] = separators;
  if (separator === undefined) return hardCut(text, limit);
  const parts: string[] = [];
  let current = '';
  for (const piece of text.split(separator).map((p) => p.trim()).filter(Boolean)) {
    const candidate = current ? current + separator + piece : piece;
    if (septetsOf(candidate) <= limit) {
      current = candidate;
      continue;
    }
    if (current) parts.push(current);
    current = '';
    if (septetsOf(piece) <= limit) current = piece;
    else {
      const pieces = pack(piece, limit, finer);
      current = pieces.pop() ?? '';
      parts.push(...pieces);
    }
  }
  if (current) parts.push(current);
  return parts;
}

function hardCut(text: string, limit: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (septetsOf(rest) > limit) {
    const cut = cutIndex(rest, limit);
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) parts.push(rest);
  return parts;
}

function cutIndex(text: string, limit: number): number {
  let septets = 0;
  let i = 0;
  for (const char of text) {
    septets += EXTENDED_SET.has(char) ? 2 : 1;
    if (septets > limit) break;
    i += char.length;
  }
  return i;
}
