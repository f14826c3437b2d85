// The Albert rule: text a model phrased keeps only the phone numbers, web addresses and amounts our own data holds.
// Today no model-phrased word is sent to anyone (the model returns a reading, see model-reading.ts); a later
// extension that lets a model phrase an answer must pass it through `groundedText` with the data it was grounded on
// (the procedure's entry, the places found) before a senior reads or hears it.
//
// Hand-written patterns: no maintained library finds « amounts » and « web addresses » in French prose together, and
// a phone finder that keeps only valid numbers would let an invalid but dialable made-up number through.

/** Phone-like runs: eight digits or more, with the separators people and models use, or a short number (3xxx). */
const PHONE = /(?:\+|00)?\d[\d\s.()-]{6,}\d|\b3\d{3}\b/g;
/** Web addresses: a scheme, « www. », or a name with a dot and a top-level domain (« ameli-rembourse.info »). */
const WEB = /\b(?:https?:\/\/|www\.)[^\s<>«»"]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:fr|com|org|net|gouv\.fr|info|eu|io|co|xyz|top|site|online|link|ly|me|app)\b(?:\/[^\s<>«»"]*)?/gi;
/** Amounts: a number with a currency before or after it (« 150 € », « 1 200,50 euros », « EUR 30 », « €30 »). */
const AMOUNT = /(?:€|\beur\b|\beuros?\b)\s*\d[\d\s.,]*\d?|\d[\d\s.,]*(?:\s?(?:€|\beuros?\b|\beur\b|\bcentimes?\b))/gi;

const REMOVED = '\u0000';

/** Everything compared by its bare form: digits for numbers (+33 as 0), lower case without scheme for addresses. */
const phoneKey = (s: string) => s.replace(/\D/g, '').replace(/^(00)?33/, '0');
const webKey = (s: string) =>
  s
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/.,;:!?)]+$/, '');
const amountKey = (s: string) => s.replace(/[^\d,]/g, '').replace(/,00$/, '');

/**
 * `text` with every phone number, web address and amount that is not in `grounding` removed. Full-width and other
 * look-alike characters are folded first (NFKC), so « ０１ ２３… » cannot slip through.
 */
export function groundedText(text: string, grounding: readonly string[]): string {
  const source = grounding.map((g) => g.normalize('NFKC')).join('\n');
  const known = {
    phones: new Set([...source.matchAll(PHONE)].map((m) => phoneKey(m[0]))),
    webs: new Set([...source.matchAll(WEB)].map((m) => webKey(m[0]))),
    amounts: new Set([...source.matchAll(AMOUNT)].map((m) => amountKey(m[0]))),
  };
  // What is removed leaves a mark first, so that only the spaces around it are tidied, not the text's own.
  return text
    .normalize('NFKC')
    .replace(WEB, (m) => (known.webs.has(webKey(m)) ? m : REMOVED))
    .replace(AMOUNT, (m) => (known.amounts.has(amountKey(m)) ? m : REMOVED))
    .replace(PHONE, (m) => (known.phones.has(phoneKey(m)) ? m : REMOVED))
    .replace(/[ \t]*\u0000+(?=[.,;!?]|$)/g, '')
    .replace(/[ \t]*\u0000+[ \t]*/g, ' ')
    .trim();
}
