// Reads numbers said or typed as French words, the way people give a postal code on the phone or to a voice
// assistant: « quarante-huit mille » (48000), « zéro deux huit cent vingt » (02820), « sept quatre zéro zéro zéro ».
// Kept by hand: no maintained library reads French number words as digit sequences (libphonenumber-js reads digits,
// not « soixante-dix-huit »); its output goes to libphonenumber-js for phone numbers.
import { normalizeFrench } from '../engine/nlu/normalize.js';

const UNITS = new Map<string, number>(Object.entries({ un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9 }));
const TEENS = new Map<string, number>(Object.entries({ dix: 10, onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16 }));
const TENS = new Map<string, number>(Object.entries({ vingt: 20, vingts: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60 }));

type Last = 'none' | 'unit' | 'dix' | 'teen' | 'ten' | 'hundred' | 'thousand';

/**
 * The digits a text spells out, each spoken number in turn ("zéro deux huit cent vingt" -> "02820"); digits typed
 * as digits are kept. Undefined when the text holds no number at all.
 */
export function spokenDigits(text: string): string | undefined {
  const tokens = normalizeFrench(text).split(' ').filter(Boolean);
  let digits = '';
  let found = false;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (/^\d+$/.test(token)) {
      digits += token;
      found = true;
      i++;
      continue;
    }
    if (token === 'zero') {
      digits += '0';
      found = true;
      i++;
      continue;
    }
    const group = readNumber(tokens, i);
    if (group) {
      digits += String(group.value);
      found = true;
      i = group.next;
    } else i++;
  }
  return found ? digits : undefined;
}

/** One French number from position `start`, as far as the words can extend it. */
function readNumber(tokens: string[], start: number): { value: number; next: number } | undefined {
  let thousands = 0;
  let current = 0;
  let last: Last = 'none';
  let i = start;
  for (; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (UNITS.has(t)) {
      const u = UNITS.get(t)!;
      const completesTens: boolean = last === 'ten' || (last === 'dix' && u >= 7); // vingt-deux, dix-sept
      if (!completesTens && last !== 'none' && last !== 'hundred' && last !== 'thousand') break;
      current += u;
      last = completesTens ? 'teen' : 'unit';
    } else if (TEENS.has(t)) {
      const teen = TEENS.get(t)!;
      const afterTens = last === 'ten' && (current % 100 === 60 || current % 100 === 80);
      if (last === 'none' || last === 'hundred' || last === 'thousand' || afterTens) current += teen;
      else break;
      last = t === 'dix' ? 'dix' : 'teen';
    } else if (TENS.has(t)) {
      if (t.startsWith('vingt') && last === 'unit' && current % 100 === 4) current += 76; // quatre-vingt
      else if (last === 'none' || last === 'hundred' || last === 'thousand') current += TENS.get(t)!;
      else break;
      last = 'ten';
    } else if (t === 'et' && last === 'ten') {
      continue;
    } else if (t === 'cent' || t === 'cents') {
      if (last === 'none' || last === 'thousand') current += 100;
      else if (last === 'unit' && current % 100 < 10 && current < 10) current *= 100;
      else break;
      last = 'hundred';
    } else if (t === 'mille') {
      if (thousands > 0) break;
      thousands = (last === 'none' ? 1 : current) * 1000;
      current = 0;
      last = 'thousand';
    } else break;
  }
  return i > start && last !== 'none' ? { value: thousands + current, next: i } : undefined;
}
