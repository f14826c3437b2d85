// POST /twilio/followup/gather?id=N: the key pressed during a follow-up call Relais placed (a landline's reminder):
// 1 confirms, 2 cancels the booking and frees the seat (the same service as ANNULER by SMS). Signed like every
// Twilio webhook; the call's `To` must be the follow-up's own number.
import { Hono } from 'hono';
import { response, say, type VoiceSettings } from '../channels/voice/twiml.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { ServiceContext } from '../conversation/ports.js';
import type { ScheduledMessage } from '../db/schedule-repository.js';
import type { AppDeps } from './create-app.js';
import { readTwilioWebhook } from './twilio-webhook.js';

export interface FollowUpCallDeps {
  find(id: number): Promise<ScheduledMessage | undefined>;
  answered(id: number, at: number): Promise<void>;
  cancelBooking(input: Vars, context: ServiceContext): Promise<ServiceResult>;
  wording: { confirmed: string; cancelled: string; notFound: string; noAnswer: string };
}

const xml = (body: string) => new Response(body, { headers: { 'Content-Type': 'text/xml; charset=utf-8' } });

export function followUpCallRoutes(deps: AppDeps & { followUpCall: FollowUpCallDeps }): Hono {
  const routes = new Hono();
  const settings: VoiceSettings = deps.voice.settings;
  routes.post('/followup/gather', async (c) => {
    const webhook = await readTwilioWebhook(c, deps);
    if (!webhook.ok) return webhook.response;
    const { followUpCall: calls } = deps;
    const row = await calls.find(Number(c.req.query('id')));
    if (!row || row.contactAddress !== webhook.params['To']) return c.text('Unknown follow-up call.', 404);
    const digits = webhook.params['Digits'] ?? '';
    const hangUp = (text: string) => xml(response(say(text, settings) + '<Hangup/>'));
    if (digits === '1') {
      await calls.answered(row.id, deps.clock.now());
      return hangUp(calls.wording.confirmed);
    }
    if (digits === '2') {
      const result = await calls.cancelBooking({ id: row.payload['sessionId'] ?? '', followupId: String(row.id) }, { address: row.contactAddress, channel: 'voice' });
      return hangUp(result.outcome === 'cancelled' ? calls.wording.cancelled : calls.wording.notFound);
    }
    return hangUp(calls.wording.noAnswer);
  });
  return routes;
}
