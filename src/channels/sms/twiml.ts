// Renders SMS replies as Twilio Messaging TwiML: replies that belong together in one <Message>, each at most 2
// segments, in the cheaper of GSM-7 and UCS-2.
import type { OutboundMessage } from '../../engine/message.js';
import { cheaperSms, septetsOf, splitForSms, toGsm7 } from './gsm7.js';

export const MAX_SEGMENTS_PER_MESSAGE = 2;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

export function renderMessagingTwiml(messages: string[]): string {
  const body = messages.map((m) => `<Message>${escapeXml(m)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

/** Longest SMS Relais sends as one message: 2 concatenated GSM-7 segments. */
const MAX_SEPTETS = 153 * MAX_SEGMENTS_PER_MESSAGE;

/**
 * Turns one turn's neutral replies into SMS: what belongs together shares one SMS (a place found and the question
 * after it, the welcome and the menu, a step and « SUITE »), as long as together they stay within 2 segments; a reply
 * longer than that is cut at paragraphs, then lines. Each SMS then goes in its cheapest encoding (`cheaperSms`).
 * `segments[i]` is what SMS i costs; `perReply[i]` what reply i adds to the bill (a reply sent inside the SMS of the
 * one before it adds nothing), for the message log.
 */
export function renderSmsReplies(outbound: OutboundMessage[]): { parts: string[]; segments: number[]; perReply: number[] } {
  const messages: { source: string; first: number }[] = [];
  outbound.forEach((reply, index) => {
    const pieces = septetsOf(toGsm7(reply.text)) > MAX_SEPTETS ? splitForSms(toGsm7(reply.text), MAX_SEGMENTS_PER_MESSAGE) : [reply.text];
    pieces.forEach((piece, i) => {
      const previous = messages.at(-1);
      const joined = previous && i === 0 ? `${previous.source}\n${piece}` : undefined;
      if (previous && joined !== undefined && septetsOf(toGsm7(joined)) <= MAX_SEPTETS) previous.source = joined;
      else messages.push({ source: piece, first: index });
    });
  });
  const sent = messages.map((m) => cheaperSms(m.source));
  const perReply = outbound.map(() => 0);
  messages.forEach((m, i) => (perReply[m.first]! += sent[i]!.segments));
  return { parts: sent.map((s) => s.text), segments: sent.map((s) => s.segments), perReply };
}
