// Opens the embedded SQLite file for Node: WAL for concurrent readers, drizzle-kit migrations applied at open.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { projectPath } from './project-files.js';
import type { AppDatabase, DatabaseHandle, Statement } from '../../db/database.js';
import * as schema from '../../db/schema.js';

export const MIGRATIONS_FOLDER = projectPath('src', 'db', 'migrations');

/**
 * Runs drizzle-built statements through a cache of better-sqlite3 prepared statements keyed by their SQL: a turn's
 * statements have the same few shapes every time, and preparing them anew cost more than running them.
 */
function statementRunner(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  return ({ sql, params }: Statement): unknown[] => {
    let prepared = cache.get(sql);
    if (!prepared) {
      if (cache.size >= 256) cache.clear();
      prepared = sqlite.prepare(sql);
      cache.set(sql, prepared);
    }
    if (prepared.reader) return prepared.all(...params);
    prepared.run(...params);
    return [];
  };
}

export function openSqliteDatabase(path: string): DatabaseHandle & { close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const run = statementRunner(sqlite);
  // better-sqlite3 runs synchronously, so a native transaction around the statements is atomic and isolated.
  const inTransaction = sqlite.transaction((statements: Statement[]) => statements.map(run));
  return {
    db: db as unknown as AppDatabase,
    atomic: async (statements) => inTransaction(statements),
    close: () => sqlite.close(),
  };
}
