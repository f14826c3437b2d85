// Opens the embedded SQLite file for Node: WAL for concurrent readers, drizzle-kit migrations applied at open.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppDatabase, DatabaseHandle, Statement } from '../../db/database.js';
import * as schema from '../../db/schema.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../db/migrations', import.meta.url));

type SyncStatement = Statement & { all(): unknown[] };

export function openSqliteDatabase(path: string): DatabaseHandle & { close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as AppDatabase,
    // better-sqlite3 runs synchronously, so a native transaction around the statements is atomic and isolated.
    atomic: async (statements) => sqlite.transaction(() => statements.map((s) => (s as SyncStatement).all()))(),
    close: () => sqlite.close(),
  };
}
