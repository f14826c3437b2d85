// The phone line end to end, through the TwiML walker over real HTTP and a real SQLite file: signatures, one
// transition per turn whatever Twilio retries, the keypad and speech, the no-input and no-match ladders, spoken
// numbers, confirmation of unsure recognition, « répéter » and « plus lentement », and the end of the call.
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/directory/departments.js';
import { AUTH_TOKEN, PUBLIC_BASE_URL, startTestRelais, type TestRelais } from '../support/relais.js';
import { expectPhoneFriendly } from '../support/voice-checks.js';

let relais: TestRelais;
let phone = 0;
const nextPhone = () => `+3361100${String(phone++).padStart(4, '0')}`;
const versionOf = (from: string) => relais.query<{ version: number }>('select version from conversations where id = ?', `voice:${from}`)[0]?.version;

beforeAll(async () => {
  relais = await startTestRelais({
    departments: parseDepartments([
      { code: '48', name: 'Lozère', platformPhone: '04 66 00 00 00', voiceNumber: '+33466990048', voice: 'Polly.Remi-Neural', speechRatePercent: 80 },
    ]),
  });
});
afterAll(() => relais.stop());

/** Posts a voice webhook signed for `path`, as Twilio would (or with the signature given). */
async function postVoice(path: string, params: Record<string, string>, signature?: string) {
  const sig = signature ?? twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}${path}`, params);
  return fetch(`${relais.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': sig },
    body: new URLSearchParams(params).toString(),
  });
}

describe('signature and idempotency', () => {
  it('refuses a forged or missing signature with 403 and records nothing', async () => {
    const from = nextPhone();
    const params = { CallSid: 'CA0000000000000000000000000000f0rg', From: from, To: '+33939000000' };
    expect((await postVoice('/twilio/voice', params, 'bm90IGEgc2lnbmF0dXJl')).status).toBe(403);
    expect((await postVoice('/twilio/voice/gather?turn=1', { ...params, Digits: '1' }, '')).status).toBe(403);
    expect(relais.query('select * from calls where contact_address = ?', from)).toEqual([]);
    expect(versionOf(from)).toBeUndefined();
  });

  it('answers a retried incoming call and a retried gather the same, with one transition each', async () => {
    const from = nextPhone();
    const call = await relais.call(from);
    const first = call.documents.at(-1)!;
    expect(await call.retryLast()).toBe(first);
    expect(versionOf(from)).toBe(1);
    await call.press('1');
    const answer = call.documents.at(-1)!;
    expect(answer).toContain('code postal');
    expect(await call.retryLast()).toBe(answer);
    expect(await call.retryLast()).toBe(answer);
    expect(versionOf(from)).toBe(2);
    expect(relais.query('select call_sid from calls where contact_address = ?', from)).toHaveLength(1);
  });

  it('answers malformed webhooks with a precise 400', async () => {
    const missing = await postVoice('/twilio/voice', { From: nextPhone(), To: '+33939000000' });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('CallSid');
    const noTurn = await postVoice('/twilio/voice/gather', { CallSid: 'CA00000000000000000000000000000bad', From: nextPhone(), Digits: '1' });
    expect(noTurn.status).toBe(400);
    expect(await noTurn.text()).toContain('turn');
  });
});

describe('a call by keypad alone', () => {
  it('finds the nearest places, hears them with their hours, reads every menu as keys, and hangs up politely', async () => {
    const call = await relais.call(nextPhone());
    expect(call.lastHeard()).toContain('Bonjour, ici Relais');
    expect(call.lastHeard()).toContain('tapez 0 pour parler à une personne');
    expect(call.lastHeard()).toContain("Un lieu d'aide près de chez vous : tapez 1");
    expect(call.gather?.numDigits).toBe(1);
    expect(call.gather?.hints).toEqual(expect.arrayContaining(['lieu', 'france services']));
    await call.press('1');
    expect(call.gather?.finishOnKey ?? '#').toBe('#');
    await call.press('74000#');
    const places = call.lastHeard();
    expect(places).toContain('pour Annecy');
    // Distances in words: « 300 mètres », « 1,5 kilomètre », never « km ».
    expect(places).toMatch(/mètre/);
    expect(places).not.toMatch(/\bkm\b/);
    expect(places).toMatch(/Téléphone : zéro quatre, /);
    expect(places).not.toMatch(/https?:|Carte :/);
    expect(places).toContain('Recevoir ces adresses par SMS : tapez 6');
    await call.press('3');
    expect(call.lastHeard()).toContain('Au revoir');
    expect(call.ended).toBe(true);
    expect(call.documents.at(-1)).toContain('<Hangup/>');
    expectPhoneFriendly(call);
    expect(await call.hangUp()).toBe(204);
    expect(relais.query<{ status: string; duration_seconds: number }>('select status, duration_seconds from calls where call_sid = ?', call.callSid)[0]).toEqual({
      status: 'completed',
      duration_seconds: 95,
    });
  });

  it('says the menu once, and again on the star key', async () => {
    const call = await relais.call(nextPhone());
    const menu = call.gather!.says.map((s) => s.text).join(' ');
    await call.press('*');
    expect(call.lastHeard()).toContain('Bonjour, ici Relais');
    expect(call.gather!.says.map((s) => s.text).join(' ')).toBe(menu);
  });
});

