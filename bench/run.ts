// npm run bench — prints, in one run: SMS, WhatsApp and voice turn throughput and p99 against a bare Hono route
// (ratios), storage per turn, the p99 on a database holding a million past conversations against an empty one, the
// production process's start time and memory, the nearest-place search against a linear scan, and the activity
// dashboard's reads on a department with a million facts. Not a test.
// Options: --seconds N (per target, default 5), --concurrency N (50), --turns N (storage, 100,000),
// --conversations N (the large database, 1,000,000), --facts N (the activity dashboard's department, 1,000,000),
// --only turns,storage,million,production,nearest,activity (some targets only; the million needs the turns' p99).
import { availableParallelism, cpus } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelais } from '../src/runtime/node/server.js';
import type { LoadChannel } from './load.js';
import { benchNearest, printNearest } from './nearest.js';
import { benchActivity, printActivity } from './activity.js';
import { benchProduction, printProduction } from './production.js';
import { benchStorage, printStorage } from './storage.js';
import { benchLargeDatabase, printLargeDatabase } from './million.js';
import { AUTH_TOKEN, measure, printTable, PUBLIC_BASE_URL, startBareRoute, type Summary } from './turns.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 5);
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : undefined;
const runs = (target: string) => !only || only.has(target);
const CONCURRENCY = arg('concurrency', 50);
const silent = { info() {}, warn() {}, error() {} };

console.log(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}.`);
console.log(`Turns: ${SECONDS} s per target at ${CONCURRENCY} concurrent conversations, load generator in its own process.`);

const rows: Summary[] = [];
if (runs('turns') || runs('million')) {
  const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
  const relais = await startRelais({ port: 0, host: '127.0.0.1', databasePath: join(dir, 'bench.sqlite'), publicBaseUrl: PUBLIC_BASE_URL, twilioAuthToken: AUTH_TOKEN, logger: silent });
  const bare = await startBareRoute();
  const ratios: { channel: LoadChannel; throughput: number; p99: number; cpu: number; main: number }[] = [];
  for (const channel of ['sms', 'voice', 'whatsapp'] as const) {
    const floor = await measure(`bare route, ${channel}`, bare.url, channel, SECONDS, CONCURRENCY);
    const real = await measure(`Relais, ${channel} turns`, relais.url, channel, SECONDS, CONCURRENCY);
    rows.push(floor, real);
    ratios.push({ channel, throughput: real.rps / floor.rps, p99: real.p99 / floor.p99, cpu: real.cpuUsPerRequest! / floor.cpuUsPerRequest!, main: (real.mainCpuUsPerRequest ?? NaN) / (floor.mainCpuUsPerRequest ?? NaN) });
  }
  await bare.close();
  await relais.close();
  rmSync(dir, { recursive: true, force: true });
  printTable(rows);
  console.log('');
  for (const r of ratios) {
    const met = r.throughput >= 0.5 && r.p99 <= 2;
    console.log(`${r.channel.padEnd(9)} throughput ratio ${r.throughput.toFixed(2)} (goal >= 0.50), p99 ratio ${r.p99.toFixed(2)}x (goal <= 2): ${met ? 'met' : 'NOT met'}; server CPU per request ${r.cpu.toFixed(1)}x the floor's${Number.isNaN(r.main) ? '' : `, on its main thread ${r.main.toFixed(1)}x`}`);
  }

}

if (runs('storage')) printStorage(await benchStorage(arg('turns', 100_000)));
const emptySms = rows.find((r) => r.name === 'Relais, sms turns');
if (runs('million') && emptySms) printLargeDatabase(await benchLargeDatabase(arg('conversations', 1_000_000), SECONDS, CONCURRENCY), emptySms);
if (runs('production')) printProduction(await benchProduction());
if (runs('nearest')) printNearest(benchNearest());
if (runs('activity')) printActivity(await benchActivity(arg('facts', 1_000_000)));

const errors = rows.reduce((n, r) => n + r.errors, 0) / Math.max(1, rows.reduce((n, r) => n + r.requests, 0));
process.exit(errors > 0.01 ? 1 : 0);
