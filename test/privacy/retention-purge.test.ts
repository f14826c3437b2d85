// The retention the welcome promises, with an injected clock: the purge reaches every table by the age of each row,
// not through the contact list, so rows whose contact is already gone (an erasure's kept reply) are reached too.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/directory/departments.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { metaText, twilioWhatsApp, VoiceSession } from '../support/post.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';

const APP_SECRET = 'purge-app-secret';
const TOKEN = 'handoff-token-for-the-purge-01';
/** Tables that hold nothing personal: reference data, anonymous counters, the opt-out list the law requires. */
// The workspace's own tables (department settings, staff accounts, their sessions and tokens) hold no one Relais helps.
const NOT_PERSONAL = new Set(['places', 'workshop_sessions', 'signals', 'opt_outs', '__drizzle_migrations', 'sqlite_sequence', 'd1_migrations',
  'departments', 'users', 'web_sessions', 'invitations', 'api_tokens', 'login_failures',
  // The activity figures: codes only, no number and no words (checked in test/activity/scenario.test.ts), kept.
  'activity_facts', 'activity_daily']);
const clock = new ManualClock();
let relais: TestRelais;
let graph: FakeGraph;
let geo: Server;

beforeAll(async () => {
  graph = await startFakeGraph();
  geo = createServer((_req, res) => {
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify([{ nom: 'Annecy', code: '74010', codesPostaux: ['74000'], population: 130000, codeDepartement: '74', centre: { type: 'Point', coordinates: [6.1294, 45.8992] } }]));
  });
  await new Promise<void>((r) => geo.listen(0, '127.0.0.1', r));
  relais = await startTestRelais({
    clock,
    geoApiBaseUrl: `http://127.0.0.1:${(geo.address() as AddressInfo).port}`,
    handoffApiToken: TOKEN,
    meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: graph.baseUrl },
    departments: parseDepartments([{ code: '74', name: 'Haute-Savoie (test)', platformPhone: '04 50 00 00 00', voiceNumber: '+33450990074' }]),
  });
});
afterAll(async () => {
  await relais.stop();
  await graph.close();
  await new Promise((r) => geo.close(r));
});

const personalTables = () =>
  relais.query<{ name: string }>("select name from sqlite_master where type = 'table'").map((t) => t.name).filter((name) => !NOT_PERSONAL.has(name));
const rowsIn = (table: string) => relais.query<{ n: number }>(`select count(*) as n from "${table}"`)[0]!.n;
const DAY = 24;

describe('retention purge', () => {
  it('deletes every personal row older than 183 days in every table, processed deliveries after the redelivery window but the last of each conversation, and nothing recent', async () => {
    const old = '+33680000001';
    await relais.sms(old, 'Bonjour');
    await relais.sms(old, '1');
    await relais.sms(old, 'Quimperlé-du-Test'); // the online geocoder's cache
    await relais.sms(old, 'AIDE');
    await twilioWhatsApp(relais.url, old, 'Bonjour');
    graph.failNext(10);
    await metaText(relais.url, APP_SECRET, old, 'Bonjour'); // its reply waits in the outbox: Meta's API is down
    await fetch(`${relais.url}/api/handoffs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ caller: old, commune: 'Annecy', need: 'lieu' }),
    });
    await fetch(`${relais.url}/api/handoffs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ caller: '+33680000009', commune: 'Annecy', need: 'lieu' }), // never used
    });
    const call = new VoiceSession(relais.url, old, '+33450990074');
    await call.start();
    // Someone else erases themselves: their kept reply no longer names them, so no contact list reaches it.
    const erased = '+33680000002';
    await relais.sms(erased, 'Bonjour');
    await relais.sms(erased, 'SUPPRIMER');
    const erasedRows = () => relais.query("select * from processed_webhooks where contact_address = 'erased'").length;
    expect(erasedRows()).toBe(1);

    const filled = personalTables().filter((t) => rowsIn(t) > 0);
    for (const table of ['messages', 'message_texts', 'conversations', 'contacts', 'processed_webhooks', 'callback_requests', 'calls', 'handoffs', 'geocode_cache', 'outbox']) {
      expect(filled, `${table} has rows before the purge`).toContain(table);
    }

    // Processed rows that are not a conversation's last delivery (an SMS turn's delivery is recorded by its logged message).
    const notLast = () =>
      relais.query('select provider_id from processed_webhooks w where contact_address = ? and not exists (select 1 from conversations c where c.last_turn_id = w.provider_id and c.contact_address = w.contact_address)', old).length;
    const recorded = "(select 1 from processed_webhooks w where w.provider_id = c.last_turn_id and w.contact_address = c.contact_address union all select 1 from messages m where m.provider_id = c.last_turn_id and m.contact_address = c.contact_address and m.direction = 'in')";
    const lastTurns = () => relais.query(`select c.id from conversations c where c.contact_address = ? and exists ${recorded}`, old).length;
    const conversationsOf = relais.query('select id from conversations where contact_address = ?', old).length;
    expect(notLast()).toBeGreaterThan(0);
    expect(lastTurns()).toBe(conversationsOf);

    clock.advanceHours(8 * DAY); // past the redelivery window, well within the retention
    await relais.purge();
    expect(erasedRows()).toBe(0);
    expect(rowsIn('messages')).toBeGreaterThan(0);
    // Past the redelivery window, only each conversation's last delivery is kept (« répéter » reads it).
    expect(notLast()).toBe(0);
    expect(lastTurns()).toBe(conversationsOf);

    clock.advanceHours(176 * DAY); // 184 days after the first messages
    const recent = '+33680000003';
    await relais.sms(recent, 'Bonjour');
    await relais.purge();
    for (const table of personalTables()) {
      const left = relais.query<Record<string, unknown>>(`select * from "${table}"`);
      // A text stored once belongs to whoever's messages use it: only the recent person's may be left.
      const recentTexts = new Set(relais.query<{ text_id: number }>('select text_id from messages where contact_address = ? and text_id is not null', recent).map((m) => m.text_id));
      const isRecent = (row: Record<string, unknown>) => (table === 'message_texts' ? recentTexts.has(row.id as number) : JSON.stringify(row).includes(recent.slice(1)));
      const others = left.filter((row) => !isRecent(row));
      expect(others, `${table} after the purge`).toEqual([]);
    }
    expect(relais.query('select * from conversations where contact_address = ?', recent)).toHaveLength(1);
    expect(rowsIn('message_texts')).toBeGreaterThan(0);
    expect(relais.query('select * from opt_outs')).toHaveLength(0);
  });

  it('keeps a contact while one of its conversations is kept, though only its first turn wrote it', async () => {
    const returning = '+33680000004';
    await relais.sms(returning, 'Bonjour');
    const written = relais.query<{ last_seen_at: number }>('select last_seen_at from contacts where address = ?', returning);
    expect(written).toHaveLength(1);
    clock.advanceHours(180 * DAY);
    await relais.sms(returning, 'Bonjour'); // the same conversation goes on: no contact write
    expect(relais.query('select last_seen_at from contacts where address = ?', returning)).toEqual(written);

    clock.advanceHours(10 * DAY); // the contact row is 190 days old, its conversation 10
    await relais.purge();
    expect(relais.query('select address from contacts where address = ?', returning)).toHaveLength(1);

    clock.advanceHours(180 * DAY); // now the conversation too is past the retention
    await relais.purge();
    expect(relais.query('select * from conversations where contact_address = ?', returning)).toHaveLength(0);
    expect(relais.query('select address from contacts where address = ?', returning)).toHaveLength(0);
  });
});
