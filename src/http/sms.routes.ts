// POST /twilio/sms: a signed Twilio Messaging webhook in, TwiML out. Replies are merged, at most 2 segments each.
import { Hono } from 'hono';
import { parseSmsWebhook } from '../channels/sms/parse.js';
import { renderSmsReplies } from '../channels/sms/twiml.js';
import type { AppDeps } from './create-app.js';
import { readTwilioWebhook, twimlResponse } from './twilio-webhook.js';


export function smsRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.post('/sms', async (c) => {
    const webhook = await readTwilioWebhook(c, deps);
    if (!webhook.ok) return webhook.response;
    const parsed = parseSmsWebhook(webhook.params);
    if (!parsed.ok) return c.text(`Bad Twilio Messaging webhook: ${parsed.error}`, 400);
    const { messageSid, from, to, body } = parsed.value;
    try {
      const result = await deps.conversations.handle(
        { channel: 'sms', from, to, providerId: messageSid, receivedAt: deps.clock.now(), content: { type: 'text', text: body } },
        { segmentsOf: (texts) => renderSmsReplies(texts.map((text) => ({ text }))).perReply },
      );
      const rendered = renderSmsReplies(result.replies);
      deps.logger.info('sms.reply', { messageSid, duplicate: result.duplicate, parts: rendered.parts.length, segments: rendered.segments });
      return twimlResponse(rendered.parts);
    } catch (error) {
      // The person still gets a kind answer; Twilio gets a 200 so it does not redeliver into the same failure.
      deps.logger.error('sms.failed', { messageSid, error: String((error as Error)?.stack ?? error) });
      return twimlResponse(renderSmsReplies([{ text: deps.texts.technicalError }]).parts);
    }
  });
  return routes;
}
