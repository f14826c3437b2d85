// The conversation store: optimistic concurrency on a version column, idempotent webhooks by inserting the
// provider's id and sender once with the reply, all in one atomic unit that works on better-sqlite3 and on D1 alike.
import { and, eq, sql } from 'drizzle-orm';
import type { CommitResult, ConversationStore, TurnRecord } from '../conversation/ports.js';
import type { DatabaseHandle, Statement } from './database.js';
import { erasureStatements, purgeStatements } from './privacy-statements.js';
import { activityStatements, type FactOptions } from './activity-statements.js';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.js';
import { storeTextsStatement, textHash, textIdOf } from './message-texts.js';
import { mentionStatements } from './number-mentions.js';
import { REPLY_IN_LOG, deliveryInLog, loggedDelivery, loggedRepliesStatement, replyFromStored, storedReply } from './stored-reply.js';
import { ERASED_SENDER, conversations, messages, optOuts } from './schema.js';

/**
 * « An inbound message », written as a literal, not bound: a condition on a bound value that an index could be partial
 * on makes SQLite plan the statement again at every run (`perf` once found the re-prepare under a quarter of a turn's
 * reads, when the delivery index was partial on it). drizzle's `eq` would bind it.
 */
const INBOUND = sql`${messages.direction} = 'in'`;

/** The row every turn starts from (see `startOf`). Plain SQL, as the turn's writes: its shape never changes. */
const TURN_START_SQL =
  'select (' +
  `select reply from processed_webhooks where provider_id = ? and contact_address in (?, '${ERASED_SENDER}') ` +
  `union all select '${REPLY_IN_LOG}' from messages where contact_address = ? and provider_id = ? and direction = 'in' limit 1) as reply, ` +
  'c.snapshot as snapshot, c.version as version, exists (select 1 from opt_outs where address = ?) as optedOut ' +
  'from (select 1) as one left join conversations c on c.id = ?';
interface TurnStartRow {
  reply: string | null;
  snapshot: string | null;
  version: number | null;
  optedOut: number;
}

/** `epciOf`: the commune's EPCI, written on each activity fact when the runtime knows the map. */
export function createConversationStore({ db, atomic }: DatabaseHandle, options: Pick<FactOptions, 'epciOf'> = {}): ConversationStore {
  // What every turn reads first, in one statement: the reply stored for this delivery, else the marker if its inbound
  // message is logged (an SMS turn's reply); the conversation; whether the number is on the opt-out list. It goes
  // through the atomic runner like the turn's writes: on better-sqlite3 it then runs inside the group's transaction,
  // which costs a third of a read of its own (6.5 against 15 µs measured; a read alone takes and drops SQLite's lock).
  const startOf = async (conversationId: string, providerId: string, address: string) =>
    ((await atomic([{ sql: TURN_START_SQL, params: [providerId, address, address, providerId, address, conversationId] }]))[0] as TurnStartRow[])[0]!;
  // Read on every written turn too: an opt-out belongs to the number, whatever channel it was said on.
  const optOutQuery = db.select({ a: optOuts.address }).from(optOuts).where(eq(optOuts.address, sql.placeholder('address'))).prepare();
  const conversationQuery = db
    .select({ snapshot: conversations.snapshot, version: conversations.version })
    .from(conversations)
    .where(eq(conversations.id, sql.placeholder('conversationId')))
    .prepare();

  const loggedReplies = async (providerId: string, address: string) =>
    ((await atomic([loggedRepliesStatement(providerId, address)]))[0] as { body: string }[]).map((r) => r.body);

  return {
    async findReply(providerId, address) {
      // The same read without a conversation (no id is empty): one statement to keep right, not two.
      const { reply } = await startOf('', providerId, address);
      return reply === null ? undefined : replyFromStored(reply, () => loggedReplies(providerId, address));
    },

    async startTurn(conversationId, providerId, address) {
      const row = await startOf(conversationId, providerId, address);
      return {
        reply: row.reply === null ? undefined : await replyFromStored(row.reply, () => loggedReplies(providerId, address)),
        stored: row.snapshot === null ? undefined : { snapshot: decodeSnapshot(row.snapshot), version: row.version! },
        optedOut: row.optedOut === 1,
      };
    },

    async load(conversationId) {
      const rows = (await conversationQuery.all({ conversationId })) as { snapshot: string; version: number }[];
      const row = rows[0];
      return row ? { snapshot: decodeSnapshot(row.snapshot), version: row.version } : undefined;
    },

    async lastReply(conversationId) {
      const rows = (await atomic([
        {
          sql:
            `select coalesce(w.reply, ${loggedDelivery('c.contact_address', 'c.last_turn_id')}) as reply, c.last_turn_id as provider_id, c.contact_address ` +
            'from conversations c left join processed_webhooks w on w.provider_id = c.last_turn_id and w.contact_address = c.contact_address where c.id = ?',
          params: [conversationId],
        },
      ]))[0] as { reply: string | null; provider_id: string; contact_address: string }[];
      const row = rows[0];
      return row?.reply ? replyFromStored(row.reply, () => loggedReplies(row.provider_id, row.contact_address)) : undefined;
    },

    async commitTurn(turn): Promise<CommitResult> {
      try {
        const results = await atomic(turnStatements(turn, options.epciOf));
        return (results[0]?.length ?? 0) === 1 ? 'committed' : 'conflict';
      } catch (error) {
        const text = `${(error as Error)?.message ?? error} ${(error as { cause?: Error })?.cause?.message ?? ''}`;
        if (/UNIQUE constraint failed: (processed_webhooks|messages\.contact_address, messages\.provider_id)/i.test(text)) return 'duplicate';
        throw error;
      }
    },

    async inboundTexts(address) {
      const rows = await db
        .select({ body: messages.body })
        .from(messages)
        .where(and(eq(messages.contactAddress, address), INBOUND));
      return rows.map((r) => r.body);
    },

    async lastInboundAt(conversationId) {
      // Through the contact's index: by conversation id alone, SQLite walks the log back from its newest message.
      const rows = (await atomic([
        {
          sql:
            "select max(created_at) as at from messages where contact_address = (select contact_address from conversations where id = ?) and conversation_id = ? and direction = 'in'",
          params: [conversationId, conversationId],
        },
      ]))[0] as { at: number | null }[];
      return rows[0]?.at ?? undefined;
    },

    async isOptedOut(address) {
      return ((await optOutQuery.all({ address })) as unknown[]).length > 0;
    },

    async purgeOlderThan(before, redeliveredBefore, orientationsClosedBefore) {
      const results = await atomic(purgeStatements(before, redeliveredBefore, orientationsClosedBefore).map((st) => ({ ...st, sql: `${st.sql} returning 1` })));
      return results.reduce((sum, rows) => sum + rows.length, 0);
    },
  };
}

