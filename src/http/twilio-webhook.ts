// Reads and authenticates a Twilio webhook: the form body, and X-Twilio-Signature checked against the public URL.
// Shared by every Twilio route (SMS now; voice and WhatsApp later).
import type { Context } from 'hono';
import { renderMessagingTwiml } from '../channels/sms/twiml.js';
import { publicUrlFor, verifyTwilioSignature } from '../channels/twilio/signature.js';
import type { AppDeps } from './create-app.js';

export type TwilioWebhookResult =
  | { ok: true; params: Record<string, string>; allParams: Record<string, string | string[]> }
  | { ok: false; response: Response };

export async function readTwilioWebhook(c: Context, deps: AppDeps): Promise<TwilioWebhookResult> {
  const token = deps.config.twilioAuthToken;
  if (!token) {
    deps.logger.warn('twilio.refused', { reason: 'TWILIO_AUTH_TOKEN is not set' });
    return { ok: false, response: c.text('Twilio webhooks are refused: TWILIO_AUTH_TOKEN is not set on this server.', 403) };
  }
  const form = new URLSearchParams(await c.req.text());
  // Grouped in a Map: a field named « constructor » or « __proto__ » is a field like any other.
  const grouped = new Map<string, string[]>();
  for (const [key, value] of form) grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const allParams: Record<string, string | string[]> = Object.fromEntries([...grouped].map(([k, v]) => [k, v.length === 1 ? v[0]! : v]));
  const url = publicUrlFor(deps.config.publicBaseUrl ?? new URL(c.req.url).origin, c.req.url);
  const signature = c.req.header('X-Twilio-Signature') ?? '';
  if (!(await verifyTwilioSignature({ authToken: token, url, params: allParams, signature, hmac: deps.hmacSha1 }))) {
    // The path only: a query may carry a caller's words (the phone's « un instant » resume), never logged.
    deps.logger.warn('twilio.bad_signature', { path: new URL(url).pathname, present: signature !== '' });
    return { ok: false, response: c.text('Invalid or missing X-Twilio-Signature.', 403) };
  }
  const params = Object.fromEntries(Object.entries(allParams).map(([k, v]) => [k, Array.isArray(v) ? v[0]! : v]));
  return { ok: true, params, allParams };
}

/** A Twilio Messaging answer: one <Message> per part (SMS and WhatsApp alike). */
export const twimlResponse = (parts: readonly string[]) =>
  new Response(renderMessagingTwiml(parts), { headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
