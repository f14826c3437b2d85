// The workspace's tables: departments (tenants), their users, sessions, invitations, API tokens, login attempts.
// Secrets (session ids, invitation and API tokens) are stored as SHA-256 hashes: a leaked database opens nothing.
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/** A department that switched Relais on. Seeded from DEPARTMENTS_FILE / DEPARTMENTS, then edited in Réglages. */
export const departments = sqliteTable('departments', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  /** JSON DepartmentConfig (numbers, hours, white-zone radius…), validated by departmentSchema. */
  settings: text('settings').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A person who signs in to the workspace. `role` is open text so that later roles (relay, structure) are additions. */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    departement: text('departement').notNull(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    /** PBKDF2-SHA256 (Web Crypto): "pbkdf2-sha256$iterations$salt$hash", base64. */
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    /** Removed by an administrator: can no longer sign in; kept so that past work still names its author. */
    disabledAt: integer('disabled_at'),
    /** A relay's or a structure's staff: their structure (orientations). */
    structureId: text('structure_id'),
    /** A relay's registered mobile (E.164): a message from it opens relay mode. */
    phone: text('phone'),
  },
  (t) => [uniqueIndex('users_email').on(t.email), index('users_departement').on(t.departement), index('users_phone').on(t.phone)],
);

/** Server-side sessions: revocable, with an idle and an absolute expiry. `id` is the SHA-256 of the cookie's token. */
export const webSessions = sqliteTable(
  'web_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [index('web_sessions_user').on(t.userId)],
);

/** A one-time link an administrator gives a new user; the token's hash only. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    departement: text('departement').notNull(),
    email: text('email').notNull(),
    role: text('role').notNull(),
    /** For a relay or a structure's staff: their structure, and a relay's mobile (E.164). */
    structureId: text('structure_id'),
    phone: text('phone'),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
    usedAt: integer('used_at'),
  },
  (t) => [uniqueIndex('invitations_token').on(t.tokenHash), index('invitations_departement').on(t.departement)],
);

/** A department's token for its platform's tools (GET /api/places): shown once, kept as a hash. */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    departement: text('departement').notNull(),
    label: text('label').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: integer('created_at').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash), index('api_tokens_departement').on(t.departement)],
);

/** Failed sign-ins, counted per account and per address to slow password guessing. */
export const loginFailures = sqliteTable(
  'login_failures',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull(),
    ip: text('ip').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [index('login_failures_email').on(t.email, t.at), index('login_failures_ip').on(t.ip, t.at)],
);
