// Rewrites a written reply for a speech engine: phone numbers pair by pair, times and distances in words, no links
// (a link cannot be heard), line breaks as pauses. The flows' own voice wordings go through it too.
import type { VoiceWording } from '../../../data/voice.fr.js';
import { spokenPhoneNumber } from './french-numbers.js';

const PHONE = /(?:\+33[\s.]?|\b0)([1-9])((?:[\s.-]?\d{2}){4})\b/g;
const URL = /\b(?:https?:\/\/|www\.)\S+/gi;

export function forTheEar(text: string, { lexicon }: VoiceWording): string {
  return text
    .replace(URL, '')
    .replace(PHONE, (_, first: string, rest: string) => spokenPhoneNumber(`0${first}${rest.replace(/\D/g, '')}`))
    .replace(/\b(\d{1,2}) ?h ?(\d{2})?\s*-\s*(\d{1,2}) ?h ?(\d{2})?\b/g, (_, h1, m1, h2, m2) => `${h1}h${m1 ?? ''} ${lexicon.to} ${h2}h${m2 ?? ''}`)
    .replace(/\b(\d{1,2}) ?h ?(\d{2})\b/g, `$1 ${lexicon.hours} $2`)
    .replace(/\b(\d{1,2}) ?h\b/g, `$1 ${lexicon.hours}`)
    .replace(/(\d) ?km\b/g, `$1 ${lexicon.kilometres}`)
    .replace(/\bTél\.? ?:/g, `${lexicon.phone} :`)
    .replace(/\btél\.?(?=\s)/g, lexicon.phone.toLowerCase())
    .replace(/\bn°/g, lexicon.number)
    .replace(/«\s*|\s*»|"/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line) && !/^[\p{L}' ]+ :$/u.test(line))
    .map((line) => (/[.!?:;,]$/.test(line) ? line : `${line}.`))
    .join(' ');
}
