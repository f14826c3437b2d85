// Decodes the HTML entities open-data files carry in names and addresses (« Clic' &amp; Ressources », « l&#39;Isle »).
// Hand-written on purpose: the `entities` package decodes all 2,231 named entities from tables that cost the Worker
// 24 KB gzipped of its 1 MiB budget, while open data only ever shows these few and numeric references.
const NAMED = new Map([
  ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', ' '], ['rsquo', '’'], ['lsquo', '‘'],
  ['laquo', '«'], ['raquo', '»'], ['eacute', 'é'], ['egrave', 'è'], ['ecirc', 'ê'], ['agrave', 'à'], ['acirc', 'â'],
  ['ccedil', 'ç'], ['ocirc', 'ô'], ['ucirc', 'û'], ['ugrave', 'ù'], ['icirc', 'î'], ['iuml', 'ï'], ['euml', 'ë'],
  ['Eacute', 'É'], ['Egrave', 'È'], ['Agrave', 'À'], ['Ccedil', 'Ç'], ['oelig', 'œ'], ['hellip', '…'], ['ndash', '–'], ['mdash', '—'],
]);

/** `text` with its entities decoded; an unknown or malformed reference is left as written. */
export function decodeHtmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED.get(ref) ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}
