// SUPPRIMER blanks a number out of the data of the contacts recorded writing it. These check the reading of numbers
// in free text, a platform's hand-off about someone else, and a database written before mentions were recorded
// (migration 0014 marks the contacts that wrote digits, so their old rows are still reached).
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createCallRepository } from '../../src/db/call-repository.js';
import { mentionedNumbers } from '../../src/db/number-mentions.js';
import { ERASED_NUMBER, erasureStatements } from '../../src/db/privacy-statements.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { migrationsBefore } from '../support/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-mentions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RELATIVE = '+33612349876';
const CAREGIVER = '+33698765432';
const WON = 'exists (select 1 from conversations where id = ? and last_turn_id = ?)';

describe('numbers read in free text', () => {
  it.each([
    ['06 12 34 98 76', 'paired with spaces'],
    ['appelez le 06.12.34.98.76 svp', 'with dots'],
    ['06-12-34-98-76', 'with dashes'],
    ['0612349876', 'run together'],
    ['+33 6 12 34 98 76', 'international, spaced'],
    ['+33612349876', 'E.164'],
    ['0033612349876', 'with 00'],
    ['33612349876', 'bare country code'],
    ['c’est le 06 12 34 98 76 74000 Annecy', 'inside a longer run of digits'],
  ])('finds %s (%s)', (text) => {
    expect(mentionedNumbers(text)).toContain(RELATIVE);
  });

  it('finds nothing in words, a postal code or a short code', () => {
    for (const text of ['Bonjour', '74000', 'mon code est 1234', '1', 'le 12 mars à 10 h']) expect(mentionedNumbers(text)).toEqual([]);
  });

  it('reads a foreign number written whole', () => {
    expect(mentionedNumbers('mon fils: +44 7911 123456')).toContain('+447911123456');
  });
});

/** SUPPRIMER from the relative, guarded by their own conversation (written by `relativeConversation`). */
function erase(handle: ReturnType<typeof openSqliteDatabase>) {
  return handle.atomic(erasureStatements(RELATIVE, 'SM-erase', [], WON, [`sms:${RELATIVE}`, 'SM-r1']));
}
const relativeConversation = (at: number) => ({
  sql: "insert into conversations (id, contact_address, channel, flow_id, flow_hash, snapshot, version, last_turn_id, updated_at) values (?, ?, 'sms', 'accueil', 'h', '{}', 1, 'SM-r1', ?)",
  params: [`sms:${RELATIVE}`, RELATIVE, at],
});

describe('SUPPRIMER of a number someone else wrote', () => {
  it('blanks it out of a platform hand-off about another caller, and forgets who wrote it', async () => {
    const handle = openSqliteDatabase(join(dir, 'handoff.sqlite'));
    try {
      const at = Date.UTC(2026, 10, 20);
      await handle.atomic([relativeConversation(at)]);
      await createCallRepository(handle).registerHandoff({
        id: 'h1',
        caller: CAREGIVER,
        context: { note: 'Sa mère, 06 12 34 98 76, ne sait pas lire les SMS' } as never,
        at,
        expiresAt: at + 600_000,
      });
      await erase(handle);
      const [rows] = await handle.atomic([
        { sql: 'select context from handoffs', params: [] },
      ]);
      expect(JSON.stringify(rows)).not.toContain('12 34 98 76');
      expect(JSON.stringify(rows)).toContain(ERASED_NUMBER);
      const [mentions] = await handle.atomic([{ sql: 'select * from number_mentions', params: [] }]);
      expect(mentions).toEqual([]);
    } finally {
      handle.close();
    }
  });

  it('reaches the rows a caregiver wrote before mentions were recorded', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore(14, dir) });
    const at = Date.UTC(2026, 10, 1);
    const log = old.prepare("insert into messages (conversation_id, contact_address, channel, direction, body, provider_id, created_at) values (?, ?, 'sms', 'in', ?, ?, ?)");
    log.run(`sms:${CAREGIVER}`, CAREGIVER, 'Le numéro de ma mère : 06 12 34 98 76', 'SM-c1', at);
    log.run('sms:+33611111111', '+33611111111', 'Bonjour, 74000', 'SM-o1', at);
    old.prepare("insert into conversations (id, contact_address, channel, flow_id, flow_hash, snapshot, version, last_turn_id, updated_at) values (?, ?, 'sms', 'accueil', 'h', ?, 1, 'SM-c1', ?)")
      .run(`sms:${CAREGIVER}`, CAREGIVER, JSON.stringify({ vars: { relativePhone: '06 12 34 98 76' } }), at);
    old.close();

    const handle = openSqliteDatabase(path); // 0014 applied: the caregiver, who wrote digits, is marked
    try {
      const [marked] = await handle.atomic([{ sql: 'select address, contact_address from number_mentions', params: [] }]);
      expect(marked).toEqual([{ address: '*', contact_address: CAREGIVER }]);
      await handle.atomic([relativeConversation(at)]);
      await erase(handle);
      const [texts] = await handle.atomic([
        { sql: 'select body as t from messages union all select snapshot from conversations where contact_address = ?', params: [CAREGIVER] },
      ]);
      expect(JSON.stringify(texts)).not.toContain('12 34 98 76');
      expect(JSON.stringify(texts).split(ERASED_NUMBER)).toHaveLength(3);
    } finally {
      handle.close();
    }
  });
});
