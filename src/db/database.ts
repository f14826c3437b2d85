// The database handle the repositories use: one drizzle API over better-sqlite3 (Node) or D1 (Workers),
// plus the one thing the two drivers do differently, running several statements atomically.
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.js';

export type AppDatabase = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

/** A lazily-built drizzle query (insert/update/delete ... returning) that the atomic runner executes. */
export type Statement = { toSQL(): { sql: string } };

export interface DatabaseHandle {
  db: AppDatabase;
  /**
   * Runs statements in order, all or nothing, and returns each one's returned rows.
   * Node: a better-sqlite3 transaction. D1: a batch (D1 has no interactive transactions).
   */
  atomic(statements: Statement[]): Promise<unknown[][]>;
}
