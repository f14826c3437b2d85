// WhatsApp messages Relais writes first through Twilio (a department whose WhatsApp number is on Twilio, not on Meta's
// Cloud API): the same sender port as the Graph API's, over Twilio's Messages resource. Free text is a Body; an approved
// template is a Content template (`ContentSid`, « HX… »), its one variable holding the text, as Twilio requires
// outside the 24-hour window (a Body there fails with error 63016).
import { postTwilioResource, type TwilioRestOptions } from '../sms/twilio-rest.js';
import type { WhatsAppSender } from './graph-api.js';

/** Twilio refuses a content variable longer than this. */
export const CONTENT_VARIABLE_MAX = 255;

/** `via`: the Relais WhatsApp number (E.164) the person wrote to, which writes back. */
export function createTwilioWhatsAppSender(options: Omit<TwilioRestOptions, 'from'>): WhatsAppSender {
  return {
    async send(via, to, payload) {
      const fromRelais = { ...options, from: `whatsapp:${via}` };
      const To = `whatsapp:${to}`;
      if (payload.type === 'template') {
        const text = payload.template.components[0]?.parameters[0]?.text ?? '';
        if (text.length > CONTENT_VARIABLE_MAX) {
          return { ok: false, status: 0, error: `the text is ${text.length} characters long, and a Twilio content variable holds ${CONTENT_VARIABLE_MAX} at most` };
        }
        return postTwilioResource(fromRelais, 'Messages', { To, ContentSid: payload.template.name, ContentVariables: JSON.stringify({ 1: text }) });
      }
      // Follow-ups are text or a template; anything richer goes as its text.
      return postTwilioResource(fromRelais, 'Messages', { To, Body: payload.type === 'text' ? payload.text.body : payload.interactive.body.text });
    },
  };
}

/** A Relais number on Twilio is written in E.164 (« +33… »); Meta's is its phone_number_id, digits only. */
export const isTwilioWhatsAppNumber = (via: string) => via.startsWith('+');
