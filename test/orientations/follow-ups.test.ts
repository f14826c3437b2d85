// Every orientation is followed up, whoever sent it (a relay's phone, an agent or a relay in the workspace), through
// the one listener on its creation: the 7-day check asks the person when she agreed to be contacted and gave a
// mobile, else the relay who sent it on their registered mobile, else nobody (and the orientation's page says so);
// the cold evaluation asks the person only. The person is told of an acceptance (with its time, or « passez aux
// heures d'ouverture ») and of a refusal (and what to do next), never of her own answer. A check whose orientation
// was settled meanwhile is not sent, and the dry run says why; a place that refused her is not evaluated. Real
// SQLite file, signed SMS, real HTTP, a moved clock, the Twilio REST fake.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { projectRoot } from '../support/import.js';
import type { TestRelais } from '../support/relais.js';
import { textOf, WebClient } from '../support/workspace.js';
import { placeAnswers as answerThroughLink, RELAY_LABEL, RELAY_PHONE, startWithRelay } from './support.js';

const run = promisify(execFile);
const DAY = 86_400_000;
const RELAY = RELAY_PHONE;

let relais: TestRelais;
let rest: FakeTwilioRest;
let agent: WebClient;

beforeAll(async () => {
  ({ relais, rest } = await startWithRelay());
  agent = new WebClient(relais.url);
});
afterAll(async () => {
  await relais?.stop();
  await rest?.close();
});

type FollowUpRow = { kind: string; contact_address: string; channel: string; asked: string; status: string; last_error: string | null };
const followUpsOf = (id: string) =>
  relais.query<FollowUpRow>(
    "select kind, contact_address, channel, json_extract(payload, '$.askedOf') as asked, status, last_error from scheduled_messages where json_extract(payload, '$.subjectKey') = ? order by kind desc",
    `orientation:${id}`,
  );
const orientation = (id: string) => relais.query<{ status: string; place_name: string }>('select status, place_name from orientations where id = ?', id)[0]!;
const authorsOf = (id: string, status: string) => relais.query<{ author: string }>('select author from orientation_events where orientation_id = ? and to_status = ?', id, status).map((r) => r.author);
const smsTo = (address: string, since = 0) => rest.sent.slice(since).filter((s) => s.to === address).map((s) => s.body);

/** The new orientation's id after `work`. */
async function created(work: () => Promise<void>): Promise<string> {
  const known = new Set(relais.query<{ id: string }>('select id from orientations').map((r) => r.id));
  await work();
  const fresh = relais.query<{ id: string }>('select id from orientations').filter((r) => !known.has(r.id));
  expect(fresh).toHaveLength(1);
  return fresh[0]!.id;
}

/** The relay orients a lady from their phone: `consent` is « 1 » (agrees) or « 2 » and her number (agrees to be contacted). */
const relayOrients = (consent: string[]) =>
  created(async () => {
    for (const line of ['MENU', 'Une dame à Annecy, pour sa carte vitale perdue', '1', ...consent]) expect((await relais.sms(RELAY, line)).status).toBe(200);
  });

/** Someone orients from « Chercher un lieu » in the workspace (signed in as `email`). */
const orientsFromWorkspace = (email: string, contact?: string) =>
  created(async () => {
    const client = new WebClient(relais.url);
    await client.signIn(email);
    await client.get('/espace/lieux?commune=74000&need=demarches');
    const sent = await client.post('/espace/lieux/orienter', { commune: '74000', need: 'demarches', rank: '1', consent: 'oui', ...(contact ? { contact } : {}) });
    expect(sent.status).toBe(303);
  });

async function orientationPage(id: string): Promise<string> {
  await agent.signIn('agent@haute-savoie.fr'); // the clock moves by days in this suite: a fresh session each time
  const page = await agent.get(`/espace/orientations/${id}`);
  expect(page.status).toBe(200);
  return textOf(page.html);
}

/** The place answers through its link, created by the agent. */
async function placeAnswers(id: string, fields: Record<string, string>): Promise<void> {
  await orientationPage(id);
  await answerThroughLink(relais, agent, id, fields);
}

