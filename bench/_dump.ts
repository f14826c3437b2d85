import Database from 'better-sqlite3';
import { renderSmsReplies } from '../src/channels/sms/twiml.js';
import { composeRelais } from '../src/runtime/compose.js';
import { loadDirectory } from '../src/runtime/node/reference-data.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';
import { CONVERSATIONS } from '../bench/turns.js';
import { rmSync } from 'node:fs';
const path = '/tmp/st/dump.sqlite';
rmSync(path, { force: true }); rmSync(path + '-wal', { force: true }); rmSync(path + '-shm', { force: true });
const database = openSqliteDatabase(path);
let now = Date.UTC(2026, 10, 24, 9);
const { conversations } = composeRelais({ database, directory: loadDirectory(), config: {}, clock: { now: () => now }, logger: { info() {}, warn() {}, error() {} } });
const transcript = CONVERSATIONS.sms.transcript;
for (let c = 0; c < 30; c++) {
  const from = `+3361${String(c).padStart(8, '0')}`;
  for (let t = 0; t < transcript.length; t++) {
    await conversations.handle({ channel: 'sms', from, to: '+33939000000', providerId: `SM${from}${t}`.padEnd(34, '0'), receivedAt: now, content: { type: 'text', text: transcript[t]! } },
      { segmentsOf: (texts) => renderSmsReplies(texts.map((text) => ({ text }))).perReply });
  }
  now += 1000;
}
database.close();
const db = new Database(path);
for (const t of ['conversations', 'messages', 'processed_webhooks', 'activity_facts', 'contacts']) {
  const rows = db.prepare(`select * from ${t} limit 4`).all();
  console.log(`== ${t}`);
  for (const r of rows) console.log(JSON.stringify(r).length, JSON.stringify(r));
}
console.log(db.prepare("select direction, length(body) l, count(*) n from messages group by direction, body order by n desc limit 20").all());
