// The place's answer without an account (/o/:token) and the workspace's view of orientations, over real HTTP on a
// fresh SQLite file: expired, reused, tampered or another orientation's links change nothing and say so kindly;
// two answers at once, one wins and the other is told; the sender and the consenting person are told by SMS (never
// a number that said STOP); a relay sees its own and its structure's orientations, a structure its inbox, another
// department nothing; every opening with personal data is logged for the administrator; closed orientations are
// anonymised after the retention setting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, textOf, WebClient } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';
import { createStructure, createStructureUser, tokenOf } from './support.js';

let relais: TestRelais;
let twilio: FakeTwilioRest;
let agent: WebClient;
const RELAY = '+33622334455';
const SAME_STRUCTURE_RELAY = '+33622334466';
const OTHER_RELAY = '+33622334477';
let structureOfPlace: string;

type Row = Record<string, unknown>;
const statusOf = (id: string) => relais.query<{ status: string }>('select status from orientations where id = ?', id)[0]?.status;
const eventsOf = (id: string) => relais.query<Row>('select to_status, author, detail from orientation_events where orientation_id = ? order by id', id);

/** A relay orients a person (who agrees to be called at `contact`): the new orientation's id. */
async function orient(from: string, contact = '06 11 22 33 44'): Promise<string> {
  const known = new Set(relais.query<{ id: string }>('select id from orientations').map((r) => r.id));
  // MENU first: after days of silence (the clock moves in this suite), the description is read as an answer all the same.
  for (const line of ['MENU', 'Une dame à Annecy, pour sa carte vitale perdue', '1', '2', contact]) expect((await relais.sms(from, line)).status).toBe(200);
  const created = relais.query<{ id: string }>('select id from orientations').filter((r) => !known.has(r.id));
  expect(created).toHaveLength(1);
  return created[0]!.id;
}

/** The agent creates the place's answer link in the workspace (shown once). */
async function answerLink(id: string): Promise<string> {
  // The agent's session ends after 30 idle minutes, and this suite moves the clock by days.
  if ((await agent.get(`/espace/orientations/${id}`)).status === 303) await agent.signIn('agent@haute-savoie.fr');
  await agent.get(`/espace/orientations/${id}`);
  const page = await agent.post(`/espace/orientations/${id}/lien`, {});
  expect(page.status).toBe(200);
  const link = /<code id="lien-orientation">([^<]+)<\/code>/.exec(page.html)![1]!;
  expect(link).toMatch(/^https:\/\/relais\.example\.fr\/o\/[\w-]{40,}$/);
  return `/o/${tokenOf(link)}`;
}

async function post(path: string, fields: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${relais.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: relais.url },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, text: textOf(await response.text()) };
}

const accept = (id: string) => ({ orientation: id, decision: 'accepter', appointmentAt: '2026-11-26T10:30' });

