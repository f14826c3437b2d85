// Follow-ups to a person who wrote to a Relais WhatsApp number on Twilio, not on Meta's Cloud API: written back from
// that number through Twilio's Messages API (a loopback fake): free text within 24 hours of their last message, the
// approved Content template outside it (ContentSid, the text as its variable), nothing without one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_VARIABLE_MAX, createTwilioWhatsAppSender } from '../../src/channels/whatsapp/twilio-sender.js';
import { createScheduleRepository } from '../../src/db/schedule-repository.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { twilioWhatsApp } from '../support/post.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';

const paris = (iso: string) => Date.parse(`${iso}+01:00`);
const RELAIS_NUMBER = '+33939000000'; // the number twilioWhatsApp writes to
const SUIVI = `HX${'a1'.repeat(16)}`;

let twilio: FakeTwilioRest;
let relais: TestRelais;

beforeAll(async () => {
  twilio = await startFakeTwilioRest();
  relais = await startTestRelais({
    clock: new ManualClock(paris('2026-12-01T09:00')),
    twilioApi: twilio.twilioApi,
    disableScheduler: true,
    followUps: { twilioWhatsAppTemplates: { suivi: SUIVI } },
  });
});
afterAll(async () => {
  await relais.stop();
  await twilio.close();
});

describe('follow-ups on WhatsApp through Twilio', () => {
  const recent = '+33655540020';
  const silent = '+33655540021';

  it('go from the number the person wrote to: text within 24 hours, the Content template outside, nothing without one', async () => {
    // A week before, places were given on WhatsApp and the check accepted: it is scheduled from the number written to.
    for (const line of ['Bonjour', '1', '1', '74000']) await twilioWhatsApp(relais.url, silent, line);
    expect((await twilioWhatsApp(relais.url, silent, '8')).messages.join('\n')).toContain('dans une semaine, je vous demanderai');
    expect(relais.query('select channel, via from scheduled_messages')).toEqual([{ channel: 'whatsapp', via: RELAIS_NUMBER }]);
    relais.clock.current = paris('2026-12-08T09:30');
    await twilioWhatsApp(relais.url, recent, 'Bonjour');
    await twilioWhatsApp(relais.url, recent, 'MENU'); // back at the menu: a follow-up may come in

    const writer = openSqliteDatabase(relais.databasePath);
    const schedule = createScheduleRepository(writer);
    const at = relais.clock.now();
    const check = (address: string, kind: 'verification' | 'evaluation') =>
      schedule.schedule(
        { idempotencyKey: `${kind}:twa:${address}`, kind, contactAddress: address, channel: 'whatsapp', via: RELAIS_NUMBER, dueAt: at, payload: { subjectKind: 'orientation', subjectId: 'o-21', visitPlace: 'France services de Rumilly', sessionTitle: 'Tablette' } },
        at,
      );
    await check(recent, 'verification');
    await check(silent, 'evaluation'); // no Content template for the evaluation
    writer.close();

    relais.clock.current += 60_000;
    const before = twilio.sent.length;
    expect(await relais.runFollowUps()).toBe(2);
    const sent = twilio.sent.slice(before);
    expect(sent.every((m) => m.from === `whatsapp:${RELAIS_NUMBER}`)).toBe(true);
    const toRecent = sent.find((m) => m.to === `whatsapp:${recent}`)!;
    expect(toRecent.body).toContain('je vous ai indiqué France services de Rumilly');
    expect(toRecent.contentSid).toBeUndefined();
    const toSilent = sent.find((m) => m.to === `whatsapp:${silent}`)!;
    expect(toSilent).toMatchObject({ body: '', contentSid: SUIVI });
    expect(JSON.parse(toSilent.contentVariables!)['1']).toContain('je vous ai indiqué les lieux d’aide pour Annecy. Avez-vous pu y aller ?');
    expect(relais.query("select status, last_error from scheduled_messages where kind = 'evaluation' and contact_address = ?", silent)).toEqual([
      { status: 'failed', last_error: expect.stringContaining('fenêtre WhatsApp de 24 h') },
    ]);

    // The answer comes back through Twilio's webhook and lands in the check.
    const answer = await twilioWhatsApp(relais.url, recent, '1');
    expect(answer.messages.join('\n')).toContain('Merci, c’est une bonne nouvelle');
    expect(relais.query("select status from scheduled_messages where kind = 'verification' and contact_address = ?", recent)).toEqual([{ status: 'answered' }]);
  });

  it('refuses, before Twilio does, a template whose text is longer than a content variable holds', async () => {
    const sender = createTwilioWhatsAppSender(twilio.twilioApi);
    const before = twilio.sent.length;
    const template = (text: string) => ({ type: 'template' as const, template: { name: SUIVI, language: { code: 'fr' }, components: [{ type: 'body' as const, parameters: [{ type: 'text' as const, text }] }] } });
    const refused = await sender.send(RELAIS_NUMBER, recent, template('x'.repeat(CONTENT_VARIABLE_MAX + 1)));
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining('256 characters long') });
    expect(twilio.sent.length).toBe(before);
    expect(await sender.send(RELAIS_NUMBER, recent, template('x'.repeat(CONTENT_VARIABLE_MAX)))).toMatchObject({ ok: true });
  });

  it('is not sent through Meta, nor sent at all, when Twilio is not configured: the reason is kept', async () => {
    const bare = await startTestRelais({ clock: new ManualClock(paris('2026-12-03T10:00')), disableScheduler: true });
    try {
      await twilioWhatsApp(bare.url, recent, 'Bonjour');
      await twilioWhatsApp(bare.url, recent, 'MENU');
      const writer = openSqliteDatabase(bare.databasePath);
      const at = bare.clock.now();
      await createScheduleRepository(writer).schedule(
        { idempotencyKey: `verification:twa:bare`, kind: 'verification', contactAddress: recent, channel: 'whatsapp', via: RELAIS_NUMBER, dueAt: at, payload: { subjectKind: 'orientation', subjectId: 'o-22', visitPlace: 'France services de Rumilly' } },
        at,
      );
      writer.close();
      bare.clock.current += 60_000;
      expect(await bare.runFollowUps()).toBe(0);
      expect(bare.query('select status, last_error from scheduled_messages')).toEqual([{ status: 'failed', last_error: expect.stringContaining('aucun moyen d’envoi') }]);
    } finally {
      await bare.stop();
    }
  });
});