describe('a call by speech alone', () => {
  it('understands a spoken need and a postal code said as words', async () => {
    const call = await relais.call(nextPhone());
    await call.say('je cherche une France Services');
    expect(call.lastHeard()).toContain('code postal');
    await call.say('quarante-huit mille');
    // The national France Services snapshot is embedded: Mende's, for the commune the words named.
    expect(call.lastHeard()).toContain('pour Mende');
    expect(call.lastHeard()).toContain('France services');
    await call.say('chercher dans une autre commune');
    await call.say('sept quatre zéro zéro zéro');
    expect(call.lastHeard()).toContain('pour Annecy');
    await call.say("c'est tout merci");
    expect(call.ended).toBe(true);
    expectPhoneFriendly(call);
  });

  it('confirms what it heard when recognition is unsure, and asks again when it was wrong', async () => {
    const call = await relais.call(nextPhone());
    await call.press('1');
    await call.say('Annecy', 0.3);
    expect(call.lastHeard()).toContain("J'ai compris : Annecy. C'est bien ça ? Oui : tapez 1. Non : tapez 2.");
    await call.say('non');
    expect(call.lastHeard()).toContain('code postal');
    await call.say('Annecy', 0.2);
    await call.say('oui');
    expect(call.lastHeard()).toContain('pour Annecy');
  });

  it('speaks more slowly when asked, and stays slower', async () => {
    const call = await relais.call(nextPhone());
    expect(call.said.at(-1)?.rate).toBe('88%');
    await call.say('plus lentement');
    expect(call.lastHeard()).toContain('Que souhaitez-vous');
    expect(call.said.at(-1)?.rate).toBe('80%');
    await call.press('1');
    expect(call.said.at(-1)?.rate).toBe('80%');
  });

  it('speaks more slowly to a caller who says she hears badly, whether she asks « plus fort » or says it in her request', async () => {
    const louder = await relais.call(nextPhone());
    await louder.say('parlez plus fort');
    expect(louder.lastHeard()).toContain('Que souhaitez-vous');
    expect(louder.said.at(-1)?.rate).toBe('80%');

    const told = await relais.call(nextPhone());
    await told.say("je suis malentendante, je cherche une France Services à Aurillac");
    expect(told.lastHeard()).toContain("près d'Aurillac");
    expect(told.said.at(-1)?.rate).toBe('80%');
    await told.press('2');
    expect(told.said.at(-1)?.rate).toBe('80%');
  });
});

describe('ladders', () => {
  it('after silence: keys only, then a person, then a callback and goodbye: three rungs, never more', async () => {
    const from = nextPhone();
    const call = await relais.call(from);
    await call.silence();
    expect(call.lastHeard()).toContain("Je n'ai pas entendu votre réponse");
    expect(call.lastHeard()).toContain('Tapez seulement le chiffre de votre choix');
    expect(call.lastHeard()).toContain('Un lieu d\'aide près de chez vous : tapez 1');
    await call.silence();
    // The second rung: a person. No department here, so a callback is offered.
    expect(call.lastHeard()).toContain("Voulez-vous qu'une personne vous rappelle");
    await call.silence();
    expect(call.ended).toBe(true);
    expect(call.lastHeard()).toContain('Je ne vous entends plus');
    expect(relais.query('select * from callback_requests where contact_address = ?', from)).toHaveLength(1);
    expectPhoneFriendly(call);
  });

  it('after wrong answers: rephrased, then keys only, then a person', async () => {
    const call = await relais.call(nextPhone());
    await call.press('7');
    expect(call.lastHeard()).toContain('Dites-moi ce que vous cherchez');
    await call.press('8');
    expect(call.lastHeard()).toContain('Tapez seulement le chiffre');
    await call.press('8');
    expect(call.lastHeard()).toContain("Je n'arrive pas à bien vous comprendre");
    expect(call.lastHeard()).toContain("Voulez-vous qu'une personne vous rappelle");
  });
});

describe('department numbers', () => {
  it("greets with the department called, in its own voice and pace", async () => {
    const call = await relais.call(nextPhone(), { to: '+33466990048' });
    expect(call.lastHeard()).toContain('ici Relais, avec Lozère');
    expect(call.said[0]).toMatchObject({ voice: 'Polly.Remi-Neural', rate: '80%' });
    expectPhoneFriendly(call, 'Polly.Remi-Neural');
    expect(relais.query<{ departement: string }>('select departement from calls where call_sid = ?', call.callSid)[0]?.departement).toBe('48');
  });
});

describe('privacy', () => {
  it('helps a caller whose number is withheld, asking for a mobile before any SMS', async () => {
    const call = await relais.call('anonymous');
    expect(call.lastHeard()).toContain('Que souhaitez-vous');
    await call.press('1');
    await call.press('74000#');
    await call.press('6');
    expect(call.lastHeard()).toContain('Quel est votre numéro de portable');
  });

  it('SUPPRIMER said on the phone erases the call and the conversation', async () => {
    const from = nextPhone();
    const call = await relais.call(from);
    await call.say('supprimer');
    expect(call.lastHeard()).toContain('Vos données sont effacées');
    expect(relais.query('select * from calls where contact_address = ?', from)).toEqual([]);
    expect(versionOf(from)).toBeUndefined();
  });
});
