// The ports the conversation service needs. It declares them; src/db and the runtimes implement them.
import type { Snapshot } from '../engine/snapshot.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import type { OutboundMessage } from '../engine/message.js';
import type { ActivityFact } from '../activity/facts.js';

export interface StoredConversation {
  snapshot: Snapshot;
  /** Optimistic-concurrency version: a commit must name the version it read. 0 means "does not exist yet". */
  version: number;
}

/** Everything one turn changes, committed atomically or not at all. */
export interface TurnRecord {
  conversationId: string;
  channel: string;
  address: string;
  /** The provider's delivery id: stored with the reply so a redelivery is answered the same, once. */
  providerId: string;
  expectedVersion: number;
  snapshot: Snapshot;
  /** The serialised reply, returned as is to a redelivered webhook. */
  reply: string;
  log: { direction: 'in' | 'out'; body: string; segments?: number }[];
  callbacks: { stepId: string; context: string }[];
  /** Anonymous events for the department's figures: no contact attached. */
  signals: { name: string; commune?: string; departement?: string; need?: string }[];
  optOut?: 'add' | 'remove';
  /** SUPPRIMER: erased in the same atomic unit (`inboundTexts`: the person's own messages, read before). */
  erase?: { inboundTexts: string[] };
  /** Replies to send through an API after the commit (Meta WhatsApp), kept until sent: see the outbox. */
  outbox?: { via: string; replies: OutboundMessage[] };
  /** The department this conversation belongs to, when known: its callbacks and bookings are attached to it. */
  departement?: string;
  /** Anonymous activity facts of this turn (src/activity): committed with it, kept after SUPPRIMER. */
  activity?: ActivityFact[];
  at: number;
}

export interface TurnStart {
  reply: string | undefined;
  stored: StoredConversation | undefined;
  optedOut: boolean;
}

export type CommitResult = 'committed' | 'conflict' | 'duplicate';

export interface ConversationStore {
  /** The reply already given to this delivery (the provider's id from this sender), if it was processed. */
  findReply(providerId: string, address: string): Promise<string | undefined>;
  load(conversationId: string): Promise<StoredConversation | undefined>;
  /** What a turn reads before it runs, at once: `findReply`, `load` and `isOptedOut` of its delivery and number. */
  startTurn(conversationId: string, providerId: string, address: string): Promise<TurnStart>;
  /** The stored reply of the conversation's last turn (what « répéter » says again). */
  lastReply(conversationId: string): Promise<string | undefined>;
  commitTurn(turn: TurnRecord): Promise<CommitResult>;
  /** What this number wrote, on every channel: read before an erasure, to erase what was derived from it. */
  inboundTexts(address: string): Promise<string[]>;
  /** On the opt-out list: said STOP, on any channel, and not START since. */
  isOptedOut(address: string): Promise<boolean>;
  /** When this conversation's person last wrote (epoch ms): WhatsApp's 24-hour window counts from it. */
  lastInboundAt(conversationId: string): Promise<number | undefined>;
  /**
   * The retention the welcome promises: deletes every row older than `before` in every table that holds personal
   * data, and processed deliveries older than `redeliveredBefore` (the redelivery window; each conversation's last
   * delivery stays for « répéter »); anonymises orientations closed before `orientationsClosedBefore`. Returns the
   * rows deleted or anonymised.
   */
  purgeOlderThan(before: number, redeliveredBefore: number, orientationsClosedBefore?: number): Promise<number>;
}

/** Who a service acts for: most services ignore it; booking a seat needs it. */
export interface ServiceContext {
  address: string;
  channel: string;
  /** The Relais number (or Meta phone_number_id) the person wrote to: where a follow-up goes out from. */
  via?: string;
  /** The department the turn belongs to, when known (a service that spends a department's budget needs it). */
  departement?: string;
  /**
   * The channel would rather hold the turn than wait in silence (the phone): a service about to wait on something
   * slow (the understanding model) may throw {@link TurnHeld} instead, and the turn is run again later, unheld.
   */
  mayHold?: boolean;
}

/**
 * Thrown by a service, only when its context says `mayHold`, before it waits on something slow: nothing of the turn
 * is written, and the channel runs the same turn again (the phone says « un instant » and redirects to itself).
 */
export class TurnHeld extends Error {
  constructor(readonly reason: string) {
    super(`turn held: ${reason}`);
    this.name = 'TurnHeld';
  }
}

/** A named capability a flow can invoke (`invoke` steps), supplied at wiring time. */
export type FlowService = (input: Vars, context: ServiceContext) => Promise<ServiceResult>;

export interface Clock {
  now(): number;
}

export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}