describe('the follow-ups of every orientation', { timeout: 120_000 }, () => {
  it('a relay’s person without a number: the relay is asked on their mobile, and their answer settles it in their name', async () => {
    const id = await relayOrients(['1']);
    // No evaluation: it is the person's opinion that counts, never the relay's.
    expect(followUpsOf(id)).toEqual([{ kind: 'verification', contact_address: RELAY, channel: 'sms', asked: 'relay', status: 'pending', last_error: null }]);
    const page = await orientationPage(id);
    expect(page).toContain('vérification à 7 jours');
    expect(page).toContain('le relais qui l’a orientée');

    relais.clock.current += 6 * DAY;
    expect(await relais.runFollowUps()).toBe(0);
    relais.clock.current += DAY;
    expect(await relais.runFollowUps()).toBe(1);
    const place = orientation(id).place_name;
    expect(smsTo(RELAY).at(-1)).toContain(`La personne que vous avez orientée vers ${place} a-t-elle pu y aller ?`);

    const before = rest.sent.length;
    expect((await relais.sms(RELAY, '3')).messages.join('\n')).toContain("C'est noté : elle n'a pas pu y aller.");
    expect(orientation(id).status).toBe('non honorée');
    expect(authorsOf(id, 'non honorée')).toEqual([`${RELAY_LABEL} (suivi à 7 jours)`]);
    // The relay's own answer is not echoed back to them.
    expect(rest.sent.length).toBe(before);
  });

  it('a relay’s person who agreed to be contacted: she is asked and evaluated, the relay told of her answer, she is not echoed', async () => {
    const person = '+33611223344';
    const id = await relayOrients(['2', '06 11 22 33 44']);
    expect(followUpsOf(id)).toMatchObject([
      { kind: 'verification', contact_address: person, channel: 'sms', asked: 'person' },
      { kind: 'evaluation', contact_address: person, channel: 'sms' },
    ]);

    relais.clock.current += 7 * DAY;
    expect(await relais.runFollowUps()).toBe(1);
    const place = orientation(id).place_name;
    // Relais did not give her the place: it says the place was told of her coming.
    expect(smsTo(person).at(-1)).toContain(`Il y a une semaine, ${place} a été prévenu de votre venue. Avez-vous pu y aller ?`);

    const before = rest.sent.length;
    await relais.sms(person, '2');
    expect(orientation(id).status).toBe('non honorée');
    expect(authorsOf(id, 'non honorée')).toEqual(['la personne (suivi à 7 jours)']);
    expect(smsTo(RELAY, before)).toEqual([`Relais : la personne que vous avez orientée vers ${place} n'a pas pu y aller. Vous pouvez lui proposer un autre lieu.`]);
    expect(smsTo(person, before)).toEqual([]);

    relais.clock.current += 63 * DAY;
    const toRelay = smsTo(RELAY).length;
    expect(await relais.runFollowUps()).toBe(1);
    expect(smsTo(person).at(-1)).toContain(`Il y a deux mois, vous avez été orienté vers ${place}`);
    expect(smsTo(RELAY)).toHaveLength(toRelay);
  });

  it('from the workspace: the person’s mobile is asked; without one, nothing is scheduled and the page says so; a relay at a desk is asked', async () => {
    const withMobile = await orientsFromWorkspace('agent@haute-savoie.fr', '06 55 44 33 22');
    expect(followUpsOf(withMobile)).toMatchObject([
      { kind: 'verification', contact_address: '+33655443322', asked: 'person' },
      { kind: 'evaluation', contact_address: '+33655443322' },
    ]);
    const withoutNumber = await orientsFromWorkspace('agent@haute-savoie.fr');
    // A landline cannot be written to: the agent's orientation asks nobody.
    const withLandline = await orientsFromWorkspace('agent@haute-savoie.fr', '04 50 12 34 56');
    for (const id of [withoutNumber, withLandline]) {
      expect(followUpsOf(id)).toEqual([]);
      expect(await orientationPage(id)).toContain('Aucun suivi prévu : la personne n’a pas donné de portable où lui écrire');
    }

    const atDesk = await orientsFromWorkspace('relais@saad-lac.fr');
    expect(relais.query('select sender_kind, sender_address, sender_label from orientations where id = ?', atDesk)).toEqual([
      { sender_kind: 'relay', sender_address: RELAY, sender_label: RELAY_LABEL },
    ]);
    expect(followUpsOf(atDesk)).toEqual([{ kind: 'verification', contact_address: RELAY, channel: 'sms', asked: 'relay', status: 'pending', last_error: null }]);
    relais.clock.current += 7 * DAY;
    expect(await relais.runFollowUps()).toBe(2);
    expect(smsTo(RELAY).at(-1)).toContain('La personne que vous avez orientée vers');
    expect(smsTo('+33655443322').at(-1)).toContain('a été prévenu de votre venue');
  });

  it('the person is told of an acceptance and of a refusal; a settled orientation’s check is not sent, and the dry run says why', async () => {
    const accepted = '+33677665544';
    const atOpeningHours = '+33677665545';
    const refused = '+33677665546';
    const ids = {
      accepted: await relayOrients(['2', '06 77 66 55 44']),
      atOpeningHours: await relayOrients(['2', '06 77 66 55 45']),
      refused: await relayOrients(['2', '06 77 66 55 46']),
    };
    const place = orientation(ids.accepted).place_name;
    const before = rest.sent.length;
    await placeAnswers(ids.accepted, { decision: 'accepter', appointmentAt: '2027-03-04T10:30' });
    await placeAnswers(ids.atOpeningHours, { decision: 'accepter', openingHours: 'oui' });
    await placeAnswers(ids.refused, { decision: 'refuser', refusalReason: 'complet' });
    expect(smsTo(accepted, before)).toEqual([expect.stringMatching(/^Relais : .+ vous attend\. Quand : jeudi 4 mars à 10 h 30\. Adresse : .+\.$/)]);
    expect(smsTo(accepted, before)[0]).toContain(`${place} vous attend`);
    expect(smsTo(atOpeningHours, before)).toEqual([expect.stringContaining(`${place} vous attend. Quand : passez aux heures d'ouverture. Adresse :`)]);
    expect(smsTo(refused, before)).toEqual([`Relais : ${place} ne peut pas vous recevoir. Pour trouver un autre lieu, répondez à ce SMS : nous vous aiderons.`]);
    expect(smsTo(RELAY, before).join('\n')).toContain(`${place} ne peut pas recevoir la personne (complet)`);

    relais.clock.current += 7 * DAY;
    const at = new Date(relais.clock.now()).toISOString();
    const dryRun = (await run(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/followups.ts'), '--dry-run', '--at', at], {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_PATH: relais.databasePath, LOG_LEVEL: 'silent', TWILIO_ACCOUNT_SID: 'AC1', TWILIO_AUTH_TOKEN: 't', TWILIO_SMS_FROM: '+33939000000', TWILIO_API_BASE_URL: rest.baseUrl },
      encoding: 'utf8',
    })).stdout;
    expect(dryRun).toMatch(/\+336••••••46 {2}\| {2}vérification à 7 jours {2}\| {2}SMS {2}\| {2}non envoyé : l’orientation est déjà « refusée » : plus rien à demander/);
    expect(dryRun).toMatch(/\+336••••••44 {2}\| {2}vérification à 7 jours {2}\| {2}SMS {2}\| {2}envoi/);

    const sentBefore = rest.sent.length;
    expect(await relais.runFollowUps()).toBe(2);
    expect(smsTo(refused, sentBefore)).toEqual([]);
    expect(smsTo(accepted, sentBefore)).toEqual([expect.stringContaining('Avez-vous pu y aller ?')]);
    expect(followUpsOf(ids.refused)[0]).toMatchObject({ kind: 'verification', status: 'cancelled', last_error: 'l’orientation est déjà « refusée » : plus rien à demander' });
    expect(await orientationPage(ids.refused)).toContain('annulé (l’orientation est déjà « refusée » : plus rien à demander)');

    // Her own « 1 » settles it; she is not told of it, the relay is.
    const answered = rest.sent.length;
    expect((await relais.sms(accepted, '1')).messages.join('\n')).toContain('bonne nouvelle');
    expect(orientation(ids.accepted).status).toBe('honorée');
    expect(smsTo(accepted, answered)).toEqual([]);
    expect(smsTo(RELAY, answered)).toEqual([`Relais : la personne que vous avez orientée vers ${place} a pu y aller.`]);

    // Ten weeks on, she is asked her opinion of the place that received her; a place that refused is not evaluated.
    relais.clock.current += 63 * DAY;
    const evaluated = rest.sent.length;
    await relais.runFollowUps();
    expect(smsTo(accepted, evaluated)).toEqual([expect.stringContaining(`vous avez été orienté vers ${place}`)]);
    expect(smsTo(refused, evaluated)).toEqual([]);
    expect(followUpsOf(ids.refused)[1]).toMatchObject({ kind: 'evaluation', status: 'cancelled', last_error: 'le lieu a refusé l’orientation : rien à évaluer' });
  });
});
