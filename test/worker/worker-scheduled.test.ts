// The Workers' Cron Trigger runs the same scheduler as Node's timer: `wrangler dev --test-scheduled` (local D1), two
// scheduled invocations at once, each follow-up sent once through Twilio's REST API (a loopback fake).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';

const root = new URL('../../', import.meta.url).pathname;
const wrangler = join(root, 'node_modules/.bin/wrangler');
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1', WRANGLER_LOG: 'warn' };
const COUNT = 40;

let persistDir: string;
let child: ChildProcess | undefined;
let url: string;
let output = '';
let twilio: FakeTwilioRest;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const d1 = (sql: string) => {
  // --json prints at wrangler's « log » level: WRANGLER_LOG=warn would silence the rows.
  const run = spawnSync(wrangler, ['d1', 'execute', 'relais', '--local', '--persist-to', persistDir, '--yes', '--json', '--command', sql], {
    cwd: root,
    env: { ...quietEnv, WRANGLER_LOG: 'log' },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`d1 execute failed:\n${run.stdout}\n${run.stderr}`);
  return run.stdout.trim() ? (JSON.parse(run.stdout) as { results: Record<string, unknown>[] }[])[0]!.results : [];
};

beforeAll(async () => {
  twilio = await startFakeTwilioRest();
  persistDir = mkdtempSync(join(tmpdir(), 'relais-d1-cron-'));
  const migrate = spawnSync(wrangler, ['d1', 'migrations', 'apply', 'relais', '--local', '--persist-to', persistDir], { cwd: root, env: quietEnv, encoding: 'utf8', input: 'y\n' });
  if (migrate.status !== 0) throw new Error(`d1 migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  const payload = JSON.stringify({ sessionId: 'ateliers:x', sessionTitle: 'Tablette pas à pas', sessionDate: 'mardi 1 décembre à 14h', sessionPlace: 'Mairie de Mende' });
  const rows = Array.from({ length: COUNT }, (_, i) => `('reminder:cron:${i}', 'reminder', '+336${20_000_000 + i}', 'sms', 0, '${payload}', 'pending', 0, ${Date.now()})`);
  d1(`insert into scheduled_messages (idempotency_key, kind, contact_address, channel, due_at, payload, status, attempts, created_at) values ${rows.join(', ')}`);
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  const vars = {
    TWILIO_AUTH_TOKEN: twilio.twilioApi.authToken,
    TWILIO_ACCOUNT_SID: twilio.twilioApi.accountSid,
    TWILIO_SMS_FROM: twilio.twilioApi.from,
    TWILIO_API_BASE_URL: twilio.baseUrl,
    FOLLOWUP_HOURS: '24/7',
  };
  child = spawn(
    wrangler,
    ['dev', '--test-scheduled', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persistDir, ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`]), '--inspector-port', String(await freePort())],
    { cwd: root, env: quietEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`wrangler dev did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 150_000);

afterAll(async () => {
  child?.kill('SIGTERM');
  await twilio?.close();
  if (persistDir) rmSync(persistDir, { recursive: true, force: true });
});

describe('the Cron Trigger on D1', () => {
  it('sends each due follow-up once when two scheduled invocations run at the same time', { timeout: 90_000 }, async () => {
    const cron = (expression: string) => fetch(`${url}/__scheduled?cron=${encodeURIComponent(expression)}`);
    const answers = await Promise.all([cron('* * * * *'), cron('* * * * *')]);
    expect(answers.map((a) => a.status), output).toEqual([200, 200]);
    const deadline = Date.now() + 60_000;
    while (twilio.sent.length < COUNT && Date.now() < deadline) {
      // wrangler dev reloads when a source file changes: a dropped connection is retried at the next round.
      await cron('* * * * *').catch(() => undefined);
      await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would have arrived by now
    expect(twilio.sent, output).toHaveLength(COUNT);
    expect(new Set(twilio.sent.map((s) => s.to)).size).toBe(COUNT);
    expect(twilio.sent[0]!.body).toContain('Tablette pas à pas');
    // The daily trigger runs the retention purge too, and nothing breaks.
    expect((await cron('17 3 * * *')).status).toBe(200);
    // Read D1 once wrangler dev has let go of it.
    const exited = new Promise((r) => child!.once('exit', r));
    child!.kill('SIGTERM');
    await exited;
    expect(d1('select status, count(*) as n from scheduled_messages group by status')).toEqual([{ status: 'sent', n: COUNT }]);
  });
});
