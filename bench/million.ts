// A database holding many past conversations (a million by default): each a copy of a real three-turn SMS
// conversation (contact, conversation, processed deliveries if any, message log with its stored texts' keys), written in bulk by
// SQL; then SMS turns against it, p99 compared with the same run's empty database. Nothing on the hot path may scan.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelais } from '../src/runtime/node/server.js';
import { AUTH_TOKEN as TEST_TOKEN, postSms, PUBLIC_BASE_URL as TEST_BASE_URL } from '../test/support/relais.js';
import { AUTH_TOKEN, measure, PUBLIC_BASE_URL, type Summary } from './turns.js';

const silent = { info() {}, warn() {}, error() {} };
const TEMPLATE = '+33699999999';

/** Fills `path` with `count` past conversations, copies of one real conversation held by `TEMPLATE`. */
function fill(path: string, count: number) {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF'); // bulk set-up only: the measured service opens the file with its own settings
  const a = (i: string) => `'+3370' || printf('%07d', ${i})`;
  const numbers = `with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count}) `;
  const old = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    db.exec(`${numbers} insert into contacts (address, created_at, last_seen_at) select ${a('i')}, ${old} + i, ${old} + i from n`);
    db.exec(
      `${numbers} insert into conversations (id, contact_address, channel, flow_id, flow_hash, snapshot, version, last_turn_id, updated_at) ` +
        `select 'sms:' || ${a('i')}, ${a('i')}, c.channel, c.flow_id, c.flow_hash, c.snapshot, c.version, c.last_turn_id || i, ${old} + i ` +
        `from n, conversations c where c.contact_address = '${TEMPLATE}'`,
    );
    db.exec(
      `${numbers} insert into processed_webhooks (provider_id, contact_address, reply, created_at) ` +
        `select w.provider_id || i, ${a('i')}, w.reply, ${old} + i from n, processed_webhooks w where w.contact_address = '${TEMPLATE}'`,
    );
    db.exec(
      `${numbers} insert into messages (conversation_id, contact_address, channel, direction, body, segments, provider_id, created_at, text_id) ` +
        `select 'sms:' || ${a('i')}, ${a('i')}, m.channel, m.direction, m.body, m.segments, m.provider_id || i, ${old} + i, m.text_id ` +
        `from n, messages m where m.contact_address = '${TEMPLATE}'`,
    );
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

export async function benchLargeDatabase(count: number, seconds: number, concurrency: number) {
  const dir = mkdtempSync(join(tmpdir(), 'relais-million-'));
  const databasePath = join(dir, 'large.sqlite');
  const options = { port: 0, host: '127.0.0.1', databasePath, publicBaseUrl: PUBLIC_BASE_URL, twilioAuthToken: AUTH_TOKEN, logger: silent };
  const seed = await startRelais({ ...options, publicBaseUrl: TEST_BASE_URL, twilioAuthToken: TEST_TOKEN });
  for (const text of ['Bonjour', '1', '74000']) {
    if ((await postSms(seed.url, TEMPLATE, text)).status !== 200) throw new Error('the template conversation was refused');
  }
  await seed.close();
  const t0 = performance.now();
  fill(databasePath, count);
  const fillSeconds = (performance.now() - t0) / 1000;
  const bytes = statSync(databasePath).size;
  const relais = await startRelais(options);
  const run = await measure(`Relais, sms, ${(count / 1e6).toLocaleString('en')} M conversations`, relais.url, 'sms', seconds, concurrency);
  const erasure = await timeErasures(relais.url);
  await relais.close();
  rmSync(dir, { recursive: true, force: true });
  return { count, fillSeconds, bytes, run, erasure };
}

/**
 * SUPPRIMER is a turn too, and holds the write lock while it runs: five people each write, then erase; the median
 * and the slowest of their SUPPRIMER replies (it must find someone else's mentions of the number by index, not by
 * reading every message and snapshot).
 */
async function timeErasures(url: string) {
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const from = `+3361000000${i}`;
    await postSms(url, from, 'Bonjour', { token: AUTH_TOKEN, publicBaseUrl: PUBLIC_BASE_URL });
    const t0 = performance.now();
    const reply = await postSms(url, from, 'SUPPRIMER', { token: AUTH_TOKEN, publicBaseUrl: PUBLIC_BASE_URL });
    times.push(performance.now() - t0);
    if (!reply.body.includes('effacées')) throw new Error(`SUPPRIMER was not answered: ${reply.status} ${reply.body}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[2]!, max: times[4]! };
}

export function printLargeDatabase(r: Awaited<ReturnType<typeof benchLargeDatabase>>, empty: Summary) {
  const ratio = r.run.p99 / empty.p99;
  console.log(`\nlarge database: ${r.count.toLocaleString('en')} past conversations (${(r.bytes / 2 ** 30).toFixed(2)} GiB, filled in ${r.fillSeconds.toFixed(0)} s): ` +
    `${r.run.rps.toFixed(0)} req/s, p99 ${r.run.p99.toFixed(1)} ms against ${empty.p99.toFixed(1)} ms empty: ratio ${ratio.toFixed(2)} (goal <= 1.25: ${ratio <= 1.25 ? 'met' : 'NOT met'})` +
    (r.run.errors ? `; ${r.run.errors} errors` : ''));
  console.log(`SUPPRIMER on it: ${r.erasure.median.toFixed(1)} ms median, ${r.erasure.max.toFixed(1)} ms slowest of 5 (the write lock is held that long)`);
}
