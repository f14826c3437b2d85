// Renders SMS replies as Twilio Messaging TwiML: replies that belong together in one <Message>, each at most 3
// segments, in the cheaper of GSM-7 and UCS-2.
import type { OutboundMessage } from '../../engine/message.js';
import { remembered } from '../../engine/remembered.js';
import { cheaperSms, septetsOf, splitForSms, toGsm7 } from './gsm7.js';

export const MAX_SEGMENTS_PER_MESSAGE = 3;

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

export function renderMessagingTwiml(messages: readonly string[]): string {
  const body = messages.map((m) => `<Message>${escapeXml(m)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`;
}

/** Longest SMS Relais sends as one message: 3 concatenated GSM-7 segments (every phone joins them back). */
const MAX_SEPTETS = 153 * MAX_SEGMENTS_PER_MESSAGE;

/**
 * Turns one turn's neutral replies into SMS: what belongs together shares one SMS (the welcome and the menu, a place
 * found and the question after it, a step and « SUITE »), cut so that the whole turn costs the fewest segments; a
 * reply too long for one SMS is cut at paragraphs, then lines. Each SMS goes in its cheapest encoding (`cheaperSms`).
 * `segments[i]` is what SMS i costs; `perReply[i]` what reply i adds to the bill (a reply sent inside the SMS of the
 * one before it adds nothing), for the message log.
 */
export function renderSmsReplies(outbound: readonly Pick<OutboundMessage, 'text'>[]): RenderedSms {
  return renderedTurn(JSON.stringify(outbound.map((reply) => reply.text)));
}

export interface RenderedSms {
  readonly parts: readonly string[];
  readonly segments: readonly number[];
  readonly perReply: readonly number[];
}

/**
 * Remembered by the turn's texts (as JSON): a turn is rendered twice (its cost for the log, then its TwiML), and most
 * turns say what other conversations' turns said (the welcome and the menu, each question).
 */
const renderedTurn = remembered((texts: string): RenderedSms => Object.freeze(cutIntoSms(JSON.parse(texts) as string[])));

function cutIntoSms(texts: string[]): RenderedSms {
  const units = texts.flatMap((text, index) =>
    (septetsOf(toGsm7(text)) > MAX_SEPTETS ? splitForSms(toGsm7(text), MAX_SEGMENTS_PER_MESSAGE) : [text]).map((part) => ({ text: part, index })),
  );
  // The cheapest way to cut the turn into SMS, found exactly: a turn has a handful of replies.
  const best: { segments: number; count: number; cut: number }[] = [{ segments: 0, count: 0, cut: 0 }];
  for (let end = 1; end <= units.length; end++) {
    for (let start = end - 1; start >= 0; start--) {
      const joined = units.slice(start, end).map((u) => u.text).join('\n');
      if (end - start > 1 && septetsOf(toGsm7(joined)) > MAX_SEPTETS) break;
      const before = best[start]!;
      const candidate = { segments: before.segments + cheaperSms(joined).segments, count: before.count + 1, cut: start };
      const current = best[end];
      if (!current || candidate.segments < current.segments || (candidate.segments === current.segments && candidate.count < current.count)) best[end] = candidate;
    }
  }
  const groups: { text: string; first: number }[] = [];
  for (let end = units.length; end > 0; end = best[end]!.cut) {
    const start = best[end]!.cut;
    groups.unshift({ text: units.slice(start, end).map((u) => u.text).join('\n'), first: units[start]!.index });
  }
  const sent = groups.map((g) => cheaperSms(g.text));
  const perReply = texts.map(() => 0);
  groups.forEach((g, i) => (perReply[g.first]! += sent[i]!.segments));
  return { parts: sent.map((s) => s.text), segments: sent.map((s) => s.segments), perReply };
}
