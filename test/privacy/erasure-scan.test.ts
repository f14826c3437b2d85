// After SUPPRIMER, nothing of that person remains in any table: the whole database is scanned, every table and
// column, for the number's digits and for the words the person wrote; the log lines the service wrote are scanned too.
// The person used every channel, asked for a callback, was registered by a platform's hand-off, was geocoded online,
// and was named as the relative of a caregiver who gave their mobile; they said STOP first.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/directory/departments.js';
import type { Logger } from '../../src/conversation/ports.js';
import { metaPayload, postMeta } from '../support/meta.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { metaText, twilioWhatsApp, VoiceSession } from '../support/post.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';

const APP_SECRET = 'scan-app-secret';
const TOKEN = 'handoff-token-for-the-scan-0001';
const PERSON = '+33612349876';
const CAREGIVER = '+33611119999';
/** What identifies the person: the digits of their number (however written) and their own words. */
const NEEDLES = ['612349876', '12 34 98 76', '12.34.98.76', 'Germaine', 'Zorglub', 'Quimperlé-sur-Zorg', 'quimperle sur zorg', 'ma voisine Odette'];

const logLines: string[] = [];
const capture: Logger = {
  info: (event, fields) => void logLines.push(JSON.stringify({ event, ...fields })),
  warn: (event, fields) => void logLines.push(JSON.stringify({ event, ...fields })),
  error: (event, fields) => void logLines.push(JSON.stringify({ event, ...fields })),
};
let relais: TestRelais;
let graph: FakeGraph;
let rest: FakeTwilioRest;
let geo: Server;
let wamid = 0;

beforeAll(async () => {
  graph = await startFakeGraph();
  rest = await startFakeTwilioRest();
  geo = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    res.setHeader('Content-Type', 'application/json');
    if (url.searchParams.get('nom')?.toLowerCase().includes('zorg')) {
      return void res.end(JSON.stringify([{ nom: 'Annecy', code: '74010', codesPostaux: ['74000'], population: 130000, codeDepartement: '74', centre: { type: 'Point', coordinates: [6.1294, 45.8992] } }]));
    }
    res.end('[]');
  });
  await new Promise<void>((r) => geo.listen(0, '127.0.0.1', r));
  relais = await startTestRelais({
    logger: capture,
    geoApiBaseUrl: `http://127.0.0.1:${(geo.address() as AddressInfo).port}`,
    handoffApiToken: TOKEN,
    meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: graph.baseUrl },
    twilioApi: rest.twilioApi,
    departments: parseDepartments([{ code: '74', name: 'Haute-Savoie (test)', platformPhone: '04 50 00 00 00', voiceNumber: '+33450990074' }]),
  });
});
afterAll(async () => {
  await relais.stop();
  await graph.close();
  await rest.close();
  await new Promise((r) => geo.close(r));
});

/** Every (table, column, needle) where a needle is found, case-insensitively, in the whole database. */
function scan(needles: string[]): string[] {
  const found: string[] = [];
  for (const { name } of relais.query<{ name: string }>("select name from sqlite_master where type = 'table'")) {
    for (const { name: column } of relais.query<{ name: string }>(`select name from pragma_table_info('${name}')`)) {
      for (const needle of needles) {
        const [{ n }] = relais.query<{ n: number }>(`select count(*) as n from "${name}" where lower(cast("${column}" as text)) like ?`, `%${needle.toLowerCase()}%`) as [{ n: number }];
        if (n > 0) found.push(`${name}.${column} holds "${needle}" (${n})`);
      }
    }
  }
  return found;
}

const metaMessage = (from: string, message: Record<string, unknown>) =>
  postMeta(relais.url, APP_SECRET, metaPayload(from.slice(1), { id: `wamid.scan${wamid++}`, ...message }));

describe('SUPPRIMER leaves nothing behind', () => {
  it('erases the number and the words of the person from every table and every log line, and keeps the anonymous counters', async () => {
    // By SMS: free text naming people, a commune only the online geocoder knows, a callback request.
    await relais.sms(PERSON, "Bonjour, je m'appelle Germaine Zorglub");
    await relais.sms(PERSON, '1');
    await relais.sms(PERSON, 'Quimperlé-sur-Zorg');
    await relais.sms(PERSON, 'AIDE');
    // On WhatsApp, both ways.
    await twilioWhatsApp(relais.url, PERSON, 'Bonjour, je cherche pour ma voisine Odette');
    await metaText(relais.url, APP_SECRET, PERSON, 'Bonjour Germaine Zorglub ici');
    // A platform registers a hand-off naming her, then she calls.
    const handoff = await fetch(`${relais.url}/api/handoffs`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ caller: '06 12 34 98 76', commune: 'Annecy', need: 'lieu', note: 'Mme Germaine Zorglub, malentendante' }),
    });
    expect(handoff.status).toBe(201);
    const call = new VoiceSession(relais.url, PERSON, '+33450990074');
    await call.start();
    await call.say('un conseiller');
    // A caregiver gives her mobile as their relative's, and an SMS is sent to her with consent.
    const pick = (id: string) => metaMessage(CAREGIVER, { type: 'interactive', interactive: { type: 'list_reply', list_reply: { id, title: id } } });
    await metaMessage(CAREGIVER, { type: 'text', text: { body: "Bonjour, c'est pour ma mère qui habite au 74000" } });
    await pick('procedure');
    await pick('ok');
    await pick('yes');
    await metaMessage(CAREGIVER, { type: 'text', text: { body: '06 12 34 98 76' } });
    expect(rest.sent.map((s) => s.to)).toContain(PERSON);

    const before = scan(NEEDLES);
    expect(before.length).toBeGreaterThan(8); // the scan finds what is there
    expect(before.join('\n')).toMatch(/geocode_cache/);
    const signalsBefore = relais.query<{ n: number }>('select count(*) as n from signals')[0]!.n;

    // She says STOP, then SUPPRIMER on another channel.
    await relais.sms(PERSON, 'STOP');
    const erased = await twilioWhatsApp(relais.url, PERSON, 'SUPPRIMER');
    expect(erased.messages.join()).toContain('effacées');

    // The opt-out list alone keeps the number: the law requires STOP to be honoured after an erasure.
    expect(scan(NEEDLES)).toEqual(['opt_outs.address holds "612349876" (1)']);
    expect(logLines.filter((line) => NEEDLES.some((needle) => line.toLowerCase().includes(needle.toLowerCase())))).toEqual([]);
    // What stays: the opt-out the law requires, the anonymous counters, and the caregiver's own conversation.
    expect(relais.query('select * from opt_outs where address = ?', PERSON)).toHaveLength(1);
    expect(relais.query<{ n: number }>('select count(*) as n from signals')[0]!.n).toBe(signalsBefore);
    expect(relais.query('select * from conversations where contact_address = ?', CAREGIVER)).toHaveLength(1);
    expect(relais.query<{ body: string }>("select body from messages where contact_address = ? and body like '%effacé%'", CAREGIVER).length).toBeGreaterThan(0);
    // The caregiver's conversation goes on from its redacted snapshot.
    const before2 = graph.sent.length;
    expect((await metaMessage(CAREGIVER, { type: 'text', text: { body: 'menu' } })).status).toBe(200);
    expect(graph.sent.length).toBeGreaterThan(before2);
    expect(scan(NEEDLES)).toEqual(['opt_outs.address holds "612349876" (1)']);
  });
});
