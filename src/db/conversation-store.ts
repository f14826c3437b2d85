// The conversation store on drizzle: optimistic concurrency on a version column, idempotent webhooks by
// inserting the provider's id once with the reply, all in one atomic unit that works on both drivers.
import { and, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { CommitResult, ConversationStore, TurnRecord } from '../conversation/ports.js';
import { parseSnapshot } from '../engine/snapshot.js';
import type { DatabaseHandle, Statement } from './database.js';
import { callbackRequests, contacts, conversations, messages, optOuts, processedWebhooks } from './schema.js';

export function createConversationStore({ db, atomic }: DatabaseHandle): ConversationStore {
  return {
    async findReply(providerId) {
      const rows = await db.select({ reply: processedWebhooks.reply }).from(processedWebhooks).where(eq(processedWebhooks.providerId, providerId));
      return rows[0]?.reply;
    },

    async load(conversationId) {
      const rows = await db.select().from(conversations).where(eq(conversations.id, conversationId));
      const row = rows[0];
      return row ? { snapshot: parseSnapshot(row.snapshot), version: row.version } : undefined;
    },

    async commitTurn(turn) {
      try {
        const results = await atomic(turnStatements(db, turn));
        return (results[1]?.length ?? 0) === 1 ? 'committed' : 'conflict';
      } catch (error) {
        if (/UNIQUE constraint failed: processed_webhooks/i.test(String((error as Error)?.message ?? error) + String((error as { cause?: Error })?.cause?.message ?? ''))) return 'duplicate';
        throw error;
      }
    },

    async eraseContact(address, keepProviderId) {
      await atomic([
        db.delete(messages).where(eq(messages.contactAddress, address)).returning({ id: messages.id }),
        db.delete(callbackRequests).where(eq(callbackRequests.contactAddress, address)).returning({ id: callbackRequests.id }),
        db.delete(conversations).where(eq(conversations.contactAddress, address)).returning({ id: conversations.id }),
        db.delete(contacts).where(eq(contacts.address, address)).returning({ a: contacts.address }),
        db
          .delete(processedWebhooks)
          .where(and(eq(processedWebhooks.contactAddress, address), ne(processedWebhooks.providerId, keepProviderId)))
          .returning({ id: processedWebhooks.providerId }),
      ]);
    },

    async isOptedOut(address) {
      const rows = await db.select({ a: optOuts.address }).from(optOuts).where(eq(optOuts.address, address));
      return rows.length > 0;
    },

    async purgeInactive(before) {
      const stale = await db.select({ address: contacts.address }).from(contacts).where(lt(contacts.lastSeenAt, before));
      const addresses = stale.map((r) => r.address);
      for (let i = 0; i < addresses.length; i += 100) {
        const chunk = addresses.slice(i, i + 100);
        await atomic([
          db.delete(messages).where(inArray(messages.contactAddress, chunk)).returning({ id: messages.id }),
          db.delete(conversations).where(inArray(conversations.contactAddress, chunk)).returning({ id: conversations.id }),
          db.delete(processedWebhooks).where(inArray(processedWebhooks.contactAddress, chunk)).returning({ id: processedWebhooks.providerId }),
          db.delete(contacts).where(inArray(contacts.address, chunk)).returning({ a: contacts.address }),
        ]);
      }
      return addresses.length;
    },
  };
}

/**
 * One turn as statements. Statement 1 (the conversation write) decides: every later statement only takes
 * effect if the conversation row now carries this turn's id, so a lost race changes nothing; a second
 * delivery of the same id fails on the processed_webhooks primary key and rolls the whole unit back.
 */
function turnStatements(db: DatabaseHandle['db'], turn: TurnRecord): Statement[] {
  const snapshot = JSON.stringify(turn.snapshot);
  const won = sql`where exists (select 1 from ${conversations} where ${conversations.id} = ${turn.conversationId} and ${conversations.lastTurnId} = ${turn.providerId})`;
  const row = {
    flowId: turn.snapshot.flowId,
    flowHash: turn.snapshot.flowHash,
    snapshot,
    version: turn.expectedVersion + 1,
    lastTurnId: turn.providerId,
    updatedAt: turn.at,
  };
  const writeConversation =
    turn.expectedVersion === 0
      ? db
          .insert(conversations)
          .values({ id: turn.conversationId, contactAddress: turn.address, channel: turn.channel, ...row })
          .onConflictDoNothing()
          .returning({ id: conversations.id })
      : db
          .update(conversations)
          .set(row)
          .where(and(eq(conversations.id, turn.conversationId), eq(conversations.version, turn.expectedVersion)))
          .returning({ id: conversations.id });

  const statements: Statement[] = [
    db
      .insert(contacts)
      .values({ address: turn.address, createdAt: turn.at, lastSeenAt: turn.at })
      .onConflictDoUpdate({ target: contacts.address, set: { lastSeenAt: turn.at } })
      .returning({ a: contacts.address }),
    writeConversation,
    db
      .insert(processedWebhooks)
      .select(sql`select ${turn.providerId}, ${turn.address}, ${turn.reply}, ${turn.at} ${won}`)
      .returning({ id: processedWebhooks.providerId }),
  ];
  for (const m of turn.log) {
    statements.push(
      db
        .insert(messages)
        .select(sql`select null, ${turn.conversationId}, ${turn.address}, ${turn.channel}, ${m.direction}, ${m.body}, ${m.segments ?? null}, ${turn.providerId}, ${turn.at} ${won}`)
        .returning({ id: messages.id }),
    );
  }
  for (const c of turn.callbacks) {
    statements.push(
      db
        .insert(callbackRequests)
        .select(sql`select null, ${turn.address}, ${turn.channel}, ${c.stepId}, ${c.context}, 'open', ${turn.at} ${won}`)
        .returning({ id: callbackRequests.id }),
    );
  }
  if (turn.optOut === 'add') {
    statements.push(db.insert(optOuts).select(sql`select ${turn.address}, ${turn.at} ${won} on conflict do nothing`).returning({ a: optOuts.address }));
  } else if (turn.optOut === 'remove') {
    statements.push(
      db
        .delete(optOuts)
        .where(and(eq(optOuts.address, turn.address), sql`exists (select 1 from ${conversations} where ${conversations.id} = ${turn.conversationId} and ${conversations.lastTurnId} = ${turn.providerId})`))
        .returning({ a: optOuts.address }),
    );
  }
  return statements;
}
