// The database handle the repositories use: one drizzle API over better-sqlite3 (Node) or D1 (Workers),
// plus the one thing the two drivers do differently, running several statements atomically.
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.js';

export type AppDatabase = BaseSQLiteDatabase<'sync' | 'async', unknown, typeof schema>;

/** One SQL statement with its bound values: what both drivers can run, prepare once and batch. */
export interface Statement {
  sql: string;
  params: unknown[];
}

/** A drizzle-built query, turned into a plain statement for the atomic runner. */
export function statementOf(query: { toSQL(): { sql: string; params: unknown[] } }): Statement {
  const { sql, params } = query.toSQL();
  return { sql, params };
}

export interface DatabaseHandle {
  db: AppDatabase;
  /**
   * Runs statements in order, all or nothing, and returns each one's returned rows.
   * Node: a better-sqlite3 transaction over cached prepared statements. D1: a batch (it has no interactive
   * transactions).
   */
  atomic(statements: Statement[]): Promise<unknown[][]>;
}
