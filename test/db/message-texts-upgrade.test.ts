// A database written before outgoing texts were stored once (migration 0013): its rows are not moved, and every
// reader still gets them; its outgoing rows stop naming their delivery, so one unique index holds them all (0015). Made at the previous schema (the migrations before 0013), filled as the previous code wrote
// an SMS turn (bodies inline, the delivery id on every row, a processed row holding the marker), then opened (0013
// applied) and read through the store, next to a turn written the new way.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createConversationStore } from '../../src/db/conversation-store.js';
import { erasureStatements, purgeStatements } from '../../src/db/privacy-statements.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { migrationsBefore } from '../support/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD = '+33612340001';
const WELCOME = 'Bonjour, ici Relais.';
const MENU = 'Que souhaitez-vous ?\n1 - Un lieu';
const replyOf = (texts: string[]) => JSON.stringify({ replies: texts.map((text) => ({ text })) });

describe('a database from before the stored texts', () => {
  it('reads its old rows after the upgrade: redelivery, « répéter », erasure and purge', async () => {
    const path = join(dir, 'old.sqlite');
    const old = new Database(path);
    migrate(drizzle(old), { migrationsFolder: migrationsBefore(13, dir) });
    expect(old.prepare("select name from sqlite_master where name = 'message_texts'").all()).toEqual([]);
    const at = Date.UTC(2026, 10, 1);
    old.prepare('insert into contacts (address, created_at, last_seen_at) values (?, ?, ?)').run(OLD, at, at);
    old.prepare("insert into conversations (id, contact_address, channel, flow_id, flow_hash, snapshot, version, last_turn_id, updated_at) values (?, ?, 'sms', 'accueil', 'h', '{}', 1, 'SM-old-1', ?)").run(`sms:${OLD}`, OLD, at);
    old.prepare("insert into processed_webhooks (provider_id, contact_address, reply, created_at) values ('SM-old-1', ?, 'log', ?)").run(OLD, at);
    const log = old.prepare("insert into messages (conversation_id, contact_address, channel, direction, body, segments, provider_id, created_at) values (?, ?, 'sms', ?, ?, ?, 'SM-old-1', ?)");
    log.run(`sms:${OLD}`, OLD, 'in', 'Bonjour', null, at);
    log.run(`sms:${OLD}`, OLD, 'out', WELCOME, 1, at);
    log.run(`sms:${OLD}`, OLD, 'out', MENU, 0, at);
    old.close();

    const handle = openSqliteDatabase(path);
    try {
      const store = createConversationStore(handle);
      // Migration 0015: one unique index by contact and delivery, which only the inbound row names now.
      const [indexes, named] = await handle.atomic([
        { sql: "select name from sqlite_master where type = 'index' and tbl_name = 'messages' and sql is not null order by name", params: [] },
        { sql: 'select direction, provider_id from messages order by id', params: [] },
      ]);
      expect(indexes).toEqual([{ name: 'messages_contact_delivery' }, { name: 'messages_created' }, { name: 'messages_text' }]);
      expect(named).toEqual([{ direction: 'in', provider_id: 'SM-old-1' }, { direction: 'out', provider_id: null }, { direction: 'out', provider_id: null }]);
      expect(await store.findReply('SM-old-1', OLD)).toBe(replyOf([WELCOME, MENU]));
      expect(await store.lastReply(`sms:${OLD}`)).toBe(replyOf([WELCOME, MENU]));

      // A second person's turn, written the new way, shares the menu's text with nobody's old row.
      const NEW = '+33612340002';
      const committed = await store.commitTurn({
        conversationId: `sms:${NEW}`, channel: 'sms', address: NEW, providerId: 'SM-new-1', expectedVersion: 0,
        snapshot: { flowId: 'accueil', flowHash: 'h', stepId: 'menu', stepHash: 's', status: 'active', vars: {}, attempts: 0, asked: null, optedOut: false, lastActivityAt: at, turn: 1 },
        reply: replyOf([WELCOME, MENU]),
        log: [{ direction: 'in', body: 'Salut' }, { direction: 'out', body: WELCOME, segments: 1 }, { direction: 'out', body: MENU, segments: 0 }],
        callbacks: [], signals: [], activity: [], at,
      });
      expect(committed).toBe('committed');
      // The same delivery again: the unique index refuses its inbound row, and the whole turn rolls back.
      const again = await store.commitTurn({
        conversationId: `sms:${OLD}`, channel: 'sms', address: OLD, providerId: 'SM-old-1', expectedVersion: 1,
        snapshot: { flowId: 'accueil', flowHash: 'h', stepId: 'menu', stepHash: 's', status: 'active', vars: {}, attempts: 0, asked: null, optedOut: false, lastActivityAt: at, turn: 2 },
        reply: replyOf([MENU]), log: [{ direction: 'in', body: 'Bonjour' }, { direction: 'out', body: MENU, segments: 0 }],
        callbacks: [], signals: [], activity: [], at,
      });
      expect(again).toBe('duplicate');
      expect(await store.findReply('SM-new-1', NEW)).toBe(replyOf([WELCOME, MENU]));
      expect(await store.findReply('SM-old-1', OLD)).toBe(replyOf([WELCOME, MENU]));

      // The old person erased: their inline rows go, the texts the new person uses stay.
      const won = 'exists (select 1 from conversations where id = ? and last_turn_id = ?)';
      await handle.atomic(erasureStatements(OLD, 'SM-erase', [], won, [`sms:${OLD}`, 'SM-old-1']));
      const [left] = await handle.atomic([{ sql: 'select count(*) as n from messages where contact_address = ?', params: [OLD] }]);
      expect(left).toEqual([{ n: 0 }]);
      expect(await store.findReply('SM-new-1', NEW)).toBe(replyOf([WELCOME, MENU]));

      // Everything past the retention: no message, so no text is left.
      await handle.atomic(purgeStatements(at + 1, at + 1));
      const [texts] = await handle.atomic([{ sql: 'select body from message_texts', params: [] }]);
      expect(texts).toEqual([]);
    } finally {
      handle.close();
    }
  });
});
