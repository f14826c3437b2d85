// The database handle on Cloudflare D1. D1 has no interactive transactions: a batch is its atomic unit.
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { drizzle } from 'drizzle-orm/d1';
import type { AppDatabase, DatabaseHandle } from '../../db/database.js';
import * as schema from '../../db/schema.js';

export function openD1Database(binding: D1Database): DatabaseHandle {
  const db = drizzle(binding as never, { schema });
  return {
    db: db as unknown as AppDatabase,
    atomic: async (statements) => {
      if (statements.length === 0) return [];
      const results = await binding.batch(statements.map((s) => binding.prepare(s.sql).bind(...s.params)));
      return results.map((r) => (r.results ?? []) as unknown[]);
    },
  };
}
