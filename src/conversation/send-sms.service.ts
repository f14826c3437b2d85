// `sendSms`: sends one SMS to a third party (a caregiver's relative), only to a valid French mobile and never to a
// number that said STOP. Inputs `to` (as typed) and `text`. Outcomes `sent`, `invalidNumber`, `optedOut`, `unavailable`.
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { SmsSender } from '../channels/sms/twilio-rest.js';
import { formatPhoneFr, frenchMobileE164 } from '../directory/format.js';
import { spokenDigits } from '../directory/spoken-numbers.js';
import type { ConversationStore, Logger } from './ports.js';

export function sendSmsService(deps: { sender?: SmsSender; store: ConversationStore; logger: Logger }) {
  return async (input: Vars): Promise<ServiceResult> => {
    const to = frenchMobile(input['to'] ?? '');
    if (!to) return { outcome: 'invalidNumber' };
    if (await deps.store.isOptedOut(to)) return { outcome: 'optedOut' };
    if (!deps.sender) return { outcome: 'unavailable' };
    const result = await deps.sender.send(to, input['text'] ?? '');
    if (!result.ok) {
      deps.logger.error('sms.rest.failed', { status: result.status, error: result.error });
      return { outcome: 'unavailable' };
    }
    deps.logger.info('sms.rest.sent', { sid: result.sid });
    return { outcome: 'sent', vars: { sentTo: formatPhoneFr(to)! } };
  };
}

/** A French mobile number in E.164 (+336…, +337…), from what a person typed or said; undefined if it is not one. */
export function frenchMobile(text: string): string | undefined {
  // Said on the phone: « zéro six, douze, trente-quatre… ».
  return frenchMobileE164(text) ?? frenchMobileE164(spokenDigits(text));
}
