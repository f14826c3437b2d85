// Turn throughput per channel: real Relais turns against a bare Hono route answering fixed TwiML on the same path,
// measured one after the other in the same run, with the load generator in its own process (one core drives the
// load, the other serves it).
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { percentile, type LoadChannel, type LoadOptions, type LoadResult } from './load.js';
import { cpuMsFromStat } from './proc-stat.js';

export const AUTH_TOKEN = 'bench-auth-token';
export const PUBLIC_BASE_URL = 'https://bench.relais.local';

/** Each channel's short conversation: the menu, « find a place », a postal code (WhatsApp first asks who it is for). */
export const CONVERSATIONS: Record<LoadChannel, { transcript: string[]; expect: string }> = {
  sms: { transcript: ['Bonjour', '1', '74000'], expect: '<Message>' },
  whatsapp: { transcript: ['Bonjour', '1', '1', '74000'], expect: '<Message>' },
  voice: { transcript: ['1', '74000'], expect: '<Say' },
};

const FIXED: Record<LoadChannel, string> = {
  sms: '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Bonjour</Message></Response>',
  whatsapp: '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Bonjour</Message></Response>',
  voice: `<?xml version="1.0" encoding="UTF-8"?><Response><Gather input="dtmf speech" action="${PUBLIC_BASE_URL}/twilio/voice/gather?turn=1"><Say>Bonjour</Say></Gather></Response>`,
};

/** The floor: a route that parses the form and answers fixed TwiML, on each path a channel uses. */
export async function startBareRoute() {
  const app = new Hono();
  const fixed = (twiml: string) => async (c: import('hono').Context) => {
    await c.req.parseBody();
    return c.body(twiml, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
  };
  app.post('/twilio/sms', fixed(FIXED.sms));
  app.post('/twilio/whatsapp', fixed(FIXED.whatsapp));
  app.post('/twilio/voice', fixed(FIXED.voice));
  app.post('/twilio/voice/gather', fixed(FIXED.voice));
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** The client runs in a child process, so that it never competes with the server it measures on one core. */
export async function runLoadInChild(options: LoadOptions): Promise<LoadResult> {
  const child = new URL('./load-child.ts', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child, JSON.stringify(options)], { maxBuffer: 256 * 2 ** 20 });
  return JSON.parse(stdout) as LoadResult;
}

export interface Summary {
  name: string;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** The server's CPU per request (user + system, every thread of the bench's process, which hosts the server). */
  cpuUsPerRequest?: number;
  /** The part of it spent on the thread that runs the server's JavaScript (Linux). */
  mainCpuUsPerRequest?: number;
  firstError?: string;
}

export function summarise(name: string, r: LoadResult): Summary {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return {
    name, requests: r.completed, errors: r.errors, rps: r.completed / r.seconds,
    p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99),
    ...(r.firstError ? { firstError: r.firstError } : {}),
  };
}

let labelCounter = 10;
/**
 * Runs one channel's conversations against `url` and summarises them. Both servers share the bench's process: a
 * collection first (what the previous target or Relais's start left behind is not charged to this one), then a
 * two-second warm-up. Without them the first floor measured was a quarter of the others (1,937 against 7,802 req/s).
 */
export async function measure(name: string, url: string, channel: LoadChannel, seconds: number, concurrency: number): Promise<Summary> {
  const common = { baseUrl: url, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, channel, concurrency, ...CONVERSATIONS[channel] };
  (globalThis as { gc?: () => void }).gc?.();
  await runLoadInChild({ ...common, seconds: 2, label: String(labelCounter++) });
  // The load generator runs in a child process: the CPU this process spends meanwhile is the server's. It is a
  // steadier figure than throughput on a shared machine, where the floor itself swings by a third from one minute to the next.
  const before = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const summary = summarise(name, await runLoadInChild({ ...common, seconds, label: String(labelCounter++) }));
  const spent = process.cpuUsage(before);
  const mainSpent = mainThreadCpuMs();
  const requests = Math.max(1, summary.requests);
  return {
    ...summary,
    cpuUsPerRequest: (spent.user + spent.system) / requests,
    ...(mainBefore !== undefined && mainSpent !== undefined ? { mainCpuUsPerRequest: ((mainSpent - mainBefore) * 1000) / requests } : {}),
  };
}

/**
 * The CPU time of this thread, the one that serves every request, in ms (Linux only). The process's figure adds V8's
 * helper threads (compiler, parallel scavenges), which run beside it on the other core.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    return cpuMsFromStat('/proc/thread-self/stat');
  } catch {
    return undefined;
  }
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(9);
export function printTable(rows: Summary[]) {
  console.log('\ntarget                              requests   errors    req/s   p50 ms   p95 ms   p99 ms  CPU µs/req  main thread');
  for (const r of rows) {
    console.log(`${r.name.padEnd(34)}${String(r.requests).padStart(10)}${String(r.errors).padStart(9)}${fmt(r.rps)}${fmt(r.p50, 2)}${fmt(r.p95, 2)}${fmt(r.p99, 2)}${fmt(r.cpuUsPerRequest ?? NaN, 0).padStart(12)}${fmt(r.mainCpuUsPerRequest ?? NaN, 0).padStart(13)}`);
    if (r.firstError) console.log(`    first unexpected answer: ${r.firstError}`);
  }
}
