// The production process as `npm start` runs it: the compiled bundle in one Node process, started on a fresh
// database. Measures the time from spawn to a healthy /health, the CPU the process spent to get there (a steadier
// figure than wall time on a shared machine), and its resident memory (VmRSS) once healthy and after a few signed
// turns, with every embedded place and commune loaded.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { buildNodeBundle } from '../scripts/build.mjs';
import { AUTH_TOKEN, measure, PUBLIC_BASE_URL } from './turns.js';
import { cpuMsFromStat } from './proc-stat.js';
import { listeningPort } from '../test/support/bundle-process.js';

const procFile = (pid: number, name: string) => readFileSync(`/proc/${pid}/${name}`, 'utf8');
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(procFile(pid, 'status'))?.[1] ?? NaN) / 1024;
const cpuMs = (pid: number) => cpuMsFromStat(`/proc/${pid}/stat`);

/** The Node flags `npm start` passes (package.json's start script, `node <flags> dist/relais.js`): measured as run. */
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/relais.js') throw new Error(`the start script is not \`node <flags> dist/relais.js\`: ${start}`);
  return words.slice(1, -1);
}

export async function benchProduction() {
  const outfile = (await buildNodeBundle()) as string;
  const dir = mkdtempSync(join(tmpdir(), 'relais-prod-'));
  const started = performance.now();
  const child = spawn(process.execPath, [...startFlags(), outfile], {
    cwd: dir,
    env: { ...process.env, PORT: '0', DATABASE_PATH: join(dir, 'prod.sqlite'), TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let died: string | undefined;
  child.once('exit', (code, signal) => (died = signal ?? `code ${code}`));
  try {
    const url = `http://127.0.0.1:${await listeningPort(child, 30_000)}`;
    while (!(await fetch(`${url}/health`).then((r) => r.ok, () => false))) {
      if (died) throw new Error(`the production process exited (${died}) before /health answered`);
      if (performance.now() - started > 30_000) throw new Error(`the production process listens on ${url} but /health did not answer within 30 s`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const healthyMs = performance.now() - started;
    const cpuHealthyMs = cpuMs(child.pid!);
    const rssHealthy = rssMiB(child.pid!);
    await measure('production bundle, SMS', url, 'sms', 2, 10);
    if (died) throw new Error(`the production process exited (${died}) during the SMS turns`);
    const rssAfterTurns = rssMiB(child.pid!);
    return { flags: startFlags(), healthyMs, cpuHealthyMs, rssHealthy, rssAfterTurns };
  } finally {
    if (!died) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printProduction(r: Awaited<ReturnType<typeof benchProduction>>) {
  console.log(`\nproduction start (npm start's node ${r.flags.join(' ')} dist/relais.js, one process): healthy in ${r.healthyMs.toFixed(0)} ms, ${r.cpuHealthyMs.toFixed(0)} ms of CPU (goal <= 1,000: ${r.healthyMs <= 1000 ? 'met' : 'NOT met'}); ` +
    `RSS ${r.rssHealthy.toFixed(0)} MiB when healthy, ${r.rssAfterTurns.toFixed(0)} MiB after 2 s of SMS turns (goal <= 150: ${Math.max(r.rssHealthy, r.rssAfterTurns) <= 150 ? 'met' : 'NOT met'})`);
}
