// The conversation store: optimistic concurrency on a version column, idempotent webhooks by inserting the
// provider's id once with the reply, all in one atomic unit that works on better-sqlite3 and on D1 alike.
import { and, desc, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { CommitResult, ConversationStore, TurnRecord } from '../conversation/ports.js';
import { parseSnapshot } from '../engine/snapshot.js';
import { statementOf, type DatabaseHandle, type Statement } from './database.js';
import { callbackRequests, calls, contacts, conversations, handoffs, messages, optOuts, processedWebhooks } from './schema.js';

export function createConversationStore({ db, atomic }: DatabaseHandle): ConversationStore {
  // Every turn runs these two reads: prepared once, they skip query building and SQL parsing.
  const replyQuery = db
    .select({ reply: processedWebhooks.reply })
    .from(processedWebhooks)
    .where(eq(processedWebhooks.providerId, sql.placeholder('providerId')))
    .prepare();
  const conversationQuery = db
    .select({ snapshot: conversations.snapshot, version: conversations.version })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('conversationId')))
    .prepare();

  return {
    async findReply(providerId) {
      const rows = (await replyQuery.all({ providerId })) as { reply: string }[];
      return rows[0]?.reply;
    },

    async load(conversationId) {
      const rows = (await conversationQuery.all({ conversationId })) as { snapshot: string; version: number }[];
      const row = rows[0];
      return row ? { snapshot: parseSnapshot(row.snapshot), version: row.version } : undefined;
    },

    async lastReply(conversationId) {
      const rows = (await atomic([
        {
          sql: 'select w.reply from processed_webhooks w join conversations c on c.last_turn_id = w.provider_id where c.id = ?',
          params: [conversationId],
        },
      ]))[0] as { reply: string }[];
      return rows[0]?.reply;
    },

    async commitTurn(turn): Promise<CommitResult> {
      try {
        const results = await atomic(turnStatements(turn));
        return (results[1]?.length ?? 0) === 1 ? 'committed' : 'conflict';
      } catch (error) {
        const text = `${(error as Error)?.message ?? error} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
        if (/UNIQUE constraint failed: processed_webhooks/i.test(text)) return 'duplicate';
        throw error;
      }
    },

    async eraseContact(address, keepProviderId) {
      await atomic([
        // Erased bookings free their seats.
        {
          sql: 'update workshop_sessions set seats_taken = seats_taken - (select count(*) from bookings b where b.session_id = workshop_sessions.id and b.contact_address = ?) where id in (select session_id from bookings where contact_address = ?)',
          params: [address, address],
        },
        { sql: 'delete from bookings where contact_address = ?', params: [address] },
        statementOf(db.delete(messages).where(eq(messages.contactAddress, address))),
        statementOf(db.delete(callbackRequests).where(eq(callbackRequests.contactAddress, address))),
        statementOf(db.delete(conversations).where(eq(conversations.contactAddress, address))),
        statementOf(db.delete(contacts).where(eq(contacts.address, address))),
        statementOf(db.delete(processedWebhooks).where(and(eq(processedWebhooks.contactAddress, address), ne(processedWebhooks.providerId, keepProviderId)))),
        statementOf(db.delete(calls).where(eq(calls.contactAddress, address))),
        statementOf(db.delete(handoffs).where(eq(handoffs.callerAddress, address))),
      ]);
    },

    async lastInboundAt(conversationId) {
      const rows = await db
        .select({ at: messages.createdAt })
        .from(messages)
        .where(and(eq(messages.conversationId, conversationId), eq(messages.direction, 'in')))
        .orderBy(desc(messages.createdAt))
        .limit(1);
      return rows[0]?.at;
    },

    async isOptedOut(address) {
      const rows = await db.select({ a: optOuts.address }).from(optOuts).where(eq(optOuts.address, address));
      return rows.length > 0;
    },

    async purgeInactive(before) {
      const stale = await db.select({ address: contacts.address }).from(contacts).where(lt(contacts.lastSeenAt, before));
      const addresses = stale.map((r) => r.address);
      // Hand-offs older than the retention go too (unused ones carry a number and a commune).
      await atomic([statementOf(db.delete(handoffs).where(lt(handoffs.expiresAt, before)))]);
      for (let i = 0; i < addresses.length; i += 100) {
        const chunk = addresses.slice(i, i + 100);
        await atomic([
          statementOf(db.delete(messages).where(inArray(messages.contactAddress, chunk))),
          statementOf(db.delete(conversations).where(inArray(conversations.contactAddress, chunk))),
          statementOf(db.delete(processedWebhooks).where(inArray(processedWebhooks.contactAddress, chunk))),
          statementOf(db.delete(contacts).where(inArray(contacts.address, chunk))),
          statementOf(db.delete(calls).where(inArray(calls.contactAddress, chunk))),
        ]);
      }
      return addresses.length;
    },
  };
}

/** This turn won: the conversation row now carries its id. Every statement after the write is guarded by it. */
const WON = 'exists (select 1 from conversations where id = ? and last_turn_id = ?)';

/**
 * One turn as statements, in plain SQL because this is the hot path and its shapes never change (so both drivers
 * cache them). Statement 1, the conversation write, decides: a lost race updates nothing and every guarded
 * statement after it does nothing; a second delivery of the same id fails on the processed_webhooks primary key
 * and rolls the whole unit back.
 */
function turnStatements(turn: TurnRecord): Statement[] {
  const won = [turn.conversationId, turn.providerId];
  const snapshot = JSON.stringify(turn.snapshot);
  const { flowId, flowHash } = turn.snapshot;
  const departement = turn.departement ?? null;
  const statements: Statement[] = [
    {
      sql: 'insert into contacts (address, created_at, last_seen_at) values (?, ?, ?) on conflict (address) do update set last_seen_at = excluded.last_seen_at',
      params: [turn.address, turn.at, turn.at],
    },
    turn.expectedVersion === 0
      ? {
          sql:
            'insert into conversations (id, contact_address, channel, flow_id, flow_hash, snapshot, version, last_turn_id, updated_at, departement) ' +
            'values (?, ?, ?, ?, ?, ?, 1, ?, ?, ?) on conflict (id) do nothing returning id',
          params: [turn.conversationId, turn.address, turn.channel, flowId, flowHash, snapshot, turn.providerId, turn.at, departement],
        }
      : {
          sql: 'update conversations set flow_id = ?, flow_hash = ?, snapshot = ?, version = ?, last_turn_id = ?, updated_at = ?, departement = coalesce(?, departement) where id = ? and version = ? returning id',
          params: [flowId, flowHash, snapshot, turn.expectedVersion + 1, turn.providerId, turn.at, departement, turn.conversationId, turn.expectedVersion],
        },
    {
      sql: `insert into processed_webhooks (provider_id, contact_address, reply, created_at) select ?, ?, ?, ? where ${WON}`,
      params: [turn.providerId, turn.address, turn.reply, turn.at, ...won],
    },
  ];
  if (turn.log.length > 0) statements.push(messageLogStatement(turn));
  for (const c of turn.callbacks) {
    statements.push({
      sql: `insert into callback_requests (contact_address, channel, step_id, context, status, created_at, departement) select ?, ?, ?, ?, 'open', ?, ? where ${WON}`,
      params: [turn.address, turn.channel, c.stepId, c.context, turn.at, departement, ...won],
    });
  }
  if (turn.departement) statements.push(...attachToDepartment(turn.address, turn.departement));
  for (const signal of turn.signals) {
    statements.push({
      sql: `insert into signals (name, commune, departement, need, channel, created_at) select ?, ?, ?, ?, ?, ? where ${WON}`,
      params: [signal.name, signal.commune || null, signal.departement || null, signal.need || null, turn.channel, turn.at, ...won],
    });
  }
  if (turn.optOut === 'add') {
    statements.push({ sql: `insert into opt_outs (address, created_at) select ?, ? where ${WON} on conflict (address) do nothing`, params: [turn.address, turn.at, ...won] });
  } else if (turn.optOut === 'remove') {
    statements.push({ sql: `delete from opt_outs where address = ? and ${WON}`, params: [turn.address, ...won] });
  }
  return statements;
}

/** The turn's messages in one guarded multi-row insert (SQLite names the columns of a VALUES list column1…). */
function messageLogStatement(turn: TurnRecord): Statement {
  const rows = turn.log.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  return {
    sql:
      'insert into messages (conversation_id, contact_address, channel, direction, body, segments, provider_id, created_at) ' +
      `select column1, column2, column3, column4, column5, column6, column7, column8 from (values ${rows}) where ${WON}`,
    params: [
      ...turn.log.flatMap((m) => [turn.conversationId, turn.address, turn.channel, m.direction, m.body, m.segments ?? null, turn.providerId, turn.at]),
      turn.conversationId,
      turn.providerId,
    ],
  };
}

/**
 * A department learnt later (the person gave their commune after asking for help) claims what was still unattached:
 * open callback requests and bookings of this contact.
 */
function attachToDepartment(address: string, departement: string): Statement[] {
  return [
    { sql: "update callback_requests set departement = ? where contact_address = ? and departement is null and status = 'open'", params: [departement, address] },
    { sql: 'update bookings set departement = ? where contact_address = ? and departement is null', params: [departement, address] },
  ];
}
