// The storage schema, shared by better-sqlite3 (Node) and D1 (Workers). Migrations are generated from it by drizzle-kit.
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A person Relais talks with, keyed by their phone number (E.164) or channel address. */
export const contacts = sqliteTable('contacts', {
  address: text('address').primaryKey(),
  createdAt: integer('created_at').notNull(),
  /** When their latest conversation began (written then, not at every turn: a turn's upsert cost a page write). */
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
    /** The department the conversation belongs to, once known (the Relais number contacted, else the commune). */
    departement: text('departement'),
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
    /** The delivery that wrote the row, on the inbound message only: a turn's outgoing ones follow it. */
    providerId: text('provider_id'),
    createdAt: integer('created_at').notNull(),
    /** An outgoing message's text, in {@link messageTexts} (its `body` is then empty); null for a text kept inline. */
    textId: integer('text_id'),
  },
  (t) => [
    // One index for a contact's messages and for a delivery logged once: an SMS turn whose reply is its logged texts
    // writes no processed_webhooks row, its inbound message is the record that the delivery was handled (see
    // stored-reply.ts). Only the inbound row names the delivery; outgoing rows have none, and SQLite's unique indexes
    // take any number of nulls. Two indexes (by contact; partial, by delivery) were half of the pages a commit wrote.
    uniqueIndex('messages_contact_delivery').on(t.contactAddress, t.providerId),
    index('messages_created').on(t.createdAt),
    // Which messages still use a text: erasure and purge delete a text no message uses any more.
    index('messages_text').on(t.textId).where(sql`text_id is not null`),
  ],
);

/**
 * Every distinct outgoing text, stored once: the flow's texts (the menu, the questions, a commune's places) repeat in
 * every conversation, and were half of what a turn stored. Found by `hash` (FNV-1a of the text, not unique: the body
 * is compared too). A text no message uses any more goes with the erasure or purge that deleted its last message.
 */
export const messageTexts = sqliteTable(
  'message_texts',
  {
    id: integer('id').primaryKey(),
    hash: integer('hash').notNull(),
    body: text('body').notNull(),
  },
  (t) => [index('message_texts_hash').on(t.hash)],
);

/**
 * Webhook deliveries already handled, with the reply given (except an SMS turn's, rebuilt from its logged messages: the
 * inbound one records the delivery, unique in messages_contact_delivery), so a redelivery gets the same answer and no new transition.
 * Keyed on the provider's id and the sender: an id reused by another number is a new delivery, never the first
 * number's answer. After SUPPRIMER, the erasure's own row stays for the redelivery window with `contact_address`
 * set to {@link ERASED_SENDER} (no number) and the generic confirmation as its reply.
 */
export const processedWebhooks = sqliteTable(
  'processed_webhooks',
  {
    providerId: text('provider_id').notNull(),
    contactAddress: text('contact_address').notNull(),
    reply: text('reply').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.providerId, t.contactAddress] }), index('processed_webhooks_contact').on(t.contactAddress), index('processed_webhooks_created').on(t.createdAt)],
);

/** The sender written on the erasure's kept processed row: the number itself is gone. */
export const ERASED_SENDER = 'erased';

/**
 * Replies to send through an API after their turn is committed (Meta WhatsApp): written in the same atomic unit as
 * the turn, deleted once every reply is sent, so a reply is delivered at least once whatever fails after the commit.
 * `sent` counts the replies already delivered (a retry resumes after them).
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    providerId: text('provider_id').notNull(),
    contactAddress: text('contact_address').notNull(),
    channel: text('channel').notNull(),
    /** Where the replies go out from (Meta's phone_number_id). */
    via: text('via').notNull(),
    /** JSON array of neutral OutboundMessage, rendered for the channel at send time. */
    replies: text('replies').notNull(),
    sent: integer('sent').notNull().default(0),
    attempts: integer('attempts').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    nextAttemptAt: integer('next_attempt_at').notNull(),
  },
  // Contact first: it serves the delivery's lookup (both columns) and SUPPRIMER (the contact alone).
  (t) => [index('outbox_contact_delivery').on(t.contactAddress, t.providerId), index('outbox_due').on(t.nextAttemptAt)],
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
  /** The department whose platform calls back: by the Relais number contacted, else by the person's commune. */
  departement: text('departement'),
  /** The workspace user who took it, and when. */
  assignedTo: text('assigned_to'),
  takenAt: integer('taken_at'),
  /** How the callback ended: joint, message laissé, injoignable (workspace outcomes), with the agent's note. */
  outcome: text('outcome'),
  note: text('note'),
  doneAt: integer('done_at'),
}, (t) => [
  index('callback_requests_departement').on(t.departement, t.status, t.createdAt),
  // A turn that learns the department claims this contact's unattached requests, and SUPPRIMER erases them: both by contact.
  index('callback_requests_contact').on(t.contactAddress),
]);