/** This turn won: the conversation row now carries its id. Every statement after the write is guarded by it. */
const WON = 'exists (select 1 from conversations where id = ? and last_turn_id = ?)';

/**
 * One turn as statements, in plain SQL because this is the hot path and its shapes never change (so both drivers
 * cache them). Statement 1, the conversation write, decides: a lost race updates nothing and every guarded
 * statement after it does nothing; a second delivery of the same id fails on the processed_webhooks primary key
 * (an SMS turn's: on its logged inbound message's unique index, messages_contact_delivery) and rolls the whole unit back.
 */
function turnStatements(turn: TurnRecord, epciOf?: FactOptions['epciOf']): Statement[] {
  const won = [turn.conversationId, turn.providerId];
  const snapshot = encodeSnapshot(turn.snapshot);
  const { flowId, flowHash } = turn.snapshot;
  const departement = turn.departement ?? null;
  const statements: Statement[] = [
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
  ];
  // The contact is written when a conversation begins, not at every turn: nothing reads when it was last seen, and the
  // purge keeps it while one of its conversations is kept. Every turn's upsert wrote a page of its own.
  if (turn.expectedVersion === 0) {
    statements.push({
      sql: `insert into contacts (address, created_at, last_seen_at) select ?, ?, ? where ${WON} on conflict (address) do update set last_seen_at = excluded.last_seen_at`,
      params: [turn.address, turn.at, turn.at, ...won],
    });
  }
  const reply = storedReply(turn);
  if (!deliveryInLog(turn, reply)) {
    statements.push({
      sql: `insert into processed_webhooks (provider_id, contact_address, reply, created_at) select ?, ?, ?, ? where ${WON}`,
      params: [turn.providerId, turn.address, reply, turn.at, ...won],
    });
  }
  if (turn.log.length > 0) {
    statements.push(...messageLogStatements(turn, won));
    const written = turn.log.filter((m) => m.direction === 'in').map((m) => m.body);
    statements.push(...mentionStatements(turn.address, written, turn.at, { sql: WON, params: won }));
  }
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
  if (turn.outbox && turn.outbox.replies.length > 0) {
    statements.push({
      sql: `insert into outbox (provider_id, contact_address, channel, via, replies, sent, attempts, created_at, next_attempt_at) select ?, ?, ?, ?, ?, 0, 0, ?, ? where ${WON}`,
      params: [turn.providerId, turn.address, turn.channel, turn.outbox.via, JSON.stringify(turn.outbox.replies), turn.at, turn.at, ...won],
    });
  }
  if (turn.activity?.length) statements.push(...activityStatements(turn.activity, { guard: { sql: WON, params: won }, epciOf }));
  // Last, because it deletes the conversation row the guard reads.
  if (turn.erase) statements.push(...erasureStatements(turn.address, turn.providerId, turn.erase.inboundTexts, WON, won));
  return statements;
}

/**
 * The turn's messages in one guarded multi-row insert (SQLite names the columns of a VALUES list column1…), after the
 * statement that stores their outgoing texts not stored yet: an outgoing row holds its text's key and an empty body,
 * and no provider id (the inbound row, first, has it).
 */
function messageLogStatements(turn: TurnRecord, won: unknown[]): Statement[] {
  const outgoing = turn.log.filter((m) => m.direction === 'out').map((m) => m.body);
  const rows = turn.log.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
  const insert: Statement = {
    sql:
      'insert into messages (conversation_id, contact_address, channel, direction, body, segments, provider_id, created_at, text_id) ' +
      `select column1, column2, column3, column4, case when column9 is null then column5 else '' end, column6, column7, column8, ${textIdOf('column9', 'column5')} ` +
      `from (values ${rows}) where ${WON}`,
    params: [
      ...turn.log.flatMap((m) => {
        // Only the inbound row names the delivery: the outgoing ones follow it (see loggedRepliesStatement).
        const out = m.direction === 'out';
        return [turn.conversationId, turn.address, turn.channel, m.direction, m.body, m.segments ?? null, out ? null : turn.providerId, turn.at, out ? textHash(m.body) : null];
      }),
      ...won,
    ],
  };
  return outgoing.length > 0 ? [storeTextsStatement(outgoing, { sql: WON, params: won }), insert] : [insert];
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
