// The storage schema, shared by better-sqlite3 (Node) and D1 (Workers). Migrations are generated from it by drizzle-kit.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A person Relais talks with, keyed by their phone number (E.164) or channel address. */
export const contacts = sqliteTable('contacts', {
  address: text('address').primaryKey(),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
});

/**
 * One conversation per contact and channel. `version` serialises turns with optimistic concurrency
 * (D1 has no interactive transactions); `lastTurnId` lets other statements of the same batch check
 * that this turn's update won.
 */
export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    contactAddress: text('contact_address').notNull(),
    channel: text('channel').notNull(),
    flowId: text('flow_id').notNull(),
    flowHash: text('flow_hash').notNull(),
    snapshot: text('snapshot').notNull(),
    version: integer('version').notNull(),
    lastTurnId: text('last_turn_id').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('conversations_contact').on(t.contactAddress), index('conversations_updated').on(t.updatedAt)],
);

/** Every message in and out, with its SMS segment count, for support and for activity figures. */
export const messages = sqliteTable(
  'messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    conversationId: text('conversation_id').notNull(),
    contactAddress: text('contact_address').notNull(),
    channel: text('channel').notNull(),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    body: text('body').notNull(),
    segments: integer('segments'),
    providerId: text('provider_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('messages_contact').on(t.contactAddress), index('messages_created').on(t.createdAt)],
);

/** Webhook deliveries already handled, with the reply given, so a redelivery gets the same answer and no new transition. */
export const processedWebhooks = sqliteTable(
  'processed_webhooks',
  {
    providerId: text('provider_id').primaryKey(),
    contactAddress: text('contact_address').notNull(),
    reply: text('reply').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('processed_webhooks_contact').on(t.contactAddress)],
);

/** A person asked to talk to someone (AIDE, 0, « un conseiller »). */
export const callbackRequests = sqliteTable('callback_requests', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  contactAddress: text('contact_address').notNull(),
  channel: text('channel').notNull(),
  stepId: text('step_id').notNull(),
  context: text('context').notNull(),
  status: text('status', { enum: ['open', 'done'] }).notNull().default('open'),
  createdAt: integer('created_at').notNull(),
});

/** Numbers that said STOP: no outbound message may go to them until they say START. Kept after SUPPRIMER. */
export const optOuts = sqliteTable('opt_outs', {
  address: text('address').primaryKey(),
  createdAt: integer('created_at').notNull(),
});