/**
 * Which contacts wrote which phone numbers (see number-mentions.ts): SUPPRIMER blanks a number out of the data of
 * the contacts that wrote it, found here instead of by reading every stored text.
 */
export const numberMentions = sqliteTable(
  'number_mentions',
  {
    /** The number written, in E.164 (`*`: a contact that wrote digits before mentions were recorded). */
    address: text('address').notNull(),
    contactAddress: text('contact_address').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.address, t.contactAddress] }), index('number_mentions_contact').on(t.contactAddress), index('number_mentions_created').on(t.createdAt)],
);

/** Numbers that said STOP: no outbound message may go to them until they say START. Kept after SUPPRIMER. */
export const optOuts = sqliteTable('opt_outs', {
  address: text('address').primaryKey(),
  createdAt: integer('created_at').notNull(),
});

/**
 * Places imported from official sources (`npm run import`): upserted on `id` (source + the source's own id), so a
 * re-import updates rather than duplicates. Hours are kept in the OSM syntax, as a JSON string in `hoursJson`.
 */
export const places = sqliteTable(
  'places',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    postalCode: text('postal_code').notNull(),
    commune: text('commune').notNull(),
    inseeCode: text('insee_code'),
    departement: text('departement'),
    latitude: real('latitude').notNull(),
    longitude: real('longitude').notNull(),
    phone: text('phone'),
    email: text('email'),
    /** JSON array of PlaceService values. */
    services: text('services').notNull(),
    /** JSON weekly hours: seven lists (Monday first) of [openMinute, closeMinute]. */
    hoursJson: text('hours_json'),
    appointment: integer('appointment', { mode: 'boolean' }),
    /** Fixed site, antenna, bus, itinerant, multi-site: where and when the service actually is. */
    format: text('format'),
    comment: text('comment'),
    franceServices: integer('france_services', { mode: 'boolean' }).notNull(),
    /** JSON array of Public values (publics welcomed, adapted receptions). */
    publics: text('publics'),
    free: integer('free', { mode: 'boolean' }),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [index('places_source').on(t.source)],
);

/**
 * Anonymous events counted for the department's figures (a white zone: nothing near a commune). No phone number:
 * they survive SUPPRIMER because nothing in them identifies anyone.
 */
export const signals = sqliteTable(
  'signals',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    commune: text('commune'),
    departement: text('departement'),
    need: text('need'),
    channel: text('channel').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('signals_name_created').on(t.name, t.createdAt)],
);

/**
 * Workshop sessions (ateliers), one row per dated session: recurring events are expanded at import. The CHECK makes
 * overbooking impossible in the database itself, whatever the runtime: a booking that would pass the count fails.
 */
export const sessions = sqliteTable(
  'workshop_sessions',
  {
    id: text('id').primaryKey(),
    source: text('source').notNull(),
    title: text('title').notNull(),
    /** JSON array of PlaceService-like themes ("apprendre", "demarches"…) and free words. */
    themes: text('themes').notNull(),
    placeName: text('place_name').notNull(),
    address: text('address').notNull(),
    postalCode: text('postal_code').notNull(),
    commune: text('commune').notNull(),
    latitude: real('latitude').notNull(),
    longitude: real('longitude').notNull(),
    startsAt: integer('starts_at').notNull(),
    endsAt: integer('ends_at').notNull(),
    /** Null: no limit. */
    seats: integer('seats'),
    seatsTaken: integer('seats_taken').notNull().default(0),
    price: text('price').notNull(),
    audience: text('audience'),
    organiser: text('organiser'),
    contact: text('contact'),
    /** Demonstration data: said in every answer built from it. */
    demo: integer('demo', { mode: 'boolean' }).notNull(),
    importedAt: integer('imported_at').notNull(),
  },
  (t) => [index('workshop_sessions_starts').on(t.startsAt), check('seats_not_overbooked', sql`${t.seats} is null or ${t.seatsTaken} <= ${t.seats}`)],
);

/** A seat booked by a contact for a session; one per contact and session. */
export const bookings = sqliteTable(
  'bookings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sessionId: text('session_id').notNull(),
    contactAddress: text('contact_address').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The department of the conversation that booked it, when known. */
    departement: text('departement'),
  },
  // By contact too: a turn that learns the department claims the contact's bookings (see callback_requests_contact).
  (t) => [uniqueIndex('bookings_session_contact').on(t.sessionId, t.contactAddress), index('bookings_contact').on(t.contactAddress)],
);

