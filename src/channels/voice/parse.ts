// Reads Twilio Voice webhooks (the incoming call, a gather's answer, a dial's outcome, a status callback) into the
// neutral model, with precise errors for malformed requests.
import * as z from 'zod';
import type { InboundContent } from '../../engine/message.js';
import { normalizeFrench } from '../../engine/nlu/normalize.js';
import { cleanBody, MAX_DIGITS, MAX_SPEECH_LENGTH, type ParseResult } from '../sms/parse.js';

const callSchema = z.object({
  CallSid: z.string({ message: 'CallSid is required' }).regex(/^[A-Za-z0-9]{10,64}$/, 'CallSid is not a Twilio call id'),
  From: z.string().default(''),
  To: z.string().default(''),
});

export interface VoiceCall {
  callSid: string;
  /** The caller's number (E.164), or "anonymous" when withheld. */
  from: string;
  /** The number that was called: it names the department whose platform transfers to it. */
  to: string;
}

export function parseVoiceCall(fields: Record<string, string>): ParseResult<VoiceCall> {
  const parsed = callSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { CallSid, From, To } = parsed.data;
  // A withheld number still gets help; its conversation lives only as long as the call.
  const from = From.trim() && !/anonymous|restricted|unknown/i.test(From) ? From.trim() : `anonymous:${CallSid}`;
  return { ok: true, value: { callSid: CallSid, from, to: To.trim() } };
}

export interface HeardOptions {
  /** Below this recognition confidence, what was heard is confirmed before it is used. */
  minConfidence: number;
  /** Keys with a meaning of their own, as the words the flow's commands know (« * » -> « étoile »). */
  keys: Record<string, string>;
  /** Sounds that are not an answer (« euh », « allô »): alone they are silence, around words they are dropped. */
  fillers?: readonly string[];
}

/** A word as fillers are compared: no accents or case, a letter held long said once (« Euuuh… » -> "euh"). */
const fillerForm = (word: string) => normalizeFrench(word).replace(/(\p{L})\1+/gu, '$1');

/** What was said without the fillers around it: « euh… ben Annecy » -> « Annecy ». */
export function withoutFillers(speech: string, fillers: readonly string[]): string {
  const single = new Set(fillers.map(fillerForm));
  return speech
    .split(/\s+/)
    .filter((word) => {
      const form = fillerForm(word);
      return form !== '' && !single.has(form);
    })
    .join(' ')
    .replace(/^[\s,.;:!?…-]+/, '')
    .trim();
}

/** A gather's answer: keys pressed, else words heard (unsure below the confidence floor), else silence. */
export function gatheredContent(fields: Record<string, string>, options: HeardOptions): InboundContent {
  const digits = (fields['Digits'] ?? '').slice(0, MAX_DIGITS * 2).trim().slice(0, MAX_DIGITS);
  // Own keys only: « constructor » or « __proto__ » pressed by a test rig must stay plain text.
  if (digits) return { type: 'text', text: Object.hasOwn(options.keys, digits) ? options.keys[digits]! : digits };
  const speech = withoutFillers(cleanBody(fields['SpeechResult'] ?? '', MAX_SPEECH_LENGTH), options.fillers ?? []);
  if (!/[\p{L}\p{N}]/u.test(speech)) return { type: 'silence' };
  // Some speech models send no confidence at all, or always 0: then nothing suggests the words were misheard.
  const confidence = Number.parseFloat(fields['Confidence'] ?? '');
  const uncertain = Number.isFinite(confidence) && confidence > 0 && confidence < options.minConfidence;
  return { type: 'text', text: speech, ...(uncertain ? { uncertain: true } : {}) };
}

/** How a <Dial> ended, from Twilio's DialCallStatus: only a call that was picked up counts as answered. */
export function dialOutcome(fields: Record<string, string>): { status: 'answered' | 'failed'; detail: string } {
  const detail = fields['DialCallStatus'] ?? 'unknown';
  return { status: detail === 'completed' || detail === 'answered' ? 'answered' : 'failed', detail };
}

/** The context a department's switchboard sends in SIP headers (X-Relais-Commune…), with the header names lowered. */
export function sipContext(fields: Record<string, string>): Record<string, string> {
  const context: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(fields)) {
    const m = /^SipHeader_X-Relais-(.+)$/i.exec(name);
    if (m && value.trim()) context[m[1]!.toLowerCase()] = value.trim();
  }
  return context;
}
