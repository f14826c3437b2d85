// Relay mode on WhatsApp, end to end: a home-help worker writes from her registered number through Twilio's WhatsApp
// webhook (requests signed with the `twilio` library), orients a person in four exchanges, gets the sheet's link; the
// place accepts through its link and she is told by SMS on her mobile; a week later, the person having given no
// number, she is asked « La personne … a-t-elle pu y aller ? » and her answer settles the orientation, in her name.
import twilio from 'twilio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { AUTH_TOKEN, newSid, parseMessages, PUBLIC_BASE_URL, type TestRelais } from '../support/relais.js';
import { textOf, WebClient } from '../support/workspace.js';
import { placeAnswers, RELAY_LABEL, RELAY_PHONE, startWithRelay } from './support.js';

const DAY = 86_400_000;
const RELAY = RELAY_PHONE;

let relais: TestRelais;
let rest: FakeTwilioRest;

beforeAll(async () => {
  ({ relais, rest } = await startWithRelay());
});
afterAll(async () => {
  await relais?.stop();
  await rest?.close();
});

/** A message from the relay's WhatsApp, as Twilio posts it (signed). */
async function whatsApp(body: string): Promise<string> {
  const params = { MessageSid: newSid(), AccountSid: 'AC00000000000000000000000000000000', From: `whatsapp:${RELAY}`, To: 'whatsapp:+33939000000', Body: body, NumMedia: '0' };
  const response = await fetch(`${relais.url}/twilio/whatsapp`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Twilio-Signature': twilio.getExpectedTwilioSignature(AUTH_TOKEN, `${PUBLIC_BASE_URL}/twilio/whatsapp`, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  expect(response.status).toBe(200);
  return parseMessages(await response.text()).join('\n');
}

const lastSmsTo = (address: string) => rest.sent.filter((s) => s.to === address).at(-1)?.body ?? '';

describe('relay mode from a relay’s WhatsApp number', { timeout: 60_000 }, () => {
  it('orients a person in four exchanges, is told of the answer, and answers the 7-day check in her name', async () => {
    const replies = [];
    for (const line of ['Une dame à Annecy a perdu sa carte vitale, elle ne conduit pas', '1', '1']) replies.push(await whatsApp(line));
    expect(replies[0]).toContain('Carte Vitale perdue');
    expect(replies[0]).toContain('se déplace difficilement');
    expect(replies[0]).toContain('Quel lieu prévenir ?');
    expect(replies[1]).toContain("La personne est-elle d'accord pour que ce lieu soit prévenu ?");
    expect(replies[2]).toMatch(/C'est envoyé à .+\. Nous vous écrirons sa réponse\.\nFiche à imprimer : https:\/\/relais\.example\.fr\/fiche\/[\w-]{40,}/);
    // The relay is not mistaken for a relative writing for a parent (WhatsApp's first question).
    expect(replies.join('\n')).not.toContain('pour un proche');

    const [orientation] = relais.query<Record<string, unknown>>('select * from orientations');
    expect(orientation).toMatchObject({
      departement: '74',
      sender_kind: 'relay',
      sender_address: RELAY,
      consent_by: 'relais@saad-lac.fr',
      consent_how: 'whatsapp',
      person_contact: null,
      procedure_id: 'carte-vitale-perdue',
      constraints: JSON.stringify(['mobility']),
    });
    const id = String(orientation!['id']);
    const place = String(orientation!['place_name']);
    expect(relais.query('select id from conversations where id = ?', `whatsapp:${RELAY}`)).toHaveLength(1);

    // The person gave no number: the 7-day check will ask the relay, on her registered mobile; no evaluation (her opinion only counts).
    expect(relais.query("select kind, contact_address, channel, json_extract(payload, '$.askedOf') as asked from scheduled_messages")).toEqual([
      { kind: 'verification', contact_address: RELAY, channel: 'sms', asked: 'relay' },
    ]);

    // The place accepts through its link: the relay is told by SMS on her mobile.
    const agent = new WebClient(relais.url);
    await agent.signIn('agent@haute-savoie.fr');
    await placeAnswers(relais, agent, id, { decision: 'accepter', openingHours: 'oui' });
    expect(lastSmsTo(RELAY)).toContain(`${place} a accepté l'orientation. Rendez-vous : passez aux heures d'ouverture.`);

    relais.clock.current += 7 * DAY;
    expect(await relais.runFollowUps()).toBe(1);
    expect(lastSmsTo(RELAY)).toContain(`La personne que vous avez orientée vers ${place} a-t-elle pu y aller ?`);
    const told = rest.sent.length;
    const answered = (await relais.sms(RELAY, '1')).messages.join('\n');
    expect(answered).toContain(`elle a pu aller à ${place}`);
    expect(relais.query('select status from orientations where id = ?', id)).toEqual([{ status: 'honorée' }]);
    expect(relais.query("select author from orientation_events where orientation_id = ? and to_status = 'honorée'", id)).toEqual([
      { author: `${RELAY_LABEL} (suivi à 7 jours)` },
    ]);
    // Her own answer is not echoed back to her.
    expect(rest.sent.length).toBe(told);

    // Back on WhatsApp, she is still in relay mode.
    expect(await whatsApp('Un monsieur à Annecy pour ses impôts')).toContain('Quel lieu prévenir ?');
    await agent.signIn('agent@haute-savoie.fr'); // a week on, the session has expired
    const page = textOf((await agent.get(`/espace/orientations/${id}`)).html);
    expect(page).toContain(`${RELAY_LABEL} (suivi à 7 jours)`);
    expect(page).toContain('le relais qui l’a orientée');
  });
});
