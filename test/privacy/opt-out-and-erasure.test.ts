// STOP belongs to the number, whatever channel it was said on; SUPPRIMER works whatever was said before, on every
// channel, and is confirmed once, even to a number that said STOP (the answer to an erasure asked for is not marketing).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../../flows/common.js';
import { startFakeGraph, type FakeGraph } from '../support/fake-graph.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { metaText, twilioWhatsApp, VoiceSession } from '../support/post.js';
import { newSid, startTestRelais, type TestRelais } from '../support/relais.js';

const APP_SECRET = 'opt-out-app-secret';
const ERASED = texts.erase.slice(0, 30);
let relais: TestRelais;
let graph: FakeGraph;
let rest: FakeTwilioRest;
let n = 0;
const nextPhone = () => `+3367100${String(n++).padStart(4, '0')}`;
const rows = (table: string, column: string, value: string) => relais.query(`select * from ${table} where ${column} = ?`, value).length;
const meta = (from: string, text: string, id?: string) => metaText(relais.url, APP_SECRET, from, text, id);

beforeAll(async () => {
  graph = await startFakeGraph();
  rest = await startFakeTwilioRest();
  relais = await startTestRelais({
    meta: { appSecret: APP_SECRET, verifyToken: 'v', accessToken: 'graph-token', apiBaseUrl: graph.baseUrl },
    twilioApi: rest.twilioApi,
  });
});
afterAll(async () => {
  await relais.stop();
  await graph.close();
  await rest.close();
});

describe('STOP said on one channel holds on every channel', () => {
  it('said on the phone: the next SMS, Twilio WhatsApp and Meta WhatsApp messages get nothing; START by SMS opts back in everywhere', async () => {
    const phone = nextPhone();
    const call = new VoiceSession(relais.url, phone);
    await call.start();
    expect((await call.say('stop')).body).toContain('Relais ne vous enverra plus');
    expect(rows('opt_outs', 'address', phone)).toBe(1);

    expect((await relais.sms(phone, 'Bonjour')).messages).toEqual([]);
    expect((await twilioWhatsApp(relais.url, phone, 'Bonjour')).messages).toEqual([]);
    expect((await meta(phone, 'Bonjour')).status).toBe(200);
    expect(graph.textTo(phone)).toBe('[]');

    const back = await relais.sms(phone, 'START');
    expect(back.messages.join()).toContain(texts.optIn);
    expect(rows('opt_outs', 'address', phone)).toBe(0);
    expect((await twilioWhatsApp(relais.url, phone, 'Bonjour')).messages.length).toBeGreaterThan(0);
    await meta(phone, 'Bonjour');
    expect(graph.textTo(phone)).not.toBe('[]');
  });

  it('said on WhatsApp: SMS stays silent, and a relative is never written to by SMS', async () => {
    const phone = nextPhone();
    await twilioWhatsApp(relais.url, phone, 'Bonjour');
    expect((await twilioWhatsApp(relais.url, phone, 'STOP')).messages.join()).toContain('Relais ne vous enverra plus');
    expect((await relais.sms(phone, 'Bonjour')).messages).toEqual([]);
    expect((await relais.sms(phone, 'menu')).messages).toEqual([]);
  });

  it('said by SMS: a Meta WhatsApp message from the number is not answered', async () => {
    const phone = nextPhone();
    await relais.sms(phone, 'STOP');
    await meta(phone, 'Bonjour, je cherche une France Services');
    expect(graph.textTo(phone)).toBe('[]');
  });
});

describe('SUPPRIMER after STOP', () => {
  const erasedEverywhere = (phone: string) => {
    for (const [table, column] of [
      ['messages', 'contact_address'],
      ['conversations', 'contact_address'],
      ['contacts', 'address'],
      ['processed_webhooks', 'contact_address'],
      ['callback_requests', 'contact_address'],
      ['calls', 'contact_address'],
    ] as const) {
      expect(rows(table, column, phone), `${table} for ${phone}`).toBe(0);
    }
  };

  it('by SMS: erases and confirms once; the opt-out stays', async () => {
    const phone = nextPhone();
    await relais.sms(phone, 'Bonjour');
    await relais.sms(phone, 'AIDE');
    await relais.sms(phone, 'STOP');
    const sid = newSid();
    const erased = await relais.sms(phone, 'SUPPRIMER', { messageSid: sid });
    expect(erased.messages.join()).toContain(ERASED);
    erasedEverywhere(phone);
    expect(rows('opt_outs', 'address', phone)).toBe(1);
    // Twilio redelivers: the same answer, nothing stored again, and the number still nowhere.
    expect((await relais.sms(phone, 'SUPPRIMER', { messageSid: sid })).messages).toEqual(erased.messages);
    erasedEverywhere(phone);
    // Silence afterwards: the number is still opted out.
    expect((await relais.sms(phone, 'Bonjour')).messages).toEqual([]);
  });

  it('by Twilio WhatsApp, after STOP said by SMS', async () => {
    const phone = nextPhone();
    await twilioWhatsApp(relais.url, phone, 'Bonjour');
    await relais.sms(phone, 'STOP');
    expect((await twilioWhatsApp(relais.url, phone, 'supprimer')).messages.join()).toContain(ERASED);
    erasedEverywhere(phone);
  });

  it('by Meta WhatsApp: the confirmation is sent once, through the Graph API', async () => {
    const phone = nextPhone();
    await meta(phone, 'Bonjour');
    await meta(phone, 'STOP');
    const before = graph.sent.length;
    const id = `wamid.erase${phone}`;
    await meta(phone, 'SUPPRIMER', id);
    await meta(phone, 'SUPPRIMER', id); // Meta redelivers
    const sent = graph.sent.slice(before).filter((s) => s.to === phone.slice(1));
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]!.body)).toContain(ERASED);
    erasedEverywhere(phone);
  });

  it('on the phone, after STOP said by SMS', async () => {
    const phone = nextPhone();
    await relais.sms(phone, 'Bonjour');
    await relais.sms(phone, 'STOP');
    const call = new VoiceSession(relais.url, phone);
    await call.start();
    expect((await call.say('supprimer')).body).toContain(ERASED.slice(0, 20));
    erasedEverywhere(phone);
  });
});

describe('a provider id reused by another number', () => {
  it("is a new delivery: never the first number's answer", async () => {
    const first = nextPhone();
    const second = nextPhone();
    const sid = newSid();
    await relais.sms(first, 'Bonjour');
    const firstAnswer = await relais.sms(first, '1', { messageSid: sid });
    const secondAnswer = await relais.sms(second, 'Bonjour', { messageSid: sid });
    expect(secondAnswer.messages.join()).toContain('ici Relais');
    expect(secondAnswer.messages).not.toEqual(firstAnswer.messages);
    expect(rows('conversations', 'contact_address', second)).toBe(1);
    // On Meta too: the same wamid from two numbers is answered to each.
    const id = `wamid.shared${first}`;
    await meta(first, 'Bonjour', id);
    await meta(second, 'Bonjour', id);
    expect(graph.textTo(first)).toContain('Relais');
    expect(graph.textTo(second)).toContain('Relais');
  });
});
