// Reads a Twilio Messaging webhook's form fields into what Relais needs, with precise errors for API callers.
import * as z from 'zod';

/** Every text is bounded where it comes in, per channel (the longest a sender can send there). SMS: Twilio's 1,600. */
export const MAX_BODY_LENGTH = 1600;
/** WhatsApp: Meta's own limit for a text message body. */
export const MAX_WHATSAPP_TEXT = 4096;
/** The phone: a gather's speech (a sentence or two), and keys pressed. */
export const MAX_SPEECH_LENGTH = 500;
export const MAX_DIGITS = 32;
/** An identifier sent back by a tap (button payload, list row id) or a place label. */
export const MAX_ID_LENGTH = 256;

const smsWebhookSchema = z.object({
  MessageSid: z.string().min(1).optional(),
  SmsSid: z.string().min(1).optional(),
  From: z.string({ message: 'From is required' }).min(1, 'From is required'),
  To: z.string().default(''),
  Body: z.string().default(''),
  NumMedia: z.coerce.number().int().nonnegative().default(0),
});

export interface SmsWebhook {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  numMedia: number;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Control characters people's phones sometimes send (and terminal escapes) are dropped; newlines stay. */
export function cleanBody(body: string, maxLength = MAX_BODY_LENGTH): string {
  // Cut first (generously, for the characters about to go), so cleaning never walks a huge text.
  return body.slice(0, maxLength * 2).replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, '').trim().slice(0, maxLength);
}

export function parseSmsWebhook(fields: Record<string, string>): ParseResult<SmsWebhook> {
  const parsed = smsWebhookSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const { MessageSid, SmsSid, From, To, Body, NumMedia } = parsed.data;
  const messageSid = MessageSid ?? SmsSid;
  if (!messageSid) return { ok: false, error: 'MessageSid is required' };
  return { ok: true, value: { messageSid, from: From.trim(), to: To.trim(), body: cleanBody(Body), numMedia: NumMedia } };
}
