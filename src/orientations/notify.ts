// Tells the sender and, when they agreed to be called, the person of a change that concerns them, by SMS through
// Twilio's REST API: never to a number on the opt-out list, never to a landline, never to the one who made the change
// (her own answer to the 7-day check is not echoed back). A listener of changeOrientationStatus.
import type { SmsSender } from '../channels/sms/twilio-rest.js';
import { frenchMobileE164 } from '../directory/format.js';
import { fillTemplate } from '../engine/template.js';
import type { OrientationListener } from './change-status.js';

export interface NotifyDeps {
  sender?: SmsSender | undefined;
  isOptedOut(address: string): Promise<boolean>;
  wording: Partial<Record<string, { sender: string; person: string }>>;
  logger: { info(event: string, fields?: Record<string, unknown>): void; warn(event: string, fields?: Record<string, unknown>): void };
}

export function notifyOnChange(deps: NotifyDeps): OrientationListener {
  return async ({ orientation, to, authorAddress }) => {
    const texts = deps.wording[to];
    if (!texts) return;
    const vars = { place: orientation.placeName, address: orientation.placeAddress, appointment: orientation.appointment ?? '', reason: orientation.refusalReason ?? '' };
    const recipients = [
      { address: orientation.senderAddress, text: texts.sender },
      // The person is told only when they gave their number with their consent.
      { address: orientation.personContact, text: texts.person },
    ];
    const author = authorAddress ? frenchMobileE164(authorAddress) : undefined;
    const told = new Set<string>();
    for (const { address, text } of recipients) {
      const mobile = address ? frenchMobileE164(address) : undefined;
      // A relay who gave her own number as the person's is told once.
      if (!mobile || !text || mobile === author || told.has(mobile)) continue;
      told.add(mobile);
      if (await deps.isOptedOut(mobile)) {
        deps.logger.info('orientation.notify.opted_out', { status: to });
        continue;
      }
      if (!deps.sender) {
        deps.logger.warn('orientation.notify.unavailable', { status: to });
        continue;
      }
      const result = await deps.sender.send(mobile, fillTemplate(text, vars));
      deps.logger.info('orientation.notify.sent', { status: to, ok: result.ok });
    }
  };
}
