// Each follow-up goes out once: two runner processes on one SQLite file share the work without sending anything
// twice; a runner that dies after claiming leaves its claims to the next once the lease has passed; a failing REST
// API is retried with backoff, then given up with the reason kept. And `npm run followups -- --dry-run` lists what
// would go, and why not, without sending.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduleRepository, type NewScheduledMessage } from '../../src/db/schedule-repository.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { projectRoot } from '../support/import.js';
import { ManualClock, startTestRelais } from '../support/relais.js';

const run = promisify(execFile);
const paris = (iso: string) => Date.parse(`${iso}+01:00`);
let dir: string;
let twilio: FakeTwilioRest;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relais-once-'));
  twilio = await startFakeTwilioRest();
});
afterAll(async () => {
  await twilio.close();
  rmSync(dir, { recursive: true, force: true });
});

const payload = { sessionId: 'ateliers:x', sessionTitle: 'Tablette pas à pas', sessionDate: 'mardi 1 décembre à 14h', sessionPlace: 'Mairie, 1 place du Marché, 48000 Mende' };
const reminder = (i: number, dueAt: number): NewScheduledMessage => ({
  idempotencyKey: `reminder:test:${i}`,
  kind: 'reminder',
  contactAddress: `+336${String(10_000_000 + i)}`,
  channel: 'sms',
  dueAt,
  payload,
});

/** The command operators run, as a separate Node process on the same file. */
const followupsCommand = (databasePath: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/followups.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, LOG_LEVEL: 'silent', ...env },
    encoding: 'utf8',
  });

describe('two runners on one SQLite file', () => {
  it('send each of 120 follow-ups exactly once between them', { timeout: 120_000 }, async () => {
    const databasePath = join(dir, 'two-runners.sqlite');
    const database = openSqliteDatabase(databasePath);
    const schedule = createScheduleRepository(database);
    for (let i = 0; i < 120; i++) await schedule.schedule(reminder(i, Date.now() - 60_000), Date.now() - 120_000);
    // Scheduling the same follow-up again is a no-op.
    expect(await schedule.schedule(reminder(0, Date.now()), Date.now())).toBe(false);
    database.close();
    const env = {
      TWILIO_ACCOUNT_SID: twilio.twilioApi.accountSid,
      TWILIO_AUTH_TOKEN: twilio.twilioApi.authToken,
      TWILIO_SMS_FROM: twilio.twilioApi.from,
      TWILIO_API_BASE_URL: twilio.baseUrl,
      FOLLOWUP_HOURS: '24/7',
    };
    const before = twilio.sent.length;
    const [a, b] = await Promise.all([followupsCommand(databasePath, [], env), followupsCommand(databasePath, [], env)]);
    const counts = [a.stdout, b.stdout].map((out) => Number(/(\d+) suivi\(s\) envoyé/.exec(out)![1]));
    expect(counts[0]! + counts[1]!).toBe(120);
    const sent = twilio.sent.slice(before);
    expect(sent).toHaveLength(120);
    expect(new Set(sent.map((s) => s.to)).size).toBe(120);
    expect(sent[0]!.body).toContain('Tablette pas à pas');
    const check = openSqliteDatabase(databasePath);
    const statuses = await check.atomic([{ sql: 'select status, count(*) as n from scheduled_messages group by status', params: [] }]);
    expect(statuses[0]).toEqual([{ status: 'sent', n: 120 }]);
    check.close();
  });
});

describe('a runner killed after claiming', () => {
  it('leaves its claims to the next runner once the lease has passed: sent once', async () => {
    const clock = new ManualClock(paris('2026-11-30T10:00'));
    const relais = await startTestRelais({ clock, twilioApi: twilio.twilioApi, disableScheduler: true });
    const writer = openSqliteDatabase(relais.databasePath);
    try {
      const schedule = createScheduleRepository(writer);
      await schedule.schedule(reminder(1000, clock.now()), clock.now());
      // A runner claims it, then dies before sending.
      expect(await schedule.claimDue('crashed-runner', clock.now(), 5 * 60_000, 10)).toHaveLength(1);
      const to = reminder(1000, 0).contactAddress;
      clock.current += 60_000;
      expect(await relais.runFollowUps()).toBe(0);
      clock.current += 5 * 60_000;
      expect(await relais.runFollowUps()).toBe(1);
      expect(await relais.runFollowUps()).toBe(0);
      expect(twilio.sent.filter((s) => s.to === to)).toHaveLength(1);
      // The dead runner's late write changes nothing: its lease is gone.
      expect(await schedule.sent(1, 'crashed-runner', clock.now())).toBe(false);
      expect(relais.query('select status, attempts from scheduled_messages')).toEqual([{ status: 'sent', attempts: 2 }]);
    } finally {
      writer.close();
      await relais.stop();
    }
  });
});

