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

/** Rendered texts, most of which repeat (menus, questions): rendering is pure, so recent results are kept. */
const rendered = new Map<string, { parts: string[]; segments: number[] }>();

function renderText(text: string): { parts: string[]; segments: number[] } {
  let result = rendered.get(text);
  if (!result) {
    const parts = splitForSms(toGsm7(text), MAX_SEGMENTS_PER_MESSAGE);
    result = { parts, segments: parts.map((p) => countSegments(p).segments) };
    if (rendered.size >= 1000) rendered.clear();
    rendered.set(text, result);
  }
  return result;
}

/** Turns neutral replies into SMS parts (GSM-7, split), with each part's segment count for the log. */
export function renderSmsReplies(outbound: OutboundMessage[]): { parts: string[]; segments: number[] } {
  const all = outbound.map((m) => renderText(m.text));
  return { parts: all.flatMap((r) => r.parts), segments: all.flatMap((r) => r.segments) };
}

/** What one reply costs once rendered: the sum of its parts' segments. */
export const smsSegmentsOf = (text: string): number => renderText(text).segments.reduce((a, b) => a + b, 0);
