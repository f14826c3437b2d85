// npm run bench — Twilio-signed SMS turns at 50 concurrent conversations against the real service (HTTP, SQLite,
// the engine, the directory), beside a bare Hono route answering fixed TwiML, measured in the same run; then the
// nearest-place search against a linear scan. Prints throughputs, percentiles and ratios. Not a test.
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { Hono } from 'hono';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startRelais } from '../src/runtime/node/server.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { percentile, type LoadOptions, type LoadResult } from './load.js';
import { benchNearest, printNearest } from './nearest.js';

/** The client runs in a child process: on a 2-core machine, one core drives the load, one serves it. */
async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const child = new URL('./load-child.ts', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, JSON.stringify(options)], { maxBuffer: 256 * 2 ** 20 });
  return JSON.parse(stdout) as LoadResult;
}

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 10);
const CONCURRENCY = arg('concurrency', 50);
const AUTH_TOKEN = 'bench-auth-token';
const PUBLIC_BASE_URL = 'https://bench.relais.local';
/** A conversation that keeps moving through the flow, nearest-place searches included. */
const TRANSCRIPT = ['Bonjour', '1', '74000', '1', '73100', '2', '2', 'oui', '69003', 'menu', '3', '9', '9', '9', '9', '9', '9', '2', 'menu'];
const FIXED_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Bonjour</Message></Response>';

async function startBare() {
  const app = new Hono();
  app.post('/twilio/sms', async (c) => {
    await c.req.parseBody();
    return c.body(FIXED_TWIML, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

function summarise(name: string, r: LoadResult) {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return { name, requests: r.completed, errors: r.errors, rps: r.completed / r.seconds, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}

const dir = mkdtempSync(join(tmpdir(), 'relais-bench-'));
const databasePath = join(dir, 'bench.sqlite');
const silent = { info() {}, warn() {}, error() {} };
const rssBefore = process.memoryUsage().rss;
const relais = await startRelais({ port: 0, host: '127.0.0.1', databasePath, publicBaseUrl: PUBLIC_BASE_URL, twilioAuthToken: AUTH_TOKEN, logger: silent });
const bare = await startBare();
const common = { publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, concurrency: CONCURRENCY, transcript: TRANSCRIPT, expect: '<Message>' };

console.log(`Warming up (2 s each), then ${SECONDS} s per target at ${CONCURRENCY} concurrent conversations...`);
await runLoad({ ...common, baseUrl: bare.url, seconds: 2, label: '90' });
await runLoad({ ...common, baseUrl: relais.url, seconds: 2, label: '91' });
const bareRun = summarise('bare Hono, fixed TwiML', await runLoad({ ...common, baseUrl: bare.url, seconds: SECONDS, label: '10' }));
const relaisRun = summarise('Relais, real turns', await runLoad({ ...common, baseUrl: relais.url, seconds: SECONDS, label: '11' }));
const rssAfter = process.memoryUsage().rss;

await bare.close();
await relais.close();
const db = new Database(databasePath, { readonly: true });
const logged = (db.prepare('select count(*) as n from messages').get() as { n: number }).n;
db.close();
rmSync(dir, { recursive: true, force: true });

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
console.log('\ntarget                     requests   errors    req/s   p50 ms   p95 ms   p99 ms');
for (const r of [bareRun, relaisRun]) {
  console.log(`${r.name.padEnd(25)}${String(r.requests).padStart(10)}${String(r.errors).padStart(9)}${fmt(r.rps)}${fmt(r.p50, 2)}${fmt(r.p95, 2)}${fmt(r.p99, 2)}`);
}
const ratio = relaisRun.rps / bareRun.rps;
console.log(`\nthroughput ratio Relais / bare route: ${ratio.toFixed(2)} (goal >= 0.50: ${ratio >= 0.5 ? 'met' : 'NOT met'})`);
console.log(`p99 ratio Relais / bare route: ${(relaisRun.p99 / bareRun.p99).toFixed(1)}x`);
console.log(`messages logged in SQLite: ${logged}; process RSS ${(rssBefore / 2 ** 20).toFixed(0)} MiB -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB`);

printNearest(benchNearest());

const errorRate = (relaisRun.errors + bareRun.errors) / (relaisRun.requests + bareRun.requests);
process.exit(errorRate > 0.01 ? 1 : 0);
