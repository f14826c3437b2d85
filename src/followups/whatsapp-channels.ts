// The ways a follow-up is written first on WhatsApp, one per provider of a Relais number: Meta's Graph API (templates
// by name, META_TEMPLATES) and Twilio's Messages API (Content templates by SID, TWILIO_WHATSAPP_TEMPLATES, through the
// account that sends the SMS). Built once here for the server and the `npm run followups` command alike.
import { followUpReasons } from '../../data/followups.fr.js';
import type { WhatsAppSender } from '../channels/whatsapp/graph-api.js';
import type { TwilioRestOptions } from '../channels/sms/twilio-rest.js';
import { createTwilioWhatsAppSender } from '../channels/whatsapp/twilio-sender.js';
import type { FollowUpChannels } from './runner.js';

export function whatsAppFollowUpChannels(options: {
  metaSender?: WhatsAppSender | undefined;
  metaTemplates?: Record<string, string> | undefined;
  twilioApi?: Omit<TwilioRestOptions, 'from'> | undefined;
  twilioTemplates?: Record<string, string> | undefined;
}): Pick<FollowUpChannels, 'whatsApp' | 'twilioWhatsApp'> {
  return {
    ...(options.metaSender
      ? { whatsApp: { sender: options.metaSender, templates: options.metaTemplates ?? {}, templatesSetting: 'META_TEMPLATES', failedReason: followUpReasons.metaFailed } }
      : {}),
    ...(options.twilioApi
      ? {
          twilioWhatsApp: {
            sender: createTwilioWhatsAppSender(options.twilioApi),
            templates: options.twilioTemplates ?? {},
            templatesSetting: 'TWILIO_WHATSAPP_TEMPLATES',
            failedReason: followUpReasons.twilioWhatsAppFailed,
          },
        }
      : {}),
  };
}