describe('answering an orientation, and who sees it', { timeout: 90_000 }, () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioRest();
    relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET, twilioApi: twilio.twilioApi });
    const saad = await createStructure(relais.databasePath, { departement: '74', name: 'SAAD du lac' });
    const ccas = await createStructure(relais.databasePath, { departement: '74', name: "CCAS d'Annecy", type: 'CCAS' });
    await createStructureUser(relais.databasePath, { email: 'aline@saad.fr', departement: '74', role: 'relay', structureId: saad, phone: RELAY });
    await createStructureUser(relais.databasePath, { email: 'bruno@saad.fr', departement: '74', role: 'relay', structureId: saad, phone: SAME_STRUCTURE_RELAY });
    await createStructureUser(relais.databasePath, { email: 'chloe@ccas.fr', departement: '74', role: 'relay', structureId: ccas, phone: OTHER_RELAY });
    await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74' });
    await createUser(relais.databasePath, { email: 'admin@haute-savoie.fr', departement: '74', role: 'admin' });
    await createUser(relais.databasePath, { email: 'agent@lozere.fr', departement: '48' });
    agent = new WebClient(relais.url);
    await agent.signIn('agent@haute-savoie.fr');
  });

  afterAll(async () => {
    await relais?.stop();
    await twilio?.close();
  });

  it('the place accepts through its link with a time: history, and the relay and the person told by SMS', async () => {
    const id = await orient(RELAY);
    const link = await answerLink(id);
    const page = await fetch(`${relais.url}${link}`);
    expect(page.status).toBe(200);
    const html = textOf(await page.text());
    expect(html).toContain('Une personne vous est orientée');
    expect(html).toContain('06 11 22 33 44');
    const sentBefore = twilio.sent.length;
    const answered = await post(link, accept(id));
    expect(answered.status).toBe(200);
    expect(answered.text).toContain('Merci, votre réponse est enregistrée');
    expect(statusOf(id)).toBe('acceptée');
    expect(eventsOf(id).at(-1)).toEqual({ to_status: 'acceptée', author: 'Le lieu (lien de réponse)', detail: 'jeudi 26 novembre à 10 h 30' });
    const sent = twilio.sent.slice(sentBefore);
    expect(sent.map((s) => s.to).sort()).toEqual(['+33611223344', RELAY]);
    expect(sent.find((s) => s.to === RELAY)!.body).toMatch(/a accepté l'orientation\. Rendez-vous : jeudi 26 novembre à 10 h 30\./);

    // Reused: the link has served; the page says so and nothing changes.
    const again = await post(link, { orientation: id, decision: 'refuser', refusalReason: 'complet' });
    expect(again.status).toBe(410);
    expect(again.text).toContain('Ce lien a déjà servi');
    expect(statusOf(id)).toBe('acceptée');
  });

  it('tampered, expired, and another orientation’s links are refused kindly and change nothing', async () => {
    const first = await orient(RELAY);
    const second = await orient(RELAY, '06 99 88 77 66');
    const link = await answerLink(first);
    const tampered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
    const tamperedAnswer = await post(tampered, accept(first));
    expect(tamperedAnswer.status).toBe(404);
    expect(tamperedAnswer.text).toContain("Ce lien n'est pas valable");
    // The first orientation's link used for the second one.
    const crossed = await post(link, accept(second));
    expect(crossed.status).toBe(403);
    expect(crossed.text).toContain("Rien n'a été modifié");
    expect([statusOf(first), statusOf(second)]).toEqual(['envoyée', 'envoyée']);
    expect(relais.query("select used_at from orientation_tokens where orientation_id = ? and kind = 'answer'", first)).toEqual([{ used_at: null }]);

    relais.clock.advanceHours(15 * 24);
    const expired = await fetch(`${relais.url}${link}`);
    expect(expired.status).toBe(410);
    expect(textOf(await expired.text())).toContain('Ce lien a expiré');
    expect((await post(link, accept(first))).status).toBe(410);
    expect(statusOf(first)).toBe('envoyée');
    expect(eventsOf(first)).toHaveLength(1);
  });

  it('two answers at once: one wins, the other is told', async () => {
    const id = await orient(RELAY);
    const [a, b] = [await answerLink(id), await answerLink(id)];
    const results = await Promise.all([post(a, accept(id)), post(b, { orientation: id, decision: 'refuser', refusalReason: 'complet' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.text).toContain('Une autre réponse a été enregistrée juste avant la vôtre');
    expect(eventsOf(id)).toHaveLength(2);

    // The same link posted twice at once.
    const other = await orient(RELAY);
    const link = await answerLink(other);
    const same = await Promise.all([post(link, accept(other)), post(link, accept(other))]);
    // One wins; the other finds the link used (410) or the answer already there (409), and is told.
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    expect([409, 410]).toContain(same.find((r) => r.status !== 200)!.status);
    expect(eventsOf(other)).toHaveLength(2);
  });

  it('sends the sheet’s short SMS version to the person who agreed to be called, without a link', async () => {
    const id = await orient(RELAY, '06 12 12 12 12');
    await agent.get(`/espace/orientations/${id}`);
    const before = twilio.sent.length;
    const page = await agent.post(`/espace/orientations/${id}/fiche-sms`, {});
    expect(page.status).toBe(200);
    expect(textOf(page.html)).toContain('Fiche envoyée par SMS au 06 12 12 12 12.');
    const [sms] = twilio.sent.slice(before);
    const row = relais.query<{ place_name: string }>('select place_name from orientations where id = ?', id)[0]!;
    expect(sms).toMatchObject({ to: '+33612121212' });
    expect(sms!.body).toContain(row.place_name);
    expect(sms!.body).toMatch(/Orient[ée] par : aline@saad\.fr/);
    expect(sms!.body).not.toMatch(/https?:/);
  });

  it('a bad answer shows the form again with a French error beside the field, and saves nothing', async () => {
    const id = await orient(RELAY);
    const link = await answerLink(id);
    const bad = await post(link, { orientation: id, decision: 'accepter', appointmentAt: 'demain' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('Indiquez un jour et une heure');
    const noReason = await post(link, { orientation: id, decision: 'refuser', refusalReason: 'parce que' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('Choisissez la raison du refus');
    expect(statusOf(id)).toBe('envoyée');
  });

  it('never texts a number that said STOP', async () => {
    const id = await orient(RELAY, '06 55 44 33 22');
    await relais.sms('+33655443322', 'STOP');
    const before = twilio.sent.length;
    expect((await post(await answerLink(id), { orientation: id, decision: 'refuser', refusalReason: 'hors compétence' })).status).toBe(200);
    expect(twilio.sent.slice(before).map((s) => s.to)).toEqual([RELAY]);
  });

  it('a relay sees its own and its structure’s orientations; another structure and another department see none', async () => {
    const mine = await orient(RELAY);
    const colleague = await orient(SAME_STRUCTURE_RELAY);
    const others = await orient(OTHER_RELAY);
    const client = async (email: string) => {
      const c = new WebClient(relais.url);
      expect((await c.signIn(email)).status).toBe(303);
      return c;
    };
    const aline = await client('aline@saad.fr');
    const list = (await aline.get('/espace/orientations')).html;
    expect(list).toContain(mine);
    expect(list).toContain(colleague);
    expect(list).not.toContain(others);
    expect((await aline.get(`/espace/orientations/${others}`)).status).toBe(404);
    const chloe = await client('chloe@ccas.fr');
    expect((await chloe.get(`/espace/orientations/${mine}`)).status).toBe(404);
    expect((await chloe.get('/espace/orientations')).html).toContain(others);
    const lozere = await client('agent@lozere.fr');
    for (const id of [mine, colleague, others]) expect((await lozere.get(`/espace/orientations/${id}`)).status).toBe(404);
    // A relay cannot answer for the place.
    expect((await aline.post(`/espace/orientations/${mine}/reponse`, { decision: 'accepter', openingHours: 'oui' })).status).toBe(404);
    expect(statusOf(mine)).toBe('envoyée');
  });

  it('a structure answers from its inbox; the administrator sees who opened an orientation', async () => {
    const id = await orient(RELAY);
    const placeId = relais.query<{ place_id: string }>('select place_id from orientations where id = ?', id)[0]!.place_id;
    const structure = await createStructure(relais.databasePath, { departement: '74', name: 'France Services du lac', type: 'France Services', placeId });
    await createStructureUser(relais.databasePath, { email: 'accueil@fs-lac.fr', departement: '74', role: 'structure', structureId: structure });
    const received = await orient(RELAY);
    const staff = new WebClient(relais.url);
    await staff.signIn('accueil@fs-lac.fr');
    expect((await staff.get('/espace/orientations')).html).toContain(received);
    expect((await staff.get(`/espace/orientations/${id}`)).status).toBe(404); // sent before the place was theirs
    const answered = await staff.post(`/espace/orientations/${received}/reponse`, { decision: 'accepter', openingHours: 'oui' });
    expect(answered.status).toBe(200);
    expect(statusOf(received)).toBe('acceptée');
    expect(eventsOf(received).at(-1)).toEqual({ to_status: 'acceptée', author: 'accueil@fs-lac.fr', detail: "passez aux heures d'ouverture" });

    const admin = new WebClient(relais.url);
    await admin.signIn('admin@haute-savoie.fr');
    const detail = textOf((await admin.get(`/espace/orientations/${received}`)).html);
    expect(detail).toContain('Consultations');
    expect(detail).toContain('accueil@fs-lac.fr');
    expect(detail).toContain('admin@haute-savoie.fr');
    expect(textOf((await agent.get(`/espace/orientations/${received}`)).html)).not.toContain('Consultations');
  });

  it('the follow-through closes it; closed orientations are anonymised after the retention, the orientation kept', async () => {
    const id = await orient(RELAY);
    expect((await post(await answerLink(id), { orientation: id, decision: 'accepter', openingHours: 'oui' })).status).toBe(200);
    // Not allowed from « acceptée »: clôturée comes after honorée or non honorée.
    expect((await agent.post(`/espace/orientations/${id}/statut`, { to: 'clôturée' })).status).toBe(409);
    expect((await agent.post(`/espace/orientations/${id}/statut`, { to: 'honorée' })).status).toBe(200);
    expect((await agent.post(`/espace/orientations/${id}/statut`, { to: 'clôturée' })).status).toBe(200);
    expect(eventsOf(id).map((e) => e['to_status'])).toEqual(['envoyée', 'acceptée', 'honorée', 'clôturée']);
    relais.clock.advanceHours(364 * 24);
    await relais.purge();
    expect(relais.query('select person_contact from orientations where id = ?', id)).toEqual([{ person_contact: '+33611223344' }]);
    relais.clock.advanceHours(2 * 24);
    await relais.purge();
    expect(relais.query('select status, person_contact, sender_address, anonymised_at is not null as anonymised from orientations where id = ?', id)).toEqual([
      { status: 'clôturée', person_contact: null, sender_address: null, anonymised: 1 },
    ]);
  });
});
