// Rewrites a written reply for a speech engine: phone numbers pair by pair, times and distances in words, no web
// addresses (they cannot be heard), line breaks as pauses. The flows' own voice wordings go through it too.
import type { VoiceWording } from '../../../data/voice.fr.js';
import { remembered, rememberedFor } from '../../engine/remembered.js';
import { spokenPhoneNumber } from './french-numbers.js';

const PHONE = /(?:\+33[\s.]?|\b0)([1-9])((?:[\s.-]?\d{2}){4})\b/g;
/**
 * A web address, with or without « https:// » or « www. » (« impots.gouv.fr », « ameli.fr/assure »). Not one that
 * follows a dot (« finissent par .gouv.fr » names a suffix, and is said as such).
 */
const WEB = String.raw`(?<![.\w@/])(?:https?:\/\/)?(?:www\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9-]+)*\.(?:fr|com|org|net|eu|info)\b(?:\/[^\s),;]*)?`;
/** An aside in brackets that names addresses (« (ou ameli.fr, caf.fr…) »): left out whole. */
const WEB_IN_BRACKETS = new RegExp(String.raw`\s*\([^()\n]*${WEB}[^()\n]*\)`, 'gi');
/** « Site officiel : www.ameli.fr », « Conseils et aide : cybermalveillance.gouv.fr. »: a sentence that only gives an address. */
const LABELLED_WEB = new RegExp(String.raw`(^|[.!?]\s+|\n)[^.!?\n:]*:\s*${WEB}[ \t]*(?:[.!?]|(?=\n|$))`, 'gi');
const WEB_IN_SENTENCE = new RegExp(String.raw`(?:\ble site\s+)?${WEB}`, 'gi');

/**
 * A web address cannot be heard (and a senior cannot note it while listening): it goes in the SMS Relais offers.
 * A sentence that only gives one is left out; inside a sentence (« Allez sur ameli.fr ») it becomes « le site officiel ».
 */
export function withoutWebAddresses(text: string, website: string): string {
  return text.replace(WEB_IN_BRACKETS, '').replace(LABELLED_WEB, '$1').replace(WEB_IN_SENTENCE, website);
}

/** Each wording's rewriting, remembered: the same questions are said to every caller (rendering a call's turn took half the time). */
const rewriterFor = rememberedFor((wording: VoiceWording) => remembered((written) => rewriteForTheEar(written, wording)));

export function forTheEar(text: string, wording: VoiceWording): string {
  return rewriterFor(wording)(text);
}

function rewriteForTheEar(text: string, { lexicon }: VoiceWording): string {
  return withoutWebAddresses(text, lexicon.website)
    .replace(PHONE, (_, first: string, rest: string) => spokenPhoneNumber(`0${first}${rest.replace(/\D/g, '')}`))
    .replace(/\b(\d{1,2}) ?h ?(\d{2})?\s*-\s*(\d{1,2}) ?h ?(\d{2})?\b/g, (_, h1, m1, h2, m2) => `${h1}h${m1 ?? ''} ${lexicon.to} ${h2}h${m2 ?? ''}`)
    .replace(/\b(\d{1,2}) ?h ?(\d{2})\b/g, `$1 ${lexicon.hours} $2`)
    .replace(/\b(\d{1,2}) ?h\b/g, `$1 ${lexicon.hours}`)
    // Heard as French says it: « 400 mètres », « 1,5 kilomètre » (singular below 2), « 12 kilomètres ».
    .replace(/\b0,(\d) ?km\b/g, (_, tenths: string) => `${Number(tenths) * 100} ${lexicon.metres}`)
    .replace(/\b1(,\d)? ?km\b/g, `1$1 ${lexicon.kilometre}`)
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
