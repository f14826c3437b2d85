// The production process as `npm start` runs it: the compiled bundle in one Node process, started on a fresh
// database. Measures the time from spawn to a healthy /health, and its resident memory (VmRSS) once healthy and
// after a few signed turns, with every embedded place and commune loaded.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { buildNodeBundle } from '../scripts/build.mjs';
import { AUTH_TOKEN, measure, PUBLIC_BASE_URL } from './turns.js';

const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;

export async function benchProduction() {
  const outfile = (await buildNodeBundle()) as string;
  const dir = mkdtempSync(join(tmpdir(), 'relais-prod-'));
  const port = 41_000 + Math.floor(Math.random() * 4_000);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [outfile], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), DATABASE_PATH: join(dir, 'prod.sqlite'), TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  let healthyMs = NaN;
  while (performance.now() - started < 30_000) {
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) {
      healthyMs = performance.now() - started;
      break;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const rssHealthy = rssMiB(child.pid!);
  await measure('production bundle, SMS', url, 'sms', 2, 10);
  const rssAfterTurns = rssMiB(child.pid!);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  rmSync(dir, { recursive: true, force: true });
  return { healthyMs, rssHealthy, rssAfterTurns };
}

export function printProduction(r: Awaited<ReturnType<typeof benchProduction>>) {
  console.log(`\nproduction start (node dist/relais.js, one process): healthy in ${r.healthyMs.toFixed(0)} ms (goal <= 1,000: ${r.healthyMs <= 1000 ? 'met' : 'NOT met'}); ` +
    `RSS ${r.rssHealthy.toFixed(0)} MiB when healthy, ${r.rssAfterTurns.toFixed(0)} MiB after 2 s of SMS turns (goal <= 150: ${Math.max(r.rssHealthy, r.rssAfterTurns) <= 150 ? 'met' : 'NOT met'})`);
}
