// The model's daily budget on both drivers: better-sqlite3 (Node) and D1 (wrangler's local D1, through
// getPlatformProxy), with the migrations applied. Counted per department and Paris day, never past the budget, even
// when requests arrive together.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPlatformProxy } from 'wrangler';
import type { D1Database } from '@cloudflare/workers-types/index.ts';
import { createModelBudget } from '../../src/db/model-budget.js';
import type { DatabaseHandle } from '../../src/db/database.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { openD1Database } from '../../src/runtime/worker/d1.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'relais-budget-'));
const migrations = readdirSync(join(root, 'src/db/migrations'))
  .filter((f) => f.endsWith('.sql'))
  .sort()
  .flatMap((f) => readFileSync(join(root, 'src/db/migrations', f), 'utf8').split('--> statement-breakpoint'))
  .map((s) => s.trim())
  .filter(Boolean);

let proxy: Awaited<ReturnType<typeof getPlatformProxy>> | undefined;
const drivers: [string, () => Promise<DatabaseHandle>][] = [
  ['better-sqlite3', async () => openSqliteDatabase(join(dir, 'relais.sqlite'))],
  [
    'D1',
    async () => {
      proxy = await getPlatformProxy({ persist: { path: join(dir, 'd1') } });
      const d1 = (proxy.env as { DB: D1Database }).DB;
      for (const sql of migrations) await d1.prepare(sql).run();
      return openD1Database(d1);
    },
  ],
];
afterAll(async () => {
  await proxy?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const NOON = Date.UTC(2026, 10, 24, 11, 0);

describe.each(drivers)('the model budget on %s', (_name, open) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await open();
  }, 60_000);

  it('allows the budget per department and day, no more, even when asked together', async () => {
    const budget = createModelBudget(database, 3);
    const together = await Promise.all(Array.from({ length: 5 }, () => budget.take('48', NOON)));
    expect(together.filter(Boolean)).toHaveLength(3);
    expect(await budget.take('48', NOON)).toBe(false);
    expect(await budget.used('48', NOON)).toBe(3);
    // Another department has its own; the next Paris day starts afresh (23:30 UTC is already tomorrow in Paris).
    expect(await budget.take('74', NOON)).toBe(true);
    expect(await budget.take('48', Date.UTC(2026, 10, 24, 23, 30))).toBe(true);
  });

  it('tells whether a request is left without counting one (the phone holds its turn only then)', async () => {
    const budget = createModelBudget(database, 2);
    expect(await budget.hasLeft('2B', NOON)).toBe(true);
    expect(await budget.hasLeft('2B', NOON)).toBe(true);
    expect(await budget.used('2B', NOON)).toBe(0);
    await budget.take('2B', NOON);
    expect(await budget.hasLeft('2B', NOON)).toBe(true);
    await budget.take('2B', NOON);
    expect(await budget.hasLeft('2B', NOON)).toBe(false);
    expect(await createModelBudget(database, 0).hasLeft('2A', NOON)).toBe(false);
  });

  it('never asks with a budget of zero', async () => {
    expect(await createModelBudget(database, 0).take('2A', NOON)).toBe(false);
    expect(await createModelBudget(database, 3).used('2A', NOON)).toBe(0);
  });
});
