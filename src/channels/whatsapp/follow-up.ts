// Messages Relais sends first on WhatsApp (reminders, checks, evaluations). WhatsApp allows free text only within 24
// hours of the person's last message; outside it, only an approved template may be sent. Template names live in
// configuration (META_TEMPLATES, or TWILIO_WHATSAPP_TEMPLATES for a number on Twilio); without one for the purpose,
// nothing is sent and the log says why.
import type { Logger } from '../../conversation/ports.js';
import type { WhatsAppSender } from './graph-api.js';
import type { WhatsAppPayload } from './render.js';

export const CUSTOMER_WINDOW_MS = 24 * 3_600_000;

export interface FollowUp {
  phoneNumberId: string;
  to: string;
  /** What it is for ("rappel-atelier", "suivi", "evaluation"): the key of its template. */
  purpose: string;
  text: string;
  /** When the person last wrote (epoch ms), or undefined if never. */
  lastInboundAt: number | undefined;
}

export type FollowUpResult = 'sent-text' | 'sent-template' | 'refused-outside-window' | 'refused-opted-out' | 'failed';

export async function sendWhatsAppFollowUp(
  followUp: FollowUp,
  deps: {
    sender: WhatsAppSender;
    templates: Record<string, string>;
    now: number;
    logger: Logger;
    /** The opt-out list (the store's): a number that said STOP on any channel gets nothing Relais writes first. */
    isOptedOut: (address: string) => Promise<boolean>;
    language?: string;
    /** The setting that names the templates, for the log (Meta's by default). */
    templatesSetting?: string;
  },
): Promise<FollowUpResult> {
  if (await deps.isOptedOut(followUp.to)) {
    deps.logger.info('whatsapp.followup.refused', { purpose: followUp.purpose, reason: 'the number said STOP' });
    return 'refused-opted-out';
  }
  const inWindow = followUp.lastInboundAt !== undefined && deps.now - followUp.lastInboundAt < CUSTOMER_WINDOW_MS;
  const template = Object.hasOwn(deps.templates, followUp.purpose) ? deps.templates[followUp.purpose] : undefined;
  if (!inWindow && !template) {
    deps.logger.warn('whatsapp.followup.refused', {
      purpose: followUp.purpose,
      reason: `outside the 24-hour customer window and no approved template is configured for this purpose (${deps.templatesSetting ?? 'META_TEMPLATES'})`,
    });
    return 'refused-outside-window';
  }
  const payload: WhatsAppPayload = inWindow
    ? { type: 'text', text: { body: followUp.text } }
    : {
        type: 'template',
        template: { name: template!, language: { code: deps.language ?? 'fr' }, components: [{ type: 'body', parameters: [{ type: 'text', text: followUp.text }] }] },
      };
  const result = await deps.sender.send(followUp.phoneNumberId, followUp.to, payload);
  if (!result.ok) {
    deps.logger.error('whatsapp.followup.failed', { purpose: followUp.purpose, status: result.status, error: result.error });
    return 'failed';
  }
  return inWindow ? 'sent-text' : 'sent-template';
}
