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
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      if (cache.size >= 256) cache.clear();
      statement = sqlite.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  return {
    run({ sql, params }: Statement): unknown[] {
      const statement = prepared(sql);
      if (statement.reader) return statement.all(...params);
      statement.run(...params);
      return [];
    },
    /** Whether a statement only reads (SQLite says so once it is prepared; `reader` is true of `… returning` too). */
    reads: ({ sql }: Statement) => prepared(sql).readonly,
  };
}

export function openSqliteDatabase(path: string): DatabaseHandle & { close(): void } {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Each turn of a group commit runs in a savepoint, whose undo journal SQLite otherwise writes to a temporary file
  // opened for every transaction: in memory it costs no system call (`pwrite` from it was 7 % of an SMS turn's
  // CPU samples).
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db: db as unknown as AppDatabase,
    atomic: groupCommitter(sqlite, statementRunner(sqlite)),
    close: () => sqlite.close(),
  };
}

interface PendingUnit {
  statements: Statement[];
  resolve(rows: unknown[][]): void;
  reject(error: unknown): void;
}

/**
 * Group commit: the atomic units asked for during one turn of the event loop are written in one transaction, each
 * inside its own savepoint (better-sqlite3 nests transactions that way; a unit that only reads needs none). A unit
 * that fails — a redelivery hitting the primary key — rolls back to its savepoint alone and rejects its caller; the
 * others commit together. Every caller is answered only after the commit that holds its unit, so a reply still
 * leaves only once its turn is durable. It pays because a commit's cost (WAL frames for every page touched, the
 * commit record) is shared by the group.
 * The group begins IMMEDIATE: a deferred transaction that reads first and writes later cannot wait for a second
 * process's writer (SQLite answers « database is locked » at once instead of retrying), so it takes the write lock
 * up front, where busy_timeout applies.
 */
function groupCommitter(sqlite: Database.Database, { run, reads }: ReturnType<typeof statementRunner>) {
  const unit = sqlite.transaction((statements: Statement[]) => statements.map(run));
  // A unit that only reads (the turn's opening read, a relay's number) has nothing to roll back: no savepoint.
  const runUnit = (statements: Statement[]) => (statements.every(reads) ? statements.map(run) : unit(statements));
  const group = sqlite.transaction((batch: PendingUnit[]) =>
    batch.map((p) => {
      try {
        return { ok: true as const, rows: runUnit(p.statements) };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );
  let pending: PendingUnit[] = [];
  const flush = () => {
    const batch = pending;
    pending = [];
    let outcomes: ReturnType<typeof group>;
    try {
      outcomes = group.immediate(batch);
    } catch (error) {
      for (const p of batch) p.reject(error); // the commit itself failed: nothing of the group was written
      return;
    }
    outcomes.forEach((o, i) => (o.ok ? batch[i]!.resolve(o.rows) : batch[i]!.reject(o.error)));
  };
  return (statements: Statement[]) =>
    new Promise<unknown[][]>((resolve, reject) => {
      if (pending.push({ statements, resolve, reject }) === 1) setImmediate(flush);
    });
}
