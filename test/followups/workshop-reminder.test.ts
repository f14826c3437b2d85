// Follow-ups, as transcripts with a simulated clock through the real SMS webhook and Twilio's REST API (a loopback
// fake): the reminder the day before a booked workshop, at a decent hour only, and ANNULER freeing the seat; never
// after STOP or SUPPRIMER; never in the middle of a conversation; the cold evaluation ten weeks later.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { projectRoot, runImport } from '../support/import.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';

const demoCsv = join(projectRoot, 'data/demo/ateliers-demo.csv');
/** Paris is UTC+1 in winter. */
const paris = (iso: string) => Date.parse(`${iso}+01:00`);

let dir: string;
let twilio: FakeTwilioRest;
let relais: TestRelais;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'relais-followups-'));
  const databasePath = join(dir, 'relais.sqlite');
  runImport(databasePath, 'ateliers', demoCsv);
  twilio = await startFakeTwilioRest();
  relais = await startTestRelais({ databasePath, clock: new ManualClock(paris('2026-11-23T10:00')), twilioApi: twilio.twilioApi, disableScheduler: true });
});
afterAll(async () => {
  await relais.stop();
  await twilio.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Books the Annecy smartphone session (Tuesday 1 December, 14:00) and answers the reminder question. */
async function book(from: string, wantsReminder: '1' | '2'): Promise<string> {
  for (const line of ['Bonjour', '3', '9', '9', '9', '9', '9', '9', '3', '74000']) await relais.sms(from, line);
  const booked = (await relais.sms(from, '1')).messages.join('\n');
  expect(booked).toContain("C'est réservé");
  expect(booked).toContain('Voulez-vous un rappel la veille ?');
  return (await relais.sms(from, wantsReminder)).messages.join('\n');
}

const seatsTaken = () => relais.query<{ seats_taken: number }>("select seats_taken from workshop_sessions where id = 'ateliers:demo-annecy-1'")[0]!.seats_taken;
const followUps = (address: string) =>
  relais.query<{ id: number; kind: string; status: string; last_error: string | null; attempts: number }>(
    'select id, kind, status, last_error, attempts from scheduled_messages where contact_address = ? order by id',
    address,
  );
const sentTo = (address: string) => twilio.sent.filter((s) => s.to === address).map((s) => s.body);

describe('the reminder the day before a booked workshop', () => {
  const anne = '+33655530001';
  const bernard = '+33655530002';
  const claire = '+33655530003';
  const denise = '+33655530004';
  const emile = '+33655530005';

  it('asks consent once at booking, and schedules the reminder and the evaluation only on « oui »', async () => {
    expect(await book(anne, '1')).toContain('je vous écrirai la veille');
    expect(followUps(anne).map((f) => f.kind)).toEqual(['evaluation', 'reminder']);
    await book(emile, '2');
    expect(followUps(emile)).toEqual([]);
    for (const person of [bernard, claire, denise]) await book(person, '1');
    expect(seatsTaken()).toBe(5);
  });

  it('sends nothing at 08:00 the day before (quiet hours), and the reminder at 09:00, once', async () => {
    // Bernard says STOP, Claire erases everything, Denise is in the middle of a conversation at 09:00.
    await relais.sms(bernard, 'STOP');
    await relais.sms(claire, 'SUPPRIMER');
    expect(followUps(claire)).toEqual([]);
    relais.clock.current = paris('2026-11-30T08:00');
    expect(await relais.runFollowUps()).toBe(0);
    expect(twilio.sent).toEqual([]);
    expect(followUps(anne).find((f) => f.kind === 'reminder')).toMatchObject({ status: 'pending', last_error: expect.stringContaining('heures calmes') });

    relais.clock.current = paris('2026-11-30T08:55');
    await relais.sms(denise, 'MENU');
    await relais.sms(denise, '1'); // « Trouver un lieu »: a question is waiting for her answer
    relais.clock.current = paris('2026-11-30T09:00');
    expect(await relais.runFollowUps()).toBe(1);
    expect(await relais.runFollowUps()).toBe(0);
    const [reminder, ...others] = sentTo(anne);
    expect(others).toEqual([]);
    expect(reminder).toContain('Débuter avec son smartphone (DÉMO)');
    expect(reminder).toContain('mardi 1 décembre à 14h');
    expect(reminder).toContain('Médiathèque Bonlieu, 1 rue Jean Jaurès, 74000 Annecy');
    expect(reminder).toContain('répondez ANNULER pour libérer votre place');
    expect(sentTo(bernard)).toEqual([]);
    expect(followUps(bernard).find((f) => f.kind === 'reminder')).toMatchObject({ status: 'cancelled', last_error: expect.stringContaining('STOP') });
    expect(sentTo(denise)).toEqual([]);
    expect(followUps(denise).find((f) => f.kind === 'reminder')).toMatchObject({ status: 'pending', last_error: expect.stringContaining('conversation en cours') });

    // Half an hour later, her conversation quiet, Denise gets hers.
    relais.clock.current = paris('2026-11-30T09:31');
    expect(await relais.runFollowUps()).toBe(1);
    expect(sentTo(denise)).toHaveLength(1);
  });

  it('frees the seat on ANNULER and says so; the evaluation of that workshop is cancelled with it', async () => {
    const before = seatsTaken();
    const answer = (await relais.sms(anne, 'ANNULER')).messages.join('\n');
    expect(answer).toContain("votre place à l'atelier Débuter avec son smartphone (DÉMO) est libérée");
    expect(seatsTaken()).toBe(before - 1);
    expect(relais.query('select * from bookings where contact_address = ?', anne)).toEqual([]);
    expect(followUps(anne).map((f) => [f.kind, f.status])).toEqual([
      ['evaluation', 'cancelled'],
      ['reminder', 'answered'],
    ]);
    // A second ANNULER frees nothing more.
    await relais.sms(anne, 'ANNULER');
    expect(seatsTaken()).toBe(before - 1);
  });

  it('lets the commands win over the follow-up: AIDE is a callback request, not an answer', async () => {
    const answer = (await relais.sms(denise, 'AIDE')).messages.join('\n');
    expect(answer).toContain('rappeler');
    expect(relais.query('select * from bookings where contact_address = ?', denise)).toHaveLength(1);
  });

  it('ten weeks after the workshop, asks the cold evaluation; its digits are stored for the figures, without the number', async () => {
    relais.clock.current = paris('2027-02-09T16:30');
    expect(await relais.runFollowUps()).toBe(1); // Denise only: Anne cancelled, Bernard said STOP, Claire erased
    const [question] = sentTo(denise).slice(-1);
    expect(question).toContain("Vous avez suivi l'atelier Débuter avec son smartphone (DÉMO)");
    expect(question).toContain('faites-vous seul ce que vous avez appris ?');
    expect((await relais.sms(denise, '1')).messages.join('\n')).toContain('Utilisez-vous encore');
    expect((await relais.sms(denise, '2')).messages.join('\n')).toContain('Conseilleriez-vous');
    expect((await relais.sms(denise, '1')).messages.join('\n')).toContain('De quoi auriez-vous encore besoin ?');
    expect((await relais.sms(denise, '2')).messages.join('\n')).toContain('Merci beaucoup pour vos réponses');
    expect(relais.query('select kind, subject, question, answer from followup_answers order by id')).toEqual([
      { kind: 'evaluation', subject: 'workshop', question: 'alone', answer: 1 },
      { kind: 'evaluation', subject: 'workshop', question: 'use', answer: 2 },
      { kind: 'evaluation', subject: 'workshop', question: 'recommend', answer: 1 },
      { kind: 'evaluation', subject: 'workshop', question: 'need', answer: 2 },
    ]);
    expect(followUps(denise).find((f) => f.kind === 'evaluation')).toMatchObject({ status: 'answered' });
  });
});
