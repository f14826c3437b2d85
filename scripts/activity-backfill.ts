// npm run activity:backfill — rebuilds the anonymous activity facts from the message log and the tables of the
// SQLite file named by DATABASE_PATH, for the days before the first fact recorded live. Idempotent: run again, it
// replaces what it wrote. (On Workers: run it on a copy of the D1 data, or not at all.)
import { dayOf } from '../src/activity/facts.js';
import { backfillActivity } from '../src/db/activity-backfill.js';
import { embeddedCommuneFinder } from '../src/runtime/node/reference-data.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';

const path = process.env['DATABASE_PATH'] ?? './relais.sqlite';
const database = openSqliteDatabase(path);
try {
  const find = embeddedCommuneFinder();
  const report = await backfillActivity(database, dayOf(Date.now()), (name, departement) => find(name, departement)?.code);
  const total = Object.values(report.facts).reduce((a, b) => a + b, 0);
  console.log(`${path}: ${total} facts rebuilt before ${new Date(report.beforeDay * 86_400_000).toISOString().slice(0, 10)} (${Object.entries(report.facts).map(([k, n]) => `${k} ${n}`).join(', ') || 'nothing to rebuild'})`);
} finally {
  database.close();
}
