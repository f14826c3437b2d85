// What a turn hands back to the channel besides its replies: what the conversation now waits for, and what the
// channel must do (connect a call). Stored with the replies, so a redelivered webhook is answered exactly the same.
import type { Effect } from '../engine/effects.js';
import type { CompiledFlow } from '../engine/flow.js';
import type { OutboundMessage } from '../engine/message.js';
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
  const value = JSON.parse(stored) as TurnOutput | OutboundMessage[];
  if (Array.isArray(value)) return { replies: value, session: { awaiting: 'input', turn: 0, slower: 0 } };
  return value;
}
