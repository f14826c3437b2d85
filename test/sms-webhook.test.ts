// The SMS webhook end to end: signatures, idempotency, concurrency, opt-out, erasure, flow edits, bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accueil } from '../flows/accueil.js';
import { parseDepartments } from '../src/directory/departments.js';
import { AUTH_TOKEN, newSid, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from './support/relais.js';
import twilio from 'twilio';

let relais: TestRelais;
let phone = 0;
const nextPhone = () => `+3370000${String(phone++).padStart(4, '0')}`;
const count = (table: string, from: string) =>
  relais.query<{ n: number }>(`select count(*) as n from ${table} where contact_address = ?`, from)[0]!.n;

beforeAll(async () => {
  relais = await startTestRelais();
});
afterAll(() => relais.stop());

describe('signature', () => {
  it('refuses a forged signature with 403 and changes nothing', async () => {
    const from = nextPhone();
    const forged = await relais.sms(from, 'Bonjour', { signature: 'bm90IGEgc2lnbmF0dXJl' });
    expect(forged.status).toBe(403);
    const otherToken = await relais.sms(from, 'Bonjour', { token: 'another-account-token' });
    expect(otherToken.status).toBe(403);
    expect(count('messages', from)).toBe(0);
    expect(count('conversations', from)).toBe(0);
  });

  it('refuses a missing signature with 403', async () => {
    const from = nextPhone();
    expect((await relais.sms(from, 'Bonjour', { signature: null })).status).toBe(403);
    expect(count('messages', from)).toBe(0);
  });

  it('refuses a body changed after signing', async () => {
    const from = nextPhone();
    const params = { MessageSid: newSid(), From: from, To: '+33939000000', Body: 'Bonjour' };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/twilio/sms`, params);
    const response = await fetch(`${relais.url}/twilio/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams({ ...params, Body: 'SUPPRIMER' }).toString(),
    });
    expect(response.status).toBe(403);
  });

  it('accepts a request signed by the twilio package for the public URL, whatever Host the proxy sent', async () => {
    const reply = await relais.sms(nextPhone(), 'Bonjour');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><Response>/);
  });

  it('refuses every webhook when no auth token is configured, but still serves /health', async () => {
    const open = await startTestRelais({ twilioAuthToken: null });
    try {
      expect((await open.sms(nextPhone(), 'Bonjour')).status).toBe(403);
      expect((await open.sms(nextPhone(), 'Bonjour', { signature: null })).status).toBe(403);
      const health = await fetch(`${open.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', twilioWebhooks: expect.stringContaining('refused') });
    } finally {
      await open.stop();
    }
  });
});

describe('idempotency and concurrency', () => {
  it('answers a webhook redelivered three times the same way, with one transition', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    const messageSid = newSid();
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await relais.sms(from, '1', { messageSid }));
    expect(new Set(replies.map((r) => r.body)).size).toBe(1);
    expect(replies[0]!.messages.join()).toContain('code postal');
    const [row] = relais.query<{ version: number; snapshot: string }>('select version, snapshot from conversations where contact_address = ?', from);
    expect(row!.version).toBe(2);
    expect(JSON.parse(row!.snapshot).stepId).toBe('locate');
    expect(relais.query<{ n: number }>("select count(*) as n from messages where contact_address = ? and direction = 'in'", from)[0]!.n).toBe(2);
  });

  it('redeliveries racing each other still make one transition', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    const messageSid = newSid();
    const replies = await Promise.all([1, 2, 3].map(() => relais.sms(from, '2', { messageSid })));
    expect(new Set(replies.map((r) => r.body)).size).toBe(1);
    expect(relais.query<{ version: number }>('select version from conversations where contact_address = ?', from)[0]!.version).toBe(2);
  });

  it('loses no update when ten messages from one number arrive together', async () => {
    const from = nextPhone();
    const replies = await Promise.all(Array.from({ length: 10 }, (_, i) => relais.sms(from, i % 2 ? 'menu' : 'bonjour')));
    expect(replies.every((r) => r.status === 200 && r.messages.length > 0)).toBe(true);
    const [row] = relais.query<{ version: number; snapshot: string }>('select version, snapshot from conversations where contact_address = ?', from);
    expect(row!.version).toBe(10);
    expect(JSON.parse(row!.snapshot).turn).toBe(10);
    expect(relais.query<{ n: number }>("select count(*) as n from messages where contact_address = ? and direction = 'in'", from)[0]!.n).toBe(10);
  });
});

describe('opt-out and erasure', () => {
  it('honours STOP: confirmed once, then silence, recorded; START opts back in', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    const stop = await relais.sms(from, 'STOP');
    expect(stop.messages.join()).toContain('START');
    expect(relais.query('select * from opt_outs where address = ?', from)).toHaveLength(1);
    expect((await relais.sms(from, 'Bonjour')).messages).toEqual([]);
    expect((await relais.sms(from, 'AIDE')).messages).toEqual([]);
    expect(count('callback_requests', from)).toBe(0);
    const start = await relais.sms(from, 'START');
    expect(start.messages.join()).toContain('Que souhaitez-vous');
    expect(relais.query('select * from opt_outs where address = ?', from)).toHaveLength(0);
  });

  it('SUPPRIMER erases the contact, says so, and the next message starts afresh', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    await relais.sms(from, 'AIDE');
    expect(count('callback_requests', from)).toBe(1);
    const erase = await relais.sms(from, 'Supprimer');
    expect(erase.messages.join()).toContain('effacées');
    for (const table of ['messages', 'conversations', 'callback_requests']) expect(count(table, from)).toBe(0);
    expect(relais.query('select * from contacts where address = ?', from)).toHaveLength(0);
    // The erasure's own reply stays for redeliveries, without the number.
    expect(relais.query<{ n: number }>('select count(*) as n from processed_webhooks where contact_address = ?', from)[0]!.n).toBe(0);
    expect(relais.query<{ n: number }>("select count(*) as n from processed_webhooks where contact_address = 'erased'")[0]!.n).toBeGreaterThanOrEqual(1);
    expect((await relais.sms(from, 'Bonjour')).messages.join()).toContain('ici Relais');
  });

  it('AIDE records a callback request with the conversation context', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    await relais.sms(from, '1');
    await relais.sms(from, 'aide');
    const [request] = relais.query<{ step_id: string; status: string; channel: string }>('select * from callback_requests where contact_address = ?', from);
    expect(request).toMatchObject({ step_id: 'locate', status: 'open', channel: 'sms' });
  });
});

describe('white zones', () => {
  it('records an anonymous white-zone signal with the turn, kept after SUPPRIMER', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    await relais.sms(from, '1');
    // Every mainland commune now has a France Services within 25 km: the white zone is in the Guyanese forest.
    const reply = await relais.sms(from, '97370');
    expect(reply.messages.join()).toContain('à moins de 25 km de Maripasoula');
    const before = relais.query<{ name: string; commune: string; departement: string; channel: string }>("select * from signals where commune = 'Maripasoula'");
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ name: 'white-zone', departement: '973', channel: 'sms' });
    expect(JSON.stringify(before[0])).not.toContain(from);
    await relais.sms(from, 'SUPPRIMER');
    expect(relais.query("select * from signals where commune = 'Maripasoula'")).toHaveLength(1);
  });
});

describe('department settings', () => {
  it("offer the department's platform and home help in a white zone, with its own radius", async () => {
    const departments = parseDepartments([
      { code: '973', name: 'Guyane (test)', platformPhone: '05 94 00 00 00', platformHours: 'du lundi au vendredi, 9 h - 17 h', homeHelpName: 'CLIC de test', homeHelpPhone: '05 94 00 00 01', whiteZoneRadiusKm: 40 },
    ]);
    const configured = await startTestRelais({ departments });
    try {
      const from = nextPhone();
      await configured.sms(from, 'Bonjour');
      await configured.sms(from, '1');
      const reply = (await configured.sms(from, '97370')).messages.join('\n');
      expect(reply).toContain('à moins de 40 km de Maripasoula');
      expect(reply).toContain('Le département (Guyane (test)) vous répond au 05 94 00 00 00, du lundi au vendredi, 9 h - 17 h.');
      expect(reply).toContain('Aide à domicile : CLIC de test, 05 94 00 00 01.');
    } finally {
      await configured.stop();
    }
  });

  it('are refused with a precise message when a number or a code is wrong', () => {
    expect(() => parseDepartments([{ code: '480', name: 'X' }])).toThrow(/\[0\]\.code: an INSEE department code/);
    expect(() => parseDepartments([{ code: '48', name: 'Lozère', platformPhone: '12' }])).toThrow(/platformPhone: a French number/);
  });
});

describe('session expiry', () => {
  it('gives the places again days later, on request', async () => {
    const from = nextPhone();
    for (const line of ['Bonjour', '1', '74000']) await relais.sms(from, line);
    relais.clock.advanceHours(72);
    expect((await relais.sms(from, 'Bonjour')).messages.join()).toContain('on reprend');
    const again = (await relais.sms(from, 'renvoyez les adresses')).messages.join('\n');
    expect(again).toContain('Les lieux les plus proches, pour Annecy');
    expect(again).toMatch(/Tél : 0\d/);
  });

  it('greets a person back after 24 hours of silence instead of misreading their message', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    await relais.sms(from, '1');
    relais.clock.advanceHours(30);
    const back = await relais.sms(from, '2');
    expect(back.messages.join()).toContain('on reprend');
    expect(back.messages.join()).toContain('code postal');
  });
});

describe('a flow edited under an in-flight session', () => {
  it('continues when the current step is unchanged, and goes to the menu when it changed', async () => {
    const first = await startTestRelais();
    const databasePath = first.databasePath;
    const unchanged = nextPhone();
    const changed = nextPhone();
    for (const from of [unchanged, changed]) {
      await first.sms(from, 'Bonjour');
      await first.sms(from, '1');
    }
    await first.sms(changed, '74000'); // now at after_places_sms (by SMS, the list ends with the offer to tell the place)
    await first.close();

    const edited = structuredClone(accueil);
    (edited.steps['after_places_sms'] as { text: string }).text = 'Que faisons-nous maintenant ?';
    const second = await startTestRelais({ databasePath, flowDefinitions: [edited] });
    try {
      const kept = await second.sms(unchanged, '74000');
      expect(kept.messages.join()).toContain('pour Annecy');
      const moved = await second.sms(changed, '1');
      expect(moved.messages.join()).toContain('mis à jour');
      expect(moved.messages.join()).toContain('Que souhaitez-vous');
    } finally {
      await second.stop();
    }
  });
});

describe('bad input gets a kind French answer, never a 500', () => {
  const cases: [string, string][] = [
    ['an empty body', ''],
    ['a 1,600-character message', 'a'.repeat(1600)],
    ['emoji', '👍😀🙏'],
    ['control characters', '\u0000\u0007\u001b[31m\u0008'],
    ['SQL-looking text', "'); DROP TABLE conversations; --"],
  ];
  it.each(cases)('%s', async (_, body) => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    const reply = await relais.sms(from, body);
    expect(reply.status).toBe(200);
    expect(reply.messages.length).toBeGreaterThan(0);
    expect(reply.messages.join()).toMatch(/Dites-moi|chiffre|Que souhaitez-vous/);
    expect(relais.query<{ n: number }>('select count(*) as n from conversations where contact_address = ?', from)[0]!.n).toBe(1);
  });

  it('a postal code that does not exist', async () => {
    const from = nextPhone();
    await relais.sms(from, 'Bonjour');
    await relais.sms(from, '1');
    const reply = await relais.sms(from, '99999');
    expect(reply.status).toBe(200);
    expect(reply.messages.join()).toContain('Je ne trouve pas la commune "99999"');
  });

  it('answers a precise 400 to a signed webhook without a MessageSid', async () => {
    const params = { From: nextPhone(), Body: 'Bonjour' };
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/twilio/sms`, params);
    const response = await fetch(`${relais.url}/twilio/sms`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('MessageSid');
  });

  it('keeps every SMS within 3 segments, in GSM-7 unless UCS-2 costs no more', async () => {
    const from = nextPhone();
    for (const line of ['Bonjour', '1', '74000', '2', '2', 'oui', '73100']) {
      const reply = await relais.sms(from, line);
      for (const message of reply.messages) {
        // Letters GSM-7 lacks only where they cost nothing: a message short enough for one UCS-2 segment.
        if (/[^\n -~£¥èéùìòÇØøÅåÄÖÑÜäöñüàÉ§¿¡€]/.test(message)) expect(message.length, message).toBeLessThanOrEqual(70);
        expect(message).not.toMatch(/https?:\/\//); // no links by SMS
        expect(message.length).toBeLessThanOrEqual(459); // 3 segments at most
      }
    }
    const logged = relais.query<{ segments: number | null }>("select segments from messages where contact_address = ? and direction = 'out'", from);
    expect(logged.length).toBeGreaterThan(0);
    // A reply sent inside the SMS of the one before it costs nothing more: the log adds up to what was sent.
    expect(logged.every((m) => m.segments !== null && m.segments >= 0)).toBe(true);
    expect(logged.some((m) => m.segments! >= 1)).toBe(true);
  });
});
