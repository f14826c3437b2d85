// Orientations (referrals): who sent whom where, what became of it, and who looked. The person's contact is kept only
// with their consent to be called, erased by SUPPRIMER and anonymised after closure (see privacy-statements.ts).
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A structure of the department that orients or receives people: CCAS, SAAD, France Services, association… */
export const structures = sqliteTable(
  'structures',
  {
    id: text('id').primaryKey(),
    departement: text('departement').notNull(),
    name: text('name').notNull(),
    /** One of STRUCTURE_TYPES (src/orientations/statuses.ts). */
    type: text('type').notNull(),
    /** The directory's place this structure is, when it receives orientations there. */
    placeId: text('place_id'),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('structures_departement').on(t.departement), index('structures_place').on(t.placeId)],
);

/** One orientation. `status` changes only through changeOrientationStatus (a guarded UPDATE on the status read). */
export const orientations = sqliteTable(
  'orientations',
  {
    id: text('id').primaryKey(),
    departement: text('departement').notNull(),
    status: text('status').notNull(),
    need: text('need'),
    procedureId: text('procedure_id'),
    procedureTitle: text('procedure_title'),
    /** JSON array of constraints (mobility, hearing, sight, reading, noInternet, noDevice) and `urgent`. */
    constraints: text('constraints').notNull().default('[]'),
    commune: text('commune'),
    placeId: text('place_id').notNull(),
    placeName: text('place_name').notNull(),
    placeAddress: text('place_address').notNull(),
    placePhone: text('place_phone'),
    placeHours: text('place_hours'),
    /** The receiving structure, when the place is one of the department's structures. */
    placeStructureId: text('place_structure_id'),
    /** `relay`, `agent` or `person` (a senior who said yes to « Voulez-vous que ce lieu soit prévenu ? »). */
    senderKind: text('sender_kind').notNull(),
    senderUserId: text('sender_user_id'),
    senderStructureId: text('sender_structure_id'),
    /** Who oriented, as the sheet says it (« Aide à domicile, SAAD des Cévennes »). */
    senderLabel: text('sender_label').notNull(),
    /** Where the sender is told of changes (a relay's phone, a senior's own number): personal data, erasable. */
    senderAddress: text('sender_address'),
    consentBy: text('consent_by').notNull(),
    consentAt: integer('consent_at').notNull(),
    /** `sms`, `whatsapp`, `workspace`, `oral` (said to the relay). */
    consentHow: text('consent_how').notNull(),
    /** The person's phone, only when they agreed to be called: personal data, erasable. */
    personContact: text('person_contact'),
    appointment: text('appointment'),
    refusalReason: text('refusal_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
    closedAt: integer('closed_at'),
    anonymisedAt: integer('anonymised_at'),
  },
  (t) => [
    index('orientations_departement').on(t.departement, t.createdAt),
    index('orientations_sender').on(t.senderUserId),
    index('orientations_person').on(t.personContact),
    index('orientations_sender_address').on(t.senderAddress),
    check('orientations_status', sql`${t.status} in ('envoyée', 'acceptée', 'refusée', 'honorée', 'non honorée', 'clôturée')`),
  ],
);

/** Each status change, with its time and author: the orientation's history. */
export const orientationEvents = sqliteTable(
  'orientation_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orientationId: text('orientation_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    at: integer('at').notNull(),
    /** Who: a workspace user's email, « le lieu (lien de réponse) », « la personne (SMS) ». */
    author: text('author').notNull(),
    detail: text('detail'),
  },
  (t) => [index('orientation_events_orientation').on(t.orientationId, t.at)],
);

/** Links without an account: `answer` (the receiving place answers, once) and `sheet` (the printable sheet). Hashes only. */
export const orientationTokens = sqliteTable(
  'orientation_tokens',
  {
    id: text('id').primaryKey(),
    orientationId: text('orientation_id').notNull(),
    kind: text('kind').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [uniqueIndex('orientation_tokens_hash').on(t.tokenHash), index('orientation_tokens_orientation').on(t.orientationId)],
);

/** Every opening of an orientation that holds personal data: who, when. Shown to the department's administrator. */
export const orientationAccessLog = sqliteTable(
  'orientation_access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    orientationId: text('orientation_id').notNull(),
    departement: text('departement').notNull(),
    userId: text('user_id').notNull(),
    userEmail: text('user_email').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('orientation_access_orientation').on(t.orientationId, t.at), index('orientation_access_departement').on(t.departement, t.at)],
);
