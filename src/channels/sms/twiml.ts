// Renders SMS replies as Twilio Messaging TwiML: one <Message> per part, each part at most 2 GSM-7 segments.
import type { OutboundMessage } from '../../engine/message.js';
import { countSegments, splitForSms, toGsm7 } from './gsm7.js';

export const MAX_SEGMENTS_PER_MESSAGE = 2;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

export function renderMessagingTwiml(messages: string[]): string {
  const body = messages.map((m) => `<Message>${escapeXml(m)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

/** Turns neutral replies into SMS parts (GSM-7, split), with each part's segment count for the log. */
export function renderSmsReplies(outbound: OutboundMessage[]): { parts: string[]; segments: number[] } {
  const parts = outbound.flatMap((m) => splitForSms(toGsm7(m.text), MAX_SEGMENTS_PER_MESSAGE));
  return { parts, segments: parts.map((p) => countSegments(p).segments) };
}

/** What one reply costs once rendered: the sum of its parts' segments. */
export const smsSegmentsOf = (text: string): number => renderSmsReplies([{ text }]).segments.reduce((a, b) => a + b, 0);
