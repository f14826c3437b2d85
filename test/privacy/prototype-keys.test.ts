// Input that names a property of Object.prototype (« constructor », « __proto__ », « toString ») is ordinary text:
// no lookup keyed by what a person typed, said or pressed may find an inherited property and crash the turn.
import { describe, expect, it } from 'vitest';
import { flowDefinitions } from '../../flows/index.js';
import { channelTexts } from '../../flows/common.js';
import { pickedNumber } from '../../src/engine/nlu/numbers.js';
import { spokenDigits } from '../../src/directory/spoken-numbers.js';
import { metaPayload, postMeta } from '../support/meta.js';
import { newWamid, postTwilio, twilioWhatsApp, VoiceSession } from '../support/post.js';
import { newSid } from '../support/relais.js';
import { relaisWithFakeGraph } from '../support/meta-suite.js';

const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'prototype'];
const TECHNICAL = channelTexts.technicalError.slice(0, 40);
const APP_SECRET = 'prototype-app-secret';
const suite = relaisWithFakeGraph(APP_SECRET);
let n = 0;
const nextPhone = () => `+3361500${String(n++).padStart(4, '0')}`;


describe('prototype keys', () => {
  it('are not numbers, nor digits, in the pure readers', () => {
    for (const word of HOSTILE) {
      expect(pickedNumber(word)).toBeUndefined();
      expect(spokenDigits(word)).toBeUndefined();
      expect(pickedNumber(`le ${word} ${word}`)).toBeUndefined();
    }
    expect(flowDefinitions.length).toBeGreaterThan(0);
  });

  it('pressed or said on the phone, at the menu, are a wrong answer and not a technical problem', async () => {
    for (const word of HOSTILE) {
      const call = new VoiceSession(suite.relais.url, nextPhone());
      await call.start();
      const pressed = await call.press(word);
      expect(pressed.status).toBe(200);
      expect(pressed.body).not.toContain(TECHNICAL);
      expect(pressed.body).toContain('<Gather');
      const said = await call.say(word);
      expect(said.body).not.toContain(TECHNICAL);
    }
  });

  it('by SMS and WhatsApp, at every step reached, are answered kindly', async () => {
    for (const word of HOSTILE) {
      const phone = nextPhone();
      for (const text of ['Bonjour', word, '1', word, '2', word]) {
        const sms = await suite.relais.sms(phone, text);
        expect(sms.status).toBe(200);
        expect(sms.messages.join()).not.toContain(TECHNICAL);
      }
      for (const text of ['Bonjour', word, 'pour moi', word]) {
        const wa = await twilioWhatsApp(suite.relais.url, phone, text, { ButtonPayload: text === word ? word : '' });
        expect(wa.status).toBe(200);
        expect(wa.messages.join()).not.toContain(TECHNICAL);
      }
    }
  });

  it('on Meta WhatsApp, as text, button ids and list ids, are answered kindly', async () => {
    for (const word of HOSTILE) {
      const phone = nextPhone();
      const tap = (kind: 'button_reply' | 'list_reply') => ({ type: 'interactive', interactive: { type: kind, [kind]: { id: word, title: word } } });
      for (const message of [{ type: 'text', text: { body: 'Bonjour' } }, { type: 'text', text: { body: word } }, tap('button_reply'), tap('list_reply'), { type: 'button', button: { payload: word, text: word } }]) {
        const response = await postMeta(suite.relais.url, APP_SECRET, metaPayload(phone.slice(1), { id: newWamid(), ...message }));
        expect(response.status).toBe(200);
      }
      const said = suite.graph.textTo(phone);
      expect(said).toContain('Relais');
      expect(said).not.toContain(TECHNICAL);
    }
  });

  it('as the names of signed form fields, are read as ordinary fields', async () => {
    const from = nextPhone();
    for (const name of HOSTILE) {
      const r = await postTwilio(suite.relais.url, '/twilio/sms', { MessageSid: newSid(), From: from, To: '+33939000000', Body: 'Bonjour', [name]: 'x' });
      expect(r.status).toBe(200);
      expect(r.messages.join()).not.toContain(TECHNICAL);
    }
  });
});
