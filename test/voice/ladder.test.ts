// The reprompt ladders on the phone: a right answer never climbs them (« 1 » through a procedure, then its SMS
// sent), fillers (« euh », « allô ») are no answer, and a silent or mumbling line is let go in three rungs at most.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { expectPhoneFriendly } from '../support/voice-checks.js';

let relais: TestRelais;
let rest: FakeTwilioRest;
let phone = 0;
const nextPhone = () => `+3367700${String(phone++).padStart(4, '0')}`;
const callbacks = (from: string) => relais.query('select * from callback_requests where contact_address = ?', from);
const climbed = /seulement le chiffre|n'arrive pas à bien vous comprendre|qu'une personne vous rappelle/i;

beforeAll(async () => {
  rest = await startFakeTwilioRest();
  relais = await startTestRelais({ twilioApi: rest.twilioApi });
});
afterAll(async () => {
  await relais.stop();
  await rest.close();
});

describe('right answers on the phone', () => {
  it('follows a procedure with « 1 » to its end without climbing, and « 1 » then sends its steps by SMS', async () => {
    const from = nextPhone();
    const call = await relais.call(from);
    await call.press('2');
    await call.say('déclarer mes revenus');
    expect(call.lastHeard()).toContain('Étape 1 sur 5');
    for (let step = 2; step <= 5; step++) {
      await call.press('1');
      expect(call.lastHeard()).toContain(`Étape ${step} sur 5`);
      expect(call.lastHeard()).not.toMatch(climbed);
    }
    expect(call.lastHeard()).toContain('Recevoir les étapes par SMS : tapez 1');
    await call.press('1');
    expect(call.lastHeard()).toContain("C'est envoyé par SMS");
    expect(call.ended).toBe(false);
    expect(rest.sent.filter((s) => s.to === from)).toHaveLength(1);
    expect(rest.sent.find((s) => s.to === from)!.body).toMatch(/^Relais - .*revenus/);
    expect(callbacks(from)).toEqual([]);
    expectPhoneFriendly(call);
  });
});

describe('fillers are no answer', () => {
  it('never asks « J\'ai compris : euh », and lets a mumbling caller go in three rungs', async () => {
    const from = nextPhone();
    const call = await relais.call(from);
    await call.say('euh', 0.3);
    expect(call.lastHeard()).not.toContain("J'ai compris");
    expect(call.lastHeard()).toContain("Je n'ai pas entendu votre réponse");
    expect(call.lastHeard()).toContain('Tapez seulement le chiffre');
    await call.say('allô ? allô', 0.2);
    expect(call.lastHeard()).toContain("Voulez-vous qu'une personne vous rappelle");
    await call.say('hum', 0.3);
    expect(call.ended).toBe(true);
    expect(callbacks(from)).toHaveLength(1);
  });

  it('hears the answer around the fillers: « euh… ben Annecy » is Annecy', async () => {
    const call = await relais.call(nextPhone());
    await call.press('1');
    await call.say('euh… ben Annecy');
    expect(call.lastHeard()).toContain('pour Annecy');
  });

  it('starts the silence ladder over once the caller answers', async () => {
    const call = await relais.call(nextPhone());
    await call.silence();
    expect(call.lastHeard()).toContain('Tapez seulement le chiffre');
    await call.press('1');
    await call.silence();
    // Not the second rung (a person): the ladder started again at the new question.
    expect(call.lastHeard()).toContain('Tapez les 5 chiffres de votre code postal');
    expect(call.lastHeard()).not.toContain('rappelle');
  });
});
