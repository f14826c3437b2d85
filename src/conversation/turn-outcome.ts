// What a turn hands back to the channel besides its replies: what the conversation now waits for, and what the
// channel must do (connect a call). Stored with the replies, so a redelivered webhook is answered exactly the same.
import type { Effect } from '../engine/effects.js';
import type { CompiledFlow } from '../engine/flow.js';
import type { ChannelName, OutboundMessage } from '../engine/message.js';
import type { Snapshot } from '../engine/snapshot.js';

export interface TurnSession {
  /**
   * What the conversation waits for now: an answer among choices, a free answer, how a connection went, or
   * nothing (the journey ended, or the person opted out): on the phone, the call is then hung up.
   */
  awaiting: 'choice' | 'input' | 'connection' | 'nothing';
  /** The conversation's turn count: the phone names its next request after it, so each turn has its own id. */
  turn: number;
  /** Put the person through to someone (the phone dials `number` and says `whisper` to whoever answers). */
  connect?: { number: string; whisper: string };
  /** How many times the person asked to be spoken to more slowly. */
  slower: number;
  /** The turn was first held (« un instant » on the phone), then run: a redelivered first request is held again. */
  afterHold?: true;
}

export interface TurnOutput {
  replies: OutboundMessage[];
  session: TurnSession;
}

export function sessionOf(flow: CompiledFlow, snapshot: Snapshot, effects: Effect[]): TurnSession {
  const connect = effects.find((e) => e.type === 'connect');
  const step = flow.definition.steps[snapshot.stepId];
  const awaiting: TurnSession['awaiting'] =
    snapshot.optedOut || snapshot.status === 'ended' || !step
      ? 'nothing'
      : snapshot.confirming !== undefined || step.type === 'choice'
        ? 'choice'
        : step.type === 'connect'
          ? 'connection'
          : 'input';
  return {
    awaiting,
    turn: snapshot.turn,
    ...(connect?.type === 'connect' ? { connect: { number: connect.number, whisper: connect.whisper } } : {}),
    slower: Number(snapshot.vars['slower'] ?? 0) || 0,
  };
}

/** Reads a stored turn; replies stored before sessions were (a bare array) read with a neutral session. */
export function parseStoredTurn(stored: string): TurnOutput {
  const value = JSON.parse(stored) as Partial<TurnOutput> | OutboundMessage[];
  if (Array.isArray(value)) return { replies: value, session: NEUTRAL_SESSION };
  return { replies: value.replies ?? [], session: value.session ?? NEUTRAL_SESSION };
}

/** The session a channel that does not use it reads back: SMS and WhatsApp only render the replies. */
const NEUTRAL_SESSION: TurnSession = { awaiting: 'input', turn: 0, slower: 0 };

/**
 * A turn as stored for a redelivery or « répéter »: only what the channel renders. An SMS keeps its texts, WhatsApp
 * also its buttons (id, key, label), the phone everything it says and listens for (voice wordings, spoken labels, the
 * speech hints) and its session. Storing every channel's wording for every turn cost about 2 KB a turn.
 */
export function storedTurnOf(output: TurnOutput, channel: ChannelName): string {
  if (channel === 'voice') return JSON.stringify(output);
  const replies = output.replies.map((r): OutboundMessage => {
    if (channel === 'sms' || !r.choices?.length) return { text: r.text };
    return { text: r.text, ...(r.lead ? { lead: r.lead } : {}), choices: r.choices.map((c) => ({ id: c.id, key: c.key, label: c.label })) };
  });
  return JSON.stringify({ replies });
}
