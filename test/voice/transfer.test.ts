// Reaching a person from the phone: 0 or « un conseiller » at any point puts the caller through to the department's
// platform with a one-line whisper for the agent; outside its hours a callback is offered instead; a transfer
// nobody answers comes back to the flow. Then, after the call, what was heard is sent by SMS (Twilio REST, faked).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/directory/departments.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';
import { expectPhoneFriendly } from '../support/voice-checks.js';

let relais: TestRelais;
let rest: FakeTwilioRest;
let phone = 0;
const nextPhone = () => `+3362200${String(phone++).padStart(4, '0')}`;
// Monday 23 November 2026, 10:00 in Paris: the platform is open.
const MONDAY_10H = Date.UTC(2026, 10, 23, 9, 0);
const clock = new ManualClock(MONDAY_10H);
const callbacks = (from: string) => relais.query('select * from callback_requests where contact_address = ?', from);

beforeAll(async () => {
  rest = await startFakeTwilioRest();
  relais = await startTestRelais({
    clock,
    twilioApi: rest.twilioApi,
    departments: parseDepartments([
      { code: '74', name: 'Haute-Savoie', platformPhone: '04 50 00 00 00', platformHours: 'du lundi au vendredi, de 9 h à 17 h', platformOpeningHours: 'Mo-Fr 09:00-17:00', voiceNumber: '+33450990074' },
    ]),
  });
});
afterAll(async () => {
  await relais.stop();
  await rest.close();
});

describe('a person, now', () => {
  it('puts the caller through on 0, whispering what Relais knows to the agent, and says goodbye after', async () => {
    clock.current = MONDAY_10H;
    const from = nextPhone();
    const call = await relais.call(from);
    await call.press('1');
    await call.press('74000#');
    await call.press('0');
    expect(call.lastHeard()).toContain('Je vous passe une personne du département (Haute-Savoie)');
    expect(call.dials).toHaveLength(1);
    expect(call.dials[0]).toMatchObject({ number: '+33450000000', outcome: 'completed' });
    expect(call.dials[0]!.whisper).toContain('Appel transmis par Relais. Commune : Annecy.');
    expect(call.dials[0]!.whisper).not.toContain('74000'); // the caller's own words are not read to the agent
    expect(call.lastHeard()).toContain('Au revoir');
    expect(call.ended).toBe(true);
    expect(relais.query<{ transfer_status: string }>('select transfer_status from calls where call_sid = ?', call.callSid)[0]?.transfer_status).toBe('answered');
    expect(callbacks(from)).toEqual([]);
    expectPhoneFriendly(call);
  });

  it('understands « un conseiller » said in the middle of a question, on the department called', async () => {
    clock.current = MONDAY_10H;
    const call = await relais.call(nextPhone(), { to: '+33450990074' });
    await call.say('je voudrais un conseiller');
    expect(call.lastHeard()).toContain('Je vous passe une personne');
    expect(call.dials[0]?.number).toBe('+33450000000');
  });

  it('comes back to the flow when nobody answers, and records a callback when asked', async () => {
    clock.current = MONDAY_10H;
    const from = nextPhone();
    const call = await relais.call(from, { to: '+33450990074', dialOutcome: 'no-answer' });
    await call.press('0');
    expect(call.dials[0]).toMatchObject({ outcome: 'no-answer' });
    expect(call.lastHeard()).toContain("Personne n'a pu répondre");
    expect(call.lastHeard()).toContain("Voulez-vous qu'une personne vous rappelle à ce numéro");
    expect(relais.query<{ transfer_status: string }>('select transfer_status from calls where call_sid = ?', call.callSid)[0]?.transfer_status).toBe('no-answer');
    await call.press('1');
    expect(call.lastHeard()).toContain('une personne de Relais vous rappellera');
    expect(call.ended).toBe(true);
    expect(callbacks(from)).toHaveLength(1);
  });

  it('offers a callback instead outside the platform’s hours', async () => {
    clock.current = Date.UTC(2026, 10, 28, 15, 0); // Saturday
    const from = nextPhone();
    const call = await relais.call(from, { to: '+33450990074' });
    await call.press('0');
    expect(call.dials).toEqual([]);
    expect(call.lastHeard()).toContain('Le service du département (Haute-Savoie) est fermé en ce moment. Il répond du lundi au vendredi, de 9 heures à 17 heures.');
    await call.say('oui');
    expect(callbacks(from)).toHaveLength(1);
    expect(call.ended).toBe(true);
  });
});

describe('after the call, by SMS', () => {
  it('sends the places heard to the caller’s mobile', async () => {
    clock.current = MONDAY_10H;
    const from = nextPhone();
    const call = await relais.call(from);
    await call.press('1');
    await call.press('74000#');
    const before = rest.sent.length;
    await call.press('6');
    expect(call.lastHeard()).toContain("C'est envoyé par SMS au zéro six, vingt-deux");
    const sms = rest.sent.slice(before);
    expect(sms).toHaveLength(1);
    expect(sms[0]).toMatchObject({ to: from, from: '+33939000000' });
    expect(sms[0]!.body).toContain("Relais - lieux d'aide pour Annecy");
    expect(sms[0]!.body).toMatch(/1\. .+\n.*74000 Annecy/);
    // Back to what comes next, on the phone.
    expect(call.lastHeard()).toContain('Et maintenant ?');
  });

  it('asks a landline caller for a mobile number, said in words, and sends the steps of a procedure there', async () => {
    clock.current = MONDAY_10H;
    const call = await relais.call('+33450123456');
    await call.say('je dois renouveler ma carte vitale');
    for (let i = 0; i < 8 && !call.lastHeard().includes('recevoir ces étapes par SMS'); i++) await call.press('1');
    // On the phone the steps just heard are best kept by SMS: first, on key 1.
    expect(call.lastHeard()).toContain('Recevoir les étapes par SMS : tapez 1');
    await call.press('1');
    expect(call.lastHeard()).toContain('Ce numéro ne peut pas recevoir de SMS');
    expect(call.lastHeard()).toContain('Quel est votre numéro de portable');
    const before = rest.sent.length;
    await call.say('zéro six douze trente-quatre cinquante-six soixante-dix-huit');
    expect(rest.sent.slice(before)).toHaveLength(1);
    expect(rest.sent.at(-1)).toMatchObject({ to: '+33612345678' });
    expect(rest.sent.at(-1)!.body).toMatch(/^Relais - .*Vitale/);
    expect(rest.sent.at(-1)!.body).toContain('1. ');
    expect(call.lastHeard()).toContain('Que souhaitez-vous');
  });
});
