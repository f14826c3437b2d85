// `npm run activity:backfill` on a database whose conversations predate the activity facts: the facts are rebuilt
// from the message log, the signals, the callback requests; running it again changes nothing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { parseDepartments } from '../../src/directory/departments.js';
import { postTwilio } from '../support/post.js';
import { newSid, startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, WebClient } from '../support/workspace.js';
import { tableRows } from './support.js';

const GUYANE_SMS = '+33939000973';
const PERIOD = 'du=2026-11-01&au=2026-11-30';
const root = new URL('../../', import.meta.url).pathname;

let relais: TestRelais;
let admin: WebClient;

/** Run as a separate process (the server keeps serving meanwhile: no spawnSync blocking its event loop). */
const backfill = async () => {
  const run = await promisify(execFile)(join('node_modules', '.bin', 'tsx'), ['scripts/activity-backfill.ts'], { cwd: root, env: { ...process.env, DATABASE_PATH: relais.databasePath } });
  return run.stdout;
};

const figures = async () => {
  const html = (await admin.get(`/espace/activite?${PERIOD}`)).html;
  return ['Conversations par canal', 'Ce que les personnes ont obtenu', 'Besoins exprimés'].map((c) => tableRows(html, c));
};

beforeAll(async () => {
  relais = await startTestRelais({
    sessionSecret: 'test-session-secret-0123456789abcdef-0123456789',
    departments: parseDepartments([{ code: '973', name: 'Guyane', platformPhone: '05 94 00 00 00', smsNumber: GUYANE_SMS }]),
  });
  let n = 0;
  const send = (from: string, body: string) => postTwilio(relais.url, '/twilio/sms', { MessageSid: newSid(), From: from, To: GUYANE_SMS, Body: body, NumMedia: '0' });
  for (const [messages, times] of [[['Bonjour', '1', '97370'], 6], [['Bonjour', '1', '97300'], 5], [['AIDE'], 5]] as const) {
    for (let i = 0; i < times; i++) {
      const from = `+3361100${String(n++).padStart(4, '0')}`;
      for (const body of messages) await send(from, body);
    }
  }
  await createUser(relais.databasePath, { email: 'admin@guyane.fr', departement: '973', role: 'admin' });
  admin = new WebClient(relais.url);
  await admin.signIn('admin@guyane.fr');
}, 120_000);

afterAll(async () => {
  await relais?.stop();
});

describe('npm run activity:backfill', () => {
  it('rebuilds the facts of conversations held before they were recorded, once', async () => {
    const live = await figures();
    expect(live[0]).toEqual({ SMS: '16' });
    // As before the upgrade: no fact at all.
    const db = new Database(relais.databasePath);
    db.exec('delete from activity_facts; delete from activity_daily;');
    db.close();
    expect((await figures())[0]).toBeUndefined();

    expect(await backfill()).toMatch(/facts rebuilt/);
    const rebuilt = await figures();
    expect(rebuilt[0]).toEqual({ SMS: '16' });
    // From the log: conversations, white zones (from the signals), callbacks requested; the places given are not in it.
    expect(rebuilt[1]).toEqual({ 'Zone blanche (rien à portée)': '6', 'Rappel demandé': '5' });
    expect(rebuilt[2]).toEqual({ 'Un lieu d’aide près de chez soi': '6' });
    const segments = relais.query<{ daily: number; log: number }>(
      "select (select sum(total) from activity_daily where kind = 7) as daily, (select sum(segments) from messages where direction = 'out') as log",
    )[0]!;
    expect(segments.daily).toBe(segments.log);
    const communes = relais.query<{ commune: string }>("select distinct commune from activity_facts where code = 'white-zone'");
    expect(communes).toEqual([{ commune: '97353' }]);

    await backfill();
    expect(await figures()).toEqual(rebuilt);
  });
});
