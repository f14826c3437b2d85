// The outbox in the database: replies written with their turn (see conversation-store), read back until delivered.
import type { OutboxRow, OutboxStore } from '../conversation/outbox-delivery.js';
import type { OutboundMessage } from '../engine/message.js';
import type { DatabaseHandle } from './database.js';

interface Stored {
  id: number;
  provider_id: string;
  contact_address: string;
  channel: string;
  via: string;
  replies: string;
  sent: number;
  attempts: number;
  created_at: number;
}

const rowOf = (r: Stored): OutboxRow => ({
  id: r.id,
  providerId: r.provider_id,
  address: r.contact_address,
  channel: r.channel,
  via: r.via,
  replies: JSON.parse(r.replies) as OutboundMessage[],
  sent: r.sent,
  attempts: r.attempts,
  createdAt: r.created_at,
});

export function createOutboxRepository({ atomic }: DatabaseHandle): OutboxStore {
  const run = async (sql: string, params: unknown[]) => (await atomic([{ sql, params }]))[0] ?? [];
  return {
    async pending(providerId, address) {
      return ((await run('select * from outbox where provider_id = ? and contact_address = ? order by id', [providerId, address])) as Stored[]).map(rowOf);
    },
    async due(now, limit) {
      return ((await run('select * from outbox where next_attempt_at <= ? order by next_attempt_at limit ?', [now, limit])) as Stored[]).map(rowOf);
    },
    async progressed(id, sent) {
      await run('update outbox set sent = ? where id = ? and sent < ?', [sent, id, sent]);
    },
    async delivered(id) {
      await run('delete from outbox where id = ?', [id]);
    },
    async failed(id, nextAttemptAt) {
      await run('update outbox set attempts = attempts + 1, next_attempt_at = ? where id = ?', [nextAttemptAt, id]);
    },
  };
}
