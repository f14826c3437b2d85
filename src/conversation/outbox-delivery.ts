// Delivers what a turn committed to the outbox (replies Relais sends through an API, Meta's Graph API): at least
// once, whatever fails after the commit. Each reply is sent in order and counted; a failure leaves the rest for a
// retry (the Node runtime's timer, or a redelivered webhook that finds the delivery still unsent). A reply that
// cannot be sent within the redelivery window is dropped, with an error in the log.
import type { OutboundMessage } from '../engine/message.js';
import type { Clock, Logger } from './ports.js';

export interface OutboxRow {
  id: number;
  providerId: string;
  address: string;
  channel: string;
  via: string;
  replies: OutboundMessage[];
  /** Replies already delivered: a retry resumes after them. */
  sent: number;
  attempts: number;
  createdAt: number;
}

export interface OutboxStore {
  pending(providerId: string, address: string): Promise<OutboxRow[]>;
  due(now: number, limit: number): Promise<OutboxRow[]>;
  progressed(id: number, sent: number): Promise<void>;
  delivered(id: number): Promise<void>;
  failed(id: number, nextAttemptAt: number): Promise<void>;
}

/** Sends one reply; never trusted not to throw. */
export type ReplySender = (row: OutboxRow, reply: OutboundMessage) => Promise<{ ok: boolean; status?: number; error?: string }>;

const MINUTE_MS = 60_000;
/** The next attempt after `attempts` failures: 1, 2, 4… minutes, at most an hour apart. */
const backoff = (attempts: number) => Math.min(60, 2 ** attempts) * MINUTE_MS;

export type OutboxDelivery = ReturnType<typeof createOutboxDelivery>;

export function createOutboxDelivery(deps: { store: OutboxStore; send: ReplySender; clock: Clock; logger: Logger; giveUpAfterMs: number }) {
  const { store, clock, logger } = deps;

  /** True when every reply of the row is delivered (and the row gone). */
  async function deliver(row: OutboxRow): Promise<boolean> {
    for (let i = row.sent; i < row.replies.length; i++) {
      let outcome: { ok: boolean; status?: number; error?: string };
      try {
        outcome = await deps.send(row, row.replies[i]!);
      } catch (error) {
        outcome = { ok: false, error: String(error) };
      }
      if (!outcome.ok) {
        logger.error('outbox.send_failed', { providerId: row.providerId, channel: row.channel, attempt: row.attempts + 1, status: outcome.status, error: outcome.error });
        await store.failed(row.id, clock.now() + backoff(row.attempts));
        return false;
      }
      await store.progressed(row.id, i + 1);
    }
    await store.delivered(row.id);
    return true;
  }

  return {
    /** Sends what this delivery left unsent (its first time, or a redelivery after a failure). */
    async deliverFor(providerId: string, address: string): Promise<boolean> {
      let all = true;
      for (const row of await store.pending(providerId, address)) all = (await deliver(row)) && all;
      return all;
    },

    /** Retries what is due; drops what has waited beyond the window. Returns how many rows were delivered. */
    async retryDue(limit = 100): Promise<number> {
      const now = clock.now();
      let delivered = 0;
      for (const row of await store.due(now, limit)) {
        if (now - row.createdAt > deps.giveUpAfterMs) {
          logger.error('outbox.given_up', { providerId: row.providerId, channel: row.channel, attempts: row.attempts });
          await store.delivered(row.id);
        } else if (await deliver(row)) delivered++;
      }
      return delivered;
    },
  };
}
