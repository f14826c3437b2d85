// Voice TwiML, built by hand like the SMS one (no Node-only builder, so Workers run it): <Say> with a neural French
// voice slowed by SSML prosody, <Gather> for keys and speech, <Dial> to a person, <Hangup>.
import { escapeXml } from '../sms/twiml.js';

export interface VoiceSettings {
  /** A Twilio neural voice, e.g. "Polly.Lea-Neural". */
  voice: string;
  language: string;
  /** Speaking rate in percent of the voice's normal pace (SSML prosody): seniors follow 85–90 % better. */
  ratePercent: number;
  /** Seconds of silence after speech before the answer is taken. An integer: « auto » cuts seniors off mid-answer. */
  speechTimeoutSeconds: number;
  /** Seconds to wait for a first key or word before the no-input ladder. */
  noInputTimeoutSeconds: number;
}

/** Characters a French neural voice says per second at its normal pace (about 170 words a minute). */
const CHARS_PER_SECOND = 14;
/** What a sentence break costs in time. */
const PAUSE_SECONDS = 0.35;
/** No single <Say> should run longer than this: past it, a person loses the thread. */
export const MAX_PROMPT_SECONDS = 25;

/** How long a text takes to say at a given rate, estimated from its length and its sentence breaks. */
export function speakingSeconds(text: string, ratePercent: number): number {
  const pauses = (text.match(/[.!?:;,]/g) ?? []).length;
  return text.length / (CHARS_PER_SECOND * (ratePercent / 100)) + pauses * PAUSE_SECONDS;
}

/** Cuts a text into prompts that each take at most `maxSeconds`, at sentence ends, else at commas. */
export function splitPrompts(text: string, ratePercent: number, maxSeconds = MAX_PROMPT_SECONDS): string[] {
  const fits = (t: string) => speakingSeconds(t, ratePercent) <= maxSeconds;
  const pack = (pieces: string[], separator: string, finer?: (piece: string) => string[]): string[] => {
    const out: string[] = [];
    let current = '';
    for (const piece of pieces) {
      const candidate = current ? `${current}${separator}${piece}` : piece;
      if (fits(candidate)) current = candidate;
      else {
        if (current) out.push(current);
        if (fits(piece) || !finer) current = piece;
        else {
          const parts = finer(piece);
          current = parts.pop() ?? '';
          out.push(...parts);
        }
      }
    }
    if (current) out.push(current);
    return out;
  };
  // A sentence ends at a stop followed by a space: « cybermalveillance.gouv.fr » stays whole.
  const sentences = text.match(/.+?(?:[.!?]+(?=\s|$)|$)/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  return pack(withTheirAnswers(sentences), ' ', (sentence) => pack(sentence.split(/(?<=,)\s+/), ' '));
}

/** A question inside a text (« Sans internet ? Un agent… ») stays with its answer: a prompt never ends on it. */
function withTheirAnswers(sentences: string[]): string[] {
  const out: string[] = [];
  for (const sentence of sentences) {
    const previous = out.at(-1);
    if (previous?.endsWith('?')) out[out.length - 1] = `${previous} ${sentence}`;
    else out.push(sentence);
  }
  return out;
}

export const say = (text: string, settings: VoiceSettings): string =>
  `<Say voice="${escapeXml(settings.voice)}" language="${escapeXml(settings.language)}"><prosody rate="${settings.ratePercent}%">${escapeXml(text)}</prosody></Say>`;

export interface GatherOptions {
  action: string;
  /** Keys to wait for before answering at once (1 for a menu of single keys); none for free input ended by #. */
  numDigits?: number;
  hints: string[];
}

/** Listens for keys and speech; with `actionOnEmptyResult`, silence comes back to Relais as an empty answer. */
export function gather(prompts: string, options: GatherOptions, settings: VoiceSettings): string {
  const hints = [...new Set(options.hints.map((h) => h.replace(/[,\s]+/g, ' ').trim()).filter((h) => h && h.length <= 100))].slice(0, 100);
  const attributes: [string, string | number | undefined][] = [
    ['input', 'dtmf speech'],
    ['language', settings.language],
    ['action', options.action],
    ['method', 'POST'],
    ['timeout', settings.noInputTimeoutSeconds],
    ['speechTimeout', settings.speechTimeoutSeconds],
    ['numDigits', options.numDigits],
    ['finishOnKey', options.numDigits ? undefined : '#'],
    ['hints', hints.length ? hints.join(', ') : undefined],
    ['actionOnEmptyResult', 'true'],
  ];
  const attrs = attributes.filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${escapeXml(String(v))}"`).join(' ');
  return `<Gather ${attrs}>${prompts}</Gather>`;
}

/** Puts the caller through; `whisperUrl` is played to whoever answers before the two are connected. */
export const dial = (number: string, action: string, whisperUrl: string): string =>
  `<Dial action="${escapeXml(action)}" method="POST" timeout="25"><Number url="${escapeXml(whisperUrl)}" method="POST">${escapeXml(number)}</Number></Dial>`;

/** Fetches the rest of the call from `url`, posted with the call's parameters (signed by Twilio like any webhook). */
export const redirect = (url: string): string => `<Redirect method="POST">${escapeXml(url)}</Redirect>`;

export const response = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
