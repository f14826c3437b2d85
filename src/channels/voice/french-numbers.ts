// Writes numbers as French words, for the ear: a phone number said pair by pair (« zéro quatre, soixante-six… »)
// is what people expect, where a speech engine left alone may read « 04 66 49 66 66 » as one large number.

const UNITS = ['zéro', 'un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf', 'dix', 'onze', 'douze', 'treize', 'quatorze', 'quinze', 'seize'];
const TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante', 'soixante', 'quatre-vingt', 'quatre-vingt'];

/** 0 to 99 in French words (« soixante-et-onze », « quatre-vingt-dix-neuf »). */
export function frenchNumberWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) throw new RangeError(`${n} is outside 0-99`);
  if (n <= 16) return UNITS[n]!;
  if (n < 20) return `dix-${UNITS[n - 10]}`;
  const tens = Math.floor(n / 10);
  // 70-79 and 90-99 count on from 60 and 80: soixante-douze, quatre-vingt-quinze.
  const rest = tens === 7 || tens === 9 ? n - (tens - 1) * 10 : n % 10;
  const base = TENS[tens]!;
  if (rest === 0) return tens === 8 ? 'quatre-vingts' : base;
  if ((rest === 1 || rest === 11) && tens !== 8 && tens !== 9) return `${base}-et-${frenchNumberWords(rest)}`;
  return `${base}-${frenchNumberWords(rest)}`;
}

/** A French ten-digit phone number as it is said: pair by pair, the leading zero spoken. */
export function spokenPhoneNumber(digits: string): string {
  const pairs = digits.match(/\d{2}/g) ?? [];
  return pairs.map((pair) => (pair.startsWith('0') ? `zéro ${UNITS[Number(pair[1])]}` : frenchNumberWords(Number(pair)))).join(', ');
}
