// WhatsApp on two ways in, one engine: POST /twilio/whatsapp (Twilio, signed like SMS, TwiML back) and
// GET|POST /meta/whatsapp (Meta Cloud API: verification handshake, X-Hub-Signature-256, replies via the Graph API).
import { Hono } from 'hono';
import { verifyMetaSignature } from '../channels/whatsapp/meta-signature.js';
import { parseMetaWebhook } from '../channels/whatsapp/meta-parse.js';
import { parseTwilioWhatsApp } from '../channels/whatsapp/twilio-parse.js';
import { hearVoiceNote } from '../channels/whatsapp/voice-notes.js';
import type { InboundContent } from '../engine/message.js';
import type { AppDeps } from './create-app.js';
import { readTwilioWebhook, twimlResponse } from './twilio-webhook.js';

/** Turns a voice note into text when a transcriber is configured (see voice-notes.ts). */
const hearWith = (deps: AppDeps) => (content: InboundContent) =>
  hearVoiceNote(content, { ...deps.voiceNotes, onError: (e) => deps.logger.warn('whatsapp.voice_note.failed', { error: String(e) }) });

export function twilioWhatsAppRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  const hear = hearWith(deps);
  routes.post('/whatsapp', async (c) => {
    const webhook = await readTwilioWebhook(c, deps);
    if (!webhook.ok) return webhook.response;
    const parsed = parseTwilioWhatsApp(webhook.params);
    if (!parsed.ok) return c.text(`Bad Twilio WhatsApp webhook: ${parsed.error}`, 400);
    const { messageSid, from, to } = parsed.value;
    try {
      const content = await hear(parsed.value.content);
      const result = await deps.conversations.handle({ channel: 'whatsapp', from, to, providerId: messageSid, receivedAt: deps.clock.now(), content });
      // WhatsApp carries UTF-8 and long texts: no GSM-7 conversion, one message per reply.
      return twimlResponse(result.replies.map((r) => r.text));
    } catch (error) {
      deps.logger.error('whatsapp.twilio.failed', { messageSid, error: String((error as Error)?.stack ?? error) });
      return twimlResponse([deps.texts.technicalError]);
    }
  });
  return routes;
}

export function metaWhatsAppRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  const hear = hearWith(deps);
  const meta = deps.config.meta;
  const outbox = deps.whatsAppOutbox;

  routes.get('/whatsapp', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    if (!meta?.verifyToken) return c.text('Meta webhooks are refused: META_VERIFY_TOKEN is not set on this server.', 403);
    if (mode !== 'subscribe' || token !== meta.verifyToken) return c.text('Verification refused: wrong hub.mode or hub.verify_token.', 403);
    return c.text(c.req.query('hub.challenge') ?? '', 200);
  });

  routes.post('/whatsapp', async (c) => {
    if (!meta?.appSecret) return c.text('Meta webhooks are refused: META_APP_SECRET is not set on this server.', 403);
    const raw = await c.req.text();
    if (!(await verifyMetaSignature(meta.appSecret, raw, c.req.header('X-Hub-Signature-256')))) {
      deps.logger.warn('whatsapp.meta.bad_signature', {});
      return c.text('Invalid or missing X-Hub-Signature-256.', 403);
    }
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return c.text('Bad Meta webhook: the body is not JSON.', 400);
    }
    const parsed = parseMetaWebhook(json);
    if (!parsed.ok) return c.text(`Bad Meta webhook: ${parsed.error}`, 400);
    for (const status of parsed.statuses) deps.logger.info('whatsapp.meta.status', { id: status.id, status: status.status });
    // Turns one after another (one sender's messages keep their order); each committed reply goes to the outbox,
    // then the deliveries run side by side. A redelivery that finds its reply unsent sends it now.
    const delivered: Promise<boolean>[] = [];
    for (const m of parsed.messages) {
      // A redelivery is answered from the store: the note is transcribed only the first time.
      const content = (await deps.conversations.isProcessed(m.id, m.from)) ? m.content : await hear(m.content);
      const inbound = { channel: 'whatsapp' as const, from: m.from, to: m.phoneNumberId, providerId: m.id, receivedAt: deps.clock.now(), content };
      await deps.conversations.handle(inbound, outbox ? { outbox: { via: m.phoneNumberId } } : {});
      if (outbox) delivered.push(outbox.deliverFor(m.id, m.from));
    }
    await Promise.all(delivered);
    return c.json({ received: parsed.messages.length, statuses: parsed.statuses.length });
  });
  return routes;
}
