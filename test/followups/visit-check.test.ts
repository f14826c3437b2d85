// The 7-day check « Avez-vous pu y aller ? » after places were given, by SMS (answered « 2 »: other places; « 3 »: a
// callback), with the orientations' hook called; and on WhatsApp through Meta's Graph API (a loopback fake): free
// text inside the 24-hour window, the approved template outside it, nothing without a template.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScheduleRepository } from '../../src/db/schedule-repository.js';
import type { VisitAnswer, VisitSubject } from '../../src/followups/services.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { metaPayload, postMeta } from '../support/meta.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';

const paris = (iso: string) => Date.parse(`${iso}+01:00`);
const APP_SECRET = 'visit-check-app-secret';
const DAY = 86_400_000;

let twilio: FakeTwilioRest;
let graph: FakeGraph;
let relais: TestRelais;
const hookCalls: { subject: VisitSubject; answer: VisitAnswer }[] = [];

beforeAll(async () => {
  twilio = await startFakeTwilioRest();
  graph = await startFakeGraph();
  relais = await startTestRelais({
    clock: new ManualClock(paris('2026-11-23T10:00')),
    twilioApi: twilio.twilioApi,
    meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: graph.baseUrl },
    disableScheduler: true,
    followUps: {
      metaTemplates: { suivi: 'suivi_visite' },
      onVisitAnswer: async (subject, answer) => void hookCalls.push({ subject, answer }),
    },
  });
});
afterAll(async () => {
  await relais.stop();
  await twilio.close();
  await graph.close();
});

const lastSmsTo = (address: string) => twilio.sent.filter((s) => s.to === address).at(-1)?.body ?? '';

describe('the 7-day check after places were given, by SMS', () => {
  const odile = '+33655540001';
  const paul = '+33655540002';

  it('is asked a week later; « 2 » gives the next places, « 3 » a callback; the answers are counted and the hook told', async () => {
    for (const person of [odile, paul]) {
      for (const line of ['Bonjour', '1', '74000']) await relais.sms(person, line);
      expect((await relais.sms(person, '8')).messages.join('\n')).toContain('dans une semaine, je vous demanderai si vous avez pu y aller');
    }
    relais.clock.current += 6 * DAY;
    expect(await relais.runFollowUps()).toBe(0);
    relais.clock.current += DAY;
    expect(await relais.runFollowUps()).toBe(2);
    expect(lastSmsTo(odile)).toContain("Il y a une semaine, je vous ai indiqué les lieux d'aide pour Annecy. Avez-vous pu y aller ?");
    expect(lastSmsTo(odile)).toContain("3 - J'ai besoin d'aide");

    const next = (await relais.sms(odile, '2')).messages.join('\n');
    expect(next).toContain("D'accord. Voici d'autres lieux près de chez vous");
    expect(next).toMatch(/km/);
    const help = (await relais.sms(paul, '3')).messages.join('\n');
    expect(help).toContain('une personne de Relais va vous rappeler');
    expect(relais.query('select contact_address from callback_requests')).toEqual([{ contact_address: paul }]);

    expect(relais.query('select kind, subject, question, answer from followup_answers order by id')).toEqual([
      { kind: 'verification', subject: 'places', question: 'visited', answer: 2 },
      { kind: 'verification', subject: 'places', question: 'visited', answer: 3 },
    ]);
    expect(hookCalls.map((c) => [c.subject.kind, c.answer])).toEqual([
      ['places', 'no'],
      ['places', 'help'],
    ]);
    expect(relais.query("select status from scheduled_messages where kind = 'verification'")).toEqual([{ status: 'answered' }, { status: 'answered' }]);
  });
});

describe('the 7-day check on WhatsApp (Meta)', () => {
  const recent = '33655540010';
  const silent = '33655540011';
  const meta = (from: string, text: string) => postMeta(relais.url, APP_SECRET, metaPayload(from, { id: `wamid.${from}.${relais.clock.now()}`, type: 'text', text: { body: text } }, 'PNID1'));

  it('goes as free text within 24 hours of the last message, as the template outside, and not at all without one', async () => {
    relais.clock.current = paris('2026-12-01T09:00');
    await meta(silent, 'Bonjour');
    relais.clock.current = paris('2026-12-03T09:00');
    await meta(recent, 'Bonjour');
    const writer = openSqliteDatabase(relais.databasePath);
    const schedule = createScheduleRepository(writer);
    const at = relais.clock.now();
    const check = (address: string, kind: 'verification' | 'evaluation') =>
      schedule.schedule(
        { idempotencyKey: `${kind}:wa:${address}`, kind, contactAddress: `+${address}`, channel: 'whatsapp', via: 'PNID1', dueAt: at, payload: { subjectKind: 'orientation', subjectId: 'o-17', visitPlace: 'France services de Rumilly', sessionTitle: 'Tablette' } },
        at,
      );
    await check(recent, 'verification');
    await check(silent, 'verification');
    await check(silent, 'evaluation');
    writer.close();
    relais.clock.current += 60_000;
    const before = graph.sent.length;
    // The one who just wrote is in the middle of a conversation (« C'est pour vous ou pour un proche ? »): it waits.
    expect(await relais.runFollowUps()).toBe(1);
    expect(relais.query('select last_error from scheduled_messages where contact_address = ?', `+${recent}`)).toEqual([{ last_error: expect.stringContaining('conversation en cours') }]);
    relais.clock.current += 31 * 60_000;
    expect(await relais.runFollowUps()).toBe(1);
    const sent = graph.sent.slice(before);
    const toRecent = sent.find((s) => s.to === recent)!.body;
    expect(toRecent).toMatchObject({ type: 'text', text: { body: expect.stringContaining('je vous ai indiqué France services de Rumilly') } });
    const toSilent = sent.find((s) => s.to === silent)!.body;
    expect(toSilent).toMatchObject({ type: 'template', template: { name: 'suivi_visite' } });
    expect(JSON.stringify(toSilent)).toContain('Avez-vous pu y aller ?');
    expect(relais.query("select status, last_error from scheduled_messages where kind = 'evaluation' and contact_address = ?", `+${silent}`)).toEqual([
      { status: 'failed', last_error: expect.stringContaining('fenêtre WhatsApp de 24 h') },
    ]);

    // The answer comes back through the webhook and lands in the check: « 1 », and the orientation is told.
    await meta(recent, '1');
    expect(graph.textTo(recent)).toContain("Merci, c’est une bonne nouvelle");
    expect(hookCalls.at(-1)).toEqual({ subject: { kind: 'orientation', id: 'o-17' }, answer: 'yes' });
  });
});