/** Answers of the optional online geocoder (geo.api.gouv.fr), kept so that a query is asked once. */
export const geocodeCache = sqliteTable('geocode_cache', {
  query: text('query').primaryKey(),
  /** JSON Commune, or null when the service knew no such place. */
  result: text('result'),
  fetchedAt: integer('fetched_at').notNull(),
});

/**
 * Phone calls, one row per call: who called which number (so which department), whether the call came with
 * context from a department's platform, whether a transfer to a person was answered, and how the call ended.
 */
export const calls = sqliteTable(
  'calls',
  {
    callSid: text('call_sid').primaryKey(),
    contactAddress: text('contact_address').notNull(),
    calledNumber: text('called_number').notNull(),
    departement: text('departement'),
    /** Where the context came from: a registered hand-off, SIP headers, the URL's query; null for a direct call. */
    contextSource: text('context_source'),
    /** The last transfer to a person: answered, or Twilio's DialCallStatus when it failed. */
    transferStatus: text('transfer_status'),
    /** Twilio's final CallStatus: completed, busy, no-answer, failed, canceled. */
    status: text('status'),
    durationSeconds: integer('duration_seconds'),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at'),
  },
  (t) => [index('calls_contact').on(t.contactAddress), index('calls_started').on(t.startedAt)],
);

/**
 * What a department's agent registered before transferring a caller (`POST /api/handoffs`): valid a few minutes,
 * used once, by the next call from that number. Context is JSON of the fields the agent gave.
 */
export const handoffs = sqliteTable(
  'handoffs',
  {
    id: text('id').primaryKey(),
    callerAddress: text('caller_address').notNull(),
    /**
     * The department whose platform registered it (its settings' handoffTokens, its workspace or API token): used only
     * by a call to that department's number. Null (the server-wide token): any.
     */
    departement: text('departement'),
    context: text('context').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
    usedByCall: text('used_by_call'),
    /** The workspace user who registered it. */
    createdBy: text('created_by'),
  },
  (t) => [index('handoffs_caller').on(t.callerAddress, t.expiresAt)],
);

export * from './workspace-schema.js';
export * from './model-schema.js';
export * from './orientation-schema.js';
export * from './activity-schema.js';

/**
 * Messages Relais writes first, at their time (follow-ups: a workshop's reminder the day before, the 7-day « Avez-vous
 * pu y aller ? », the cold evaluation). A runner claims a due row with a guarded update and a lease: a crashed
 * runner's claims come back once the lease has passed. `idempotency_key` makes scheduling the same follow-up twice a
 * no-op. `payload` is JSON (the variables the follow-up's step says, and its subject).
 */
export const scheduledMessages = sqliteTable(
  'scheduled_messages',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind', { enum: ['reminder', 'verification', 'evaluation'] }).notNull(),
    contactAddress: text('contact_address').notNull(),
    /** The conversation's channel (sms, whatsapp, voice): the follow-up goes where the person spoke to Relais. */
    channel: text('channel').notNull(),
    /** Where it goes out from on that channel (Meta's phone_number_id, the Relais number), when known. */
    via: text('via'),
    departement: text('departement'),
    dueAt: integer('due_at').notNull(),
    /** Past this moment it is no longer worth sending (a reminder after the session): it expires instead. */
    expiresAt: integer('expires_at'),
    payload: text('payload').notNull(),
    status: text('status', { enum: ['pending', 'claimed', 'sent', 'answered', 'failed', 'cancelled', 'expired'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at'),
    /** Why the last attempt failed, or why it was given up, cancelled or deferred. */
    lastError: text('last_error'),
    createdAt: integer('created_at').notNull(),
    sentAt: integer('sent_at'),
    answeredAt: integer('answered_at'),
  },
  (t) => [
    uniqueIndex('scheduled_messages_key').on(t.idempotencyKey),
    index('scheduled_messages_due').on(t.status, t.dueAt),
    index('scheduled_messages_contact').on(t.contactAddress),
    index('scheduled_messages_departement').on(t.departement, t.dueAt),
    check('scheduled_messages_attempts', sql`${t.attempts} >= 0`),
  ],
);

/**
 * Answers to follow-ups, for the department's activity figures: anonymous (no contact), one row per question
 * answered. `kind` is the follow-up (verification, evaluation), `subject` what it was about (workshop, places,
 * orientation), `question` the question's id, `answer` the digit the person gave.
 */
export const followUpAnswers = sqliteTable(
  'followup_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    scheduledId: integer('scheduled_id'),
    kind: text('kind').notNull(),
    subject: text('subject').notNull(),
    question: text('question').notNull(),
    answer: integer('answer').notNull(),
    departement: text('departement'),
    answeredAt: integer('answered_at').notNull(),
  },
  (t) => [index('followup_answers_departement').on(t.departement, t.answeredAt), uniqueIndex('followup_answers_once').on(t.scheduledId, t.question)],
);