describe('a failing REST API', () => {
  let failing: Server;
  let requests = 0;
  beforeAll(async () => {
    failing = createServer((req, res) => {
      requests++;
      req.resume();
      res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"message":"Service Unavailable"}');
    });
    await new Promise<void>((r) => failing.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => failing.close(() => r())));

  it('is retried with backoff, then given up after five attempts with the reason kept', async () => {
    const clock = new ManualClock(paris('2026-11-30T10:00'));
    const baseUrl = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    const relais = await startTestRelais({ clock, twilioApi: { ...twilio.twilioApi, baseUrl }, disableScheduler: true });
    const writer = openSqliteDatabase(relais.databasePath);
    try {
      await createScheduleRepository(writer).schedule(reminder(2000, clock.now()), clock.now());
      const row = () => relais.query<{ status: string; attempts: number; due_at: number; last_error: string }>('select * from scheduled_messages')[0]!;
      const dues: number[] = [];
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect(await relais.runFollowUps()).toBe(0);
        expect(requests).toBe(attempt);
        if (attempt < 5) {
          expect(row()).toMatchObject({ status: 'pending', attempts: attempt, last_error: expect.stringContaining('Twilio 503') });
          dues.push(row().due_at - clock.now());
          // Not before its time.
          expect(await relais.runFollowUps()).toBe(0);
          expect(requests).toBe(attempt);
          clock.current = row().due_at;
        }
      }
      expect(dues).toEqual([5, 10, 20, 40].map((m) => m * 60_000));
      expect(row()).toMatchObject({ status: 'failed', attempts: 5, last_error: expect.stringContaining('Service Unavailable') });
      clock.current += 86_400_000;
      expect(await relais.runFollowUps()).toBe(0);
      expect(requests).toBe(5);
    } finally {
      writer.close();
      await relais.stop();
    }
  });
});

describe('npm run followups -- --dry-run --at', () => {
  it('lists what would go at that moment, to whom (masked), which kind, which channel, or why not; sends nothing', { timeout: 60_000 }, async () => {
    const databasePath = join(dir, 'dry-run.sqlite');
    const database = openSqliteDatabase(databasePath);
    const schedule = createScheduleRepository(database);
    const due = paris('2026-11-30T00:00');
    await schedule.schedule(reminder(1, due), due);
    await schedule.schedule({ ...reminder(2, due), contactAddress: '+33612345678' }, due);
    await database.atomic([{ sql: 'insert into opt_outs (address, created_at) values (?, ?)', params: ['+33612345678', due] }]);
    database.close();
    const env = { TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_SMS_FROM: '+33939000000', TWILIO_API_BASE_URL: twilio.baseUrl };
    const before = twilio.sent.length;

    const night = (await followupsCommand(databasePath, ['--dry-run', '--at', '2026-11-30T08:00'], env)).stdout;
    expect(night).toContain('2 suivi(s) dû(s)');
    expect(night).toContain('+336••••••01');
    expect(night).toContain('rappel de la veille');
    expect(night).toContain('SMS');
    expect(night).toContain('heures calmes (envoi à lundi 30 novembre à 9h)');

    const morning = (await followupsCommand(databasePath, ['--dry-run', '--at', '2026-11-30T09:00'], env)).stdout;
    expect(morning).toMatch(/\+336••••••01 {2}\| {2}rappel de la veille {2}\| {2}SMS {2}\| {2}envoi/);
    expect(morning).toMatch(/\+336••••••78 .*non envoyé : STOP/);
    // A Sunday, and a public holiday (Christmas) from the library, not a hand list.
    expect((await followupsCommand(databasePath, ['--dry-run', '--at', '2026-12-06T10:00'], env)).stdout).toContain('heures calmes (envoi à lundi 7 décembre à 9h)');
    expect((await followupsCommand(databasePath, ['--dry-run', '--at', '2026-12-25T10:00'], env)).stdout).toContain('heures calmes (envoi à samedi 26 décembre à 9h)');

    expect(twilio.sent.length).toBe(before);
    const check = openSqliteDatabase(databasePath);
    expect((await check.atomic([{ sql: "select count(*) as n from scheduled_messages where status = 'pending' and attempts = 0 and last_error is null", params: [] }]))[0]).toEqual([{ n: 2 }]);
    check.close();

    await expect(followupsCommand(databasePath, ['--dry-run', '--at', 'demain'], env)).rejects.toMatchObject({ stderr: expect.stringContaining('--at: "demain" is not an ISO date-time') });
  });
});
