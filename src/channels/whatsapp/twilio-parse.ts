// Reads a Twilio WhatsApp webhook: "whatsapp:+33…" addresses, location shares, quick-reply taps, voice notes.
import type { InboundContent } from '../../engine/message.js';
import { cleanBody, MAX_ID_LENGTH, MAX_WHATSAPP_TEXT, type ParseResult } from '../sms/parse.js';

export interface TwilioWhatsApp {
  messageSid: string;
  from: string;
  to: string;
  content: InboundContent;
}

const stripPrefix = (address: string) => address.replace(/^whatsapp:/i, '').trim();

export function parseTwilioWhatsApp(fields: Record<string, string>): ParseResult<TwilioWhatsApp> {
  const messageSid = fields['MessageSid'] ?? fields['SmsSid'];
  if (!messageSid) return { ok: false, error: 'MessageSid is required' };
  if (!fields['From']) return { ok: false, error: 'From is required' };
  const latitude = Number(fields['Latitude']);
  const longitude = Number(fields['Longitude']);
  const mediaType = fields['MediaContentType0'] ?? '';
  let content: InboundContent;
  if (fields['ButtonPayload']) content = { type: 'choice', choiceId: fields['ButtonPayload'].slice(0, MAX_ID_LENGTH) };
  else if (fields['Latitude'] && fields['Longitude'] && Number.isFinite(latitude) && Number.isFinite(longitude)) {
    content = { type: 'location', latitude, longitude, ...(fields['Label'] ? { label: cleanBody(fields['Label'], MAX_ID_LENGTH) } : {}) };
  } else if (Number(fields['NumMedia'] ?? '0') > 0 && mediaType.startsWith('audio/')) {
    content = { type: 'audio', url: (fields['MediaUrl0'] ?? '').slice(0, 2048), mimeType: mediaType.slice(0, 100) };
  } else content = { type: 'text', text: cleanBody(fields['Body'] ?? '', MAX_WHATSAPP_TEXT) };
  return { ok: true, value: { messageSid, from: stripPrefix(fields['From']), to: stripPrefix(fields['To'] ?? ''), content } };
}
