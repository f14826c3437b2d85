// Storage per turn: N real SMS turns (three-turn conversations, a new number each) run through the conversation
// service on a file-backed SQLite database, then the database's used pages divided by the turns. In process and
// without HTTP: what is measured here is what a turn leaves on disk, not how fast it goes.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderSmsReplies } from '../src/channels/sms/twiml.js';
import { composeRelais } from '../src/runtime/compose.js';
import { loadDirectory } from '../src/runtime/node/reference-data.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';
import { CONVERSATIONS } from './turns.js';

const silent = { info() {}, warn() {}, error() {} };

export async function benchStorage(turns: number) {
  const dir = mkdtempSync(join(tmpdir(), 'relais-storage-'));
  const path = join(dir, 'storage.sqlite');
  const database = openSqliteDatabase(path);
  let now = Date.UTC(2026, 10, 24, 9);
  const { conversations } = composeRelais({
    database, directory: loadDirectory(), config: {}, clock: { now: () => now }, logger: silent,
  });
  const transcript = CONVERSATIONS.sms.transcript;
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const batch = 50; // fifty conversations at a time, as the throughput runs have
  for (let done = 0; done < turns; ) {
    const size = Math.min(batch * transcript.length, turns - done);
    const base = done;
    await Promise.all(
      Array.from({ length: Math.ceil(size / transcript.length) }, async (_, c) => {
        const from = `+3361${String((base / transcript.length + c) | 0).padStart(8, '0')}`;
        for (let t = 0; t < transcript.length && done < turns; t++) {
          done++;
          await conversations.handle(
            { channel: 'sms', from, to: '+33939000000', providerId: `SM${from}${t}`.padEnd(34, '0'), receivedAt: now, content: { type: 'text', text: transcript[t]! } },
            { segmentsOf: (texts) => renderSmsReplies(texts.map((text) => ({ text }))).perReply },
          );
        }
      }),
    );
    now += 1000;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMsPerTurn = (cpu.user + cpu.system) / 1000 / turns;
  database.close();
  const db = new Database(path);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const tables = db
    .prepare("select name, sum(pgsize) as bytes from dbstat where 1 group by name order by bytes desc limit 30")
    .all() as { name: string; bytes: number }[];
  db.close();
  console.log(process.env.KEEP ? path : "");
  return { turns, seconds, cpuMsPerTurn, bytesPerTurn: ((pages - free) * pageSize) / turns, tables };
}

export function printStorage(r: Awaited<ReturnType<typeof benchStorage>>) {
  console.log(`\nstorage: ${r.turns.toLocaleString('en')} SMS turns in ${r.seconds.toFixed(1)} s (in process, ${r.cpuMsPerTurn.toFixed(3)} ms of CPU a turn), ` +
    `${r.bytesPerTurn.toFixed(0)} bytes per turn (goal <= 1,024: ${r.bytesPerTurn <= 1024 ? 'met' : 'NOT met'})`);
  console.log(`  largest: ${r.tables.map((t) => `${t.name} ${(t.bytes / r.turns).toFixed(0)} B/turn`).join(', ')}`);
}
