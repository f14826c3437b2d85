// The write path's guarantees with real processes: group commit keeps each turn's unit separate, two servers on one
// SQLite file never lose or double a turn, and a server killed with SIGKILL under load loses no reply it gave.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { buildTestBundle, startBundleProcess } from '../support/bundle-process.js';
import { newSid, postSms } from '../support/relais.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-durability-'));
let bundle: Awaited<ReturnType<typeof buildTestBundle>>;

beforeAll(async () => {
  bundle = await buildTestBundle();
});
afterAll(() => {
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('group commit', () => {
  it('writes the units of one tick together, and a failing unit rolls back alone', async () => {
    const database = openSqliteDatabase(join(dir, 'group.sqlite'));
    const insert = (address: string) => ({ sql: 'insert into contacts (address, created_at, last_seen_at) values (?, 1, 1)', params: [address] });
    await database.atomic([insert('+33600000001')]);
    const outcomes = await Promise.allSettled([
      database.atomic([insert('+33600000002'), insert('+33600000003')]),
      database.atomic([insert('+33600000004'), insert('+33600000001')]), // the second insert fails: the whole unit goes
      database.atomic([insert('+33600000005')]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const rows = (await database.atomic([{ sql: 'select address from contacts order by address', params: [] }]))[0] as { address: string }[];
    expect(rows.map((r) => r.address)).toEqual(['+33600000001', '+33600000002', '+33600000003', '+33600000005']);
    database.close();
  });

  it('runs a unit that only reads without a savepoint, and one that writes through « returning » still in one', async () => {
    const database = openSqliteDatabase(join(dir, 'readers.sqlite'));
    const insert = (address: string) => ({ sql: 'insert into contacts (address, created_at, last_seen_at) values (?, 1, 1) returning address', params: [address] });
    const count = { sql: 'select count(*) as n from contacts', params: [] };
    await database.atomic([insert('+33600000001')]);
    const outcomes = await Promise.allSettled([
      database.atomic([count]),
      // Every statement of this unit returns rows, yet it writes: its first insert must be rolled back with it.
      database.atomic([insert('+33600000002'), insert('+33600000001')]),
      database.atomic([count, count]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(outcomes[0]).toMatchObject({ value: [[{ n: 1 }]] });
    expect(outcomes[2]).toMatchObject({ value: [[{ n: 1 }], [{ n: 1 }]] });
    const rows = (await database.atomic([{ sql: 'select address from contacts order by address', params: [] }]))[0] as { address: string }[];
    expect(rows.map((r) => r.address)).toEqual(['+33600000001']);
    database.close();
  });
});

describe('two server processes on one SQLite file', () => {
  it('take turns of the same conversations without losing or doubling one, and answer redeliveries the same', async () => {
    const databasePath = join(dir, 'shared.sqlite');
    const a = await startBundleProcess(bundle.file, { databasePath, cwd: dir });
    const b = await startBundleProcess(bundle.file, { databasePath, cwd: dir });
    try {
      const texts = ['Bonjour', '1', '74000', 'menu', '2'];
      const numbers = Array.from({ length: 12 }, (_, i) => `+336770000${String(i).padStart(2, '0')}`);
      await Promise.all(
        numbers.map(async (from) => {
          for (const [i, text] of texts.entries()) {
            const sid = newSid();
            // Each message reaches one server, and Twilio's redelivery reaches the other one at the same time.
            const [first, again] = await Promise.all([postSms((i % 2 ? a : b).url, from, text, { messageSid: sid }), postSms((i % 2 ? b : a).url, from, text, { messageSid: sid })]);
            expect(first.status).toBe(200);
            expect(again.body).toBe(first.body);
          }
        }),
      );
      const db = new Database(databasePath, { readonly: true });
      const versions = db.prepare("select version from conversations where id like 'sms:+33677%'").all() as { version: number }[];
      expect(versions).toHaveLength(numbers.length);
      expect(versions.every((v) => v.version === texts.length)).toBe(true);
      const inbound = db.prepare("select count(*) as n from messages where direction = 'in' and contact_address like '+33677%'").get() as { n: number };
      expect(inbound.n).toBe(numbers.length * texts.length);
      db.close();
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

describe('a server killed with SIGKILL under load', () => {
  it('has every reply it gave in the database after a restart, and the file passes its integrity check', async () => {
    const databasePath = join(dir, 'killed.sqlite');
    const server = await startBundleProcess(bundle.file, { databasePath, cwd: dir });
    const answered: { sid: string; from: string; text: string; body: string }[] = [];
    let stop = false;
    const client = async (index: number) => {
      const texts = ['Bonjour', '1', '74000'];
      for (let n = 0; !stop; n++) {
        const from = `+3368${String(index).padStart(2, '0')}${String(n).padStart(5, '0')}`;
        for (const text of texts) {
          if (stop) return;
          const sid = newSid();
          const reply = await postSms(server.url, from, text, { messageSid: sid }).catch(() => undefined);
          if (reply?.status === 200) answered.push({ sid, from, text, body: reply.body });
        }
      }
    };
    const load = Promise.all(Array.from({ length: 20 }, (_, i) => client(i)));
    await new Promise((r) => setTimeout(r, 1500));
    await server.stop('SIGKILL');
    stop = true;
    await load;
    expect(answered.length).toBeGreaterThan(20);

    const db = new Database(databasePath);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // A delivery is recorded by its processed row, or (an SMS turn) by its logged inbound message.
    const recorded = "select provider_id as id from processed_webhooks union select provider_id from messages where direction = 'in'";
    const stored = new Set((db.prepare(recorded).all() as { id: string }[]).map((r) => r.id));
    db.close();
    expect(answered.filter((a) => !stored.has(a.sid))).toEqual([]);

    // Started again on the same file, it answers a redelivery of a reply given before the kill word for word.
    const again = await startBundleProcess(bundle.file, { databasePath, cwd: dir });
    try {
      const sample = answered[Math.floor(answered.length / 2)]!;
      expect((await postSms(again.url, sample.from, sample.text, { messageSid: sample.sid })).body).toBe(sample.body);
    } finally {
      await again.stop();
    }
  });
});
