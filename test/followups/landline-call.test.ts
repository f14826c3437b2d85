// A person reached by phone only (a landline) gets the reminder as a short automated call placed through Twilio's
// REST API (a loopback fake records it), its TwiML said slowly and walked as Twilio would: 2 cancels and frees the
// seat, 1 confirms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduleRepository } from '../../src/db/schedule-repository.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { startFakeTwilioRest, type FakeTwilioRest, type PlacedCall } from '../support/fake-twilio-rest.js';
import { projectRoot, runImport } from '../support/import.js';
import { AUTH_TOKEN, ManualClock, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from '../support/relais.js';
import { TwimlCall } from '../support/twiml-walker.js';

const paris = (iso: string) => Date.parse(`${iso}+01:00`);
const SESSION = 'ateliers:demo-annecy-1';
let dir: string;
let twilio: FakeTwilioRest;
let relais: TestRelais;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relais-landline-'));
  const databasePath = join(dir, 'relais.sqlite');
  runImport(databasePath, 'ateliers', join(projectRoot, 'data/demo/ateliers-demo.csv'));
  twilio = await startFakeTwilioRest();
  relais = await startTestRelais({ databasePath, clock: new ManualClock(paris('2026-11-30T10:00')), twilioApi: twilio.twilioApi, disableScheduler: true });
  const writer = openSqliteDatabase(databasePath);
  const schedule = createScheduleRepository(writer);
  for (const [i, landline] of ['+33466000001', '+33466000002'].entries()) {
    await writer.atomic([
      { sql: 'insert into bookings (session_id, contact_address, created_at) values (?, ?, ?)', params: [SESSION, landline, relais.clock.now()] },
      { sql: 'update workshop_sessions set seats_taken = seats_taken + 1 where id = ?', params: [SESSION] },
    ]);
    await schedule.schedule(
      {
        idempotencyKey: `reminder:landline:${i}`,
        kind: 'reminder',
        contactAddress: landline,
        channel: 'voice',
        dueAt: relais.clock.now(),
        payload: { sessionId: SESSION, sessionTitle: 'Débuter avec son smartphone', sessionDate: 'mardi 1 décembre à 14h', sessionPlace: 'Médiathèque Bonlieu, 1 rue Jean Jaurès, 74000 Annecy' },
      },
      relais.clock.now(),
    );
  }
  writer.close();
});
afterAll(async () => {
  await relais.stop();
  await twilio.close();
  rmSync(dir, { recursive: true, force: true });
});

const seatsTaken = () => relais.query<{ seats_taken: number }>('select seats_taken from workshop_sessions where id = ?', SESSION)[0]!.seats_taken;
const answer = (call: PlacedCall) =>
  TwimlCall.placed({ serverUrl: relais.url, publicBaseUrl: PUBLIC_BASE_URL, authToken: AUTH_TOKEN, from: call.from, to: call.to }, call.twiml);

describe('the reminder by phone, for a landline', () => {
  it('is a call placed through Twilio, said slowly, keys only; 2 frees the seat, 1 confirms', async () => {
    expect(await relais.runFollowUps()).toBe(2);
    expect(twilio.sent).toEqual([]);
    expect(twilio.calls.map((c) => c.to)).toEqual(['+33466000001', '+33466000002']);
    const [first, second] = twilio.calls as [(typeof twilio.calls)[0], (typeof twilio.calls)[0]];
    expect(first.twiml).toContain('<prosody rate="80%">');
    expect(first.twiml).toContain('input="dtmf"');

    const cancelling = await answer(first);
    expect(cancelling.lastHeard()).toContain('Rappel de Relais : votre atelier Débuter avec son smartphone a lieu mardi 1 décembre à 14h');
    expect(cancelling.lastHeard()).toContain('Pour annuler et libérer votre place, tapez 2');
    expect(cancelling.lastHeard()).not.toContain('ANNULER');
    const before = seatsTaken();
    await cancelling.press('2');
    expect(cancelling.lastHeard()).toContain('C’est annulé : votre place est libérée');
    expect(cancelling.ended).toBe(true);
    expect(seatsTaken()).toBe(before - 1);
    expect(relais.query('select * from bookings where contact_address = ?', '+33466000001')).toEqual([]);

    const confirming = await answer(second);
    await confirming.press('1');
    expect(confirming.lastHeard()).toContain('Merci, à bientôt à l’atelier');
    expect(seatsTaken()).toBe(before - 1);
    expect(relais.query('select contact_address, status from scheduled_messages order by id')).toEqual([
      { contact_address: '+33466000001', status: 'answered' },
      { contact_address: '+33466000002', status: 'answered' },
    ]);
  });
});
