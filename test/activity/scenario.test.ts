// The activity figures from a hand-built scenario run through the real signed webhooks (SMS, Twilio WhatsApp, a
// call), then every number of the dashboard and of the CSV asserted; SUPPRIMER leaves them as they were; department
// A's administrator never sees department B's figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { parseDepartments } from '../../src/directory/departments.js';
import { postTwilio, twilioWhatsApp, VoiceSession } from '../support/post.js';
import { createActivityRecorder } from '../../src/db/activity-repository.js';
import type { ActivityFact } from '../../src/activity/facts.js';
import { openSqliteDatabase } from '../../src/runtime/node/sqlite.js';
import { CSV_COLUMNS } from '../../src/web/pages/activite-csv.js';
import { newSid, startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, textOf, WebClient } from '../support/workspace.js';
import { captions, tableRows } from './support.js';

const GUYANE_SMS = '+33939000973';
const GUYANE_WHATSAPP = '+33939000974';
const GUYANE_VOICE = '+33594000099';
const SAVOIE_SMS = '+33939000074';
const cayenne: string[] = [];
const PERIOD = 'du=2026-11-01&au=2026-11-30';

let relais: TestRelais;
let guyane: WebClient;
let savoie: WebClient;
let phone = 0;
const nextPhone = () => `+336${String(20000000 + phone++).padStart(8, '0')}`;

const sms = (from: string, body: string, to = GUYANE_SMS) =>
  postTwilio(relais.url, '/twilio/sms', { MessageSid: newSid(), AccountSid: 'AC00000000000000000000000000000000', From: from, To: to, Body: body, NumMedia: '0' });
async function conversation(to: string, ...messages: string[]) {
  const from = nextPhone();
  for (const m of messages) expect((await sms(from, m, to)).status).toBe(200);
  return from;
}

beforeAll(async () => {
  relais = await startTestRelais({
    sessionSecret: 'test-session-secret-0123456789abcdef-0123456789',
    departments: parseDepartments([
      { code: '973', name: 'Guyane', platformPhone: '05 94 00 00 00', smsNumber: GUYANE_SMS, whatsappNumber: GUYANE_WHATSAPP, voiceNumber: GUYANE_VOICE },
      { code: '74', name: 'Haute-Savoie', platformPhone: '04 50 00 00 00', smsNumber: SAVOIE_SMS },
    ]),
  });
  await createUser(relais.databasePath, { email: 'admin@guyane.fr', departement: '973', role: 'admin' });
  await createUser(relais.databasePath, { email: 'admin@savoie.fr', departement: '74', role: 'admin' });
  guyane = new WebClient(relais.url);
  savoie = new WebClient(relais.url);
  expect((await guyane.signIn('admin@guyane.fr')).status).toBe(303);
  expect((await savoie.signIn('admin@savoie.fr')).status).toBe(303);

  // Guyane, by SMS: 6 people find places near Cayenne, 5 ask from Maripasoula where nothing is within reach, 5 ask
  // about a scam, 5 about a procedure, 1 asks for a person; by WhatsApp, 2 people write « Bonjour » and 1 caregiver
  // writes for a parent; 1 call. In Haute-Savoie, 7 people find places near Annecy.
  for (let i = 0; i < 6; i++) cayenne.push(await conversation(GUYANE_SMS, 'Bonjour', '1', '97300'));
  for (let i = 0; i < 5; i++) await conversation(GUYANE_SMS, 'Bonjour', '1', '97370');
  for (let i = 0; i < 5; i++) await conversation(GUYANE_SMS, 'Bonjour', '4');
  for (let i = 0; i < 5; i++) await conversation(GUYANE_SMS, 'Bonjour', '2', 'déclarer mes revenus');
  await conversation(GUYANE_SMS, 'AIDE');
  for (let i = 0; i < 2; i++) expect((await twilioWhatsApp(relais.url, nextPhone(), 'Bonjour', { To: `whatsapp:${GUYANE_WHATSAPP}` })).status).toBe(200);
  const carer = nextPhone();
  for (const m of ['Bonjour', '2']) expect((await twilioWhatsApp(relais.url, carer, m, { To: `whatsapp:${GUYANE_WHATSAPP}` })).status).toBe(200);
  await new VoiceSession(relais.url, nextPhone(), GUYANE_VOICE).start();
  for (let i = 0; i < 7; i++) await conversation(SAVOIE_SMS, 'Bonjour', '1', '74000');
}, 180_000);

afterAll(async () => {
  await relais?.stop();
});

/** The SMS segments the message log says Guyane's conversations cost: the dashboard must say the same. */
const guyaneSegments = () =>
  relais.query<{ total: number }>("select sum(m.segments) as total from messages m join conversations c on c.id = m.conversation_id where c.departement = '973'")[0]!.total;

async function dashboard(client = guyane, query = PERIOD) {
  const page = await client.get(`/espace/activite?${query}`);
  expect(page.status).toBe(200);
  return page.html;
}

function expectGuyaneFigures(html: string, segments: number) {
  expect(tableRows(html, 'Chiffres clés')).toEqual({
    'Personnes accompagnées (conversations)': '26',
    'Nouvelles personnes': '26',
    'Lieux d’aide donnés': '6',
    'Zones blanches signalées': '5',
    'Rappels demandés': '< 5',
    'Segments SMS envoyés': String(segments),
  });
  expect(tableRows(html, 'Conversations par canal')).toEqual({ SMS: '22', WhatsApp: '< 5', Téléphone: '< 5' });
  expect(tableRows(html, 'Qui a sollicité Relais')).toEqual({ 'La personne elle-même': '21', 'Un proche aidant': '< 5' });
  expect(tableRows(html, 'Besoins exprimés')).toEqual({
    'Un lieu d’aide près de chez soi': '11',
    'Une arnaque ou un message douteux': '5',
    'Une démarche': '5',
  });
  expect(tableRows(html, 'Démarches expliquées')).toEqual({ 'Déclarer mes revenus (impôts)': '5' });
  expect(tableRows(html, 'Ce que les personnes ont obtenu')).toEqual({
    'Lieux d’aide donnés': '6',
    'Conseils contre une arnaque': '5',
    'Démarche expliquée': '5',
    'Zone blanche (rien à portée)': '5',
    'Rappel demandé': '< 5',
  });
  expect(tableRows(html, 'Conversations par mois')).toEqual({ 'novembre 2026': '26' });
  expect(tableRows(html, 'Conversations par semaine')).toEqual({ 'Semaine du 23 novembre 2026': '26' });
  expect(tableRows(html, 'Rappels terminés par résultat')).toEqual({ 'Personne jointe': '< 5' });
  expect(textOf(html)).toContain('Personnes jointes : < 5. Délai moyen entre la demande et le rappel : non indiqué (moins de 5 rappels).');
}

describe('the activity figures of a hand-built scenario', () => {
  it('are every number of the dashboard, counts under five masked', async () => {
    // The platform calls the person who asked for one back: a callback answered.
    const rappels = await guyane.get('/espace/rappels');
    const id = /\/espace\/rappels\/(\d+)\/prendre/.exec(rappels.html)![1]!;
    await guyane.post(`/espace/rappels/${id}/prendre`, {});
    relais.clock.advanceHours(0.25); // within the session's 30 idle minutes
    expect((await guyane.post(`/espace/rappels/${id}/terminer`, { outcome: 'joint', note: 'Mme Martin rappelée au 06 12 34 56 78' })).status).toBe(303);

    const html = await dashboard();
    expect(guyaneSegments()).toBeGreaterThan(50);
    expectGuyaneFigures(html, guyaneSegments());
    expect(textOf(html)).toContain('Aucune orientation sur la période.');
    expect(textOf(html)).toContain('Aucun suivi sur la période.');
  });

  it('exports the same numbers as CSV (UTF-8 with BOM, « ; »), with the communes and their EPCI', async () => {
    const response = await fetch(`${relais.url}/espace/activite.csv?${PERIOD}`, { headers: { Cookie: guyane.cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const records = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual([...CSV_COLUMNS]);
    const find = (type: string, code: string, commune = '') => records.filter((r) => r['Type'] === type && r['Code'] === code && r['Code commune (INSEE)'] === commune);
    expect(find('Résultat', 'white-zone', '97353')).toEqual([
      expect.objectContaining({ Mois: '2026-11', Département: '973', Commune: 'Maripasoula', 'EPCI (SIREN)': '249730037', EPCI: "CC de l'Ouest Guyanais", Canal: 'SMS', 'Suite donnée': 'Zone blanche (rien à portée)', Nombre: '5' }),
    ]);
    expect(find('Résultat', 'places-given', '97302')).toEqual([expect.objectContaining({ Commune: 'Cayenne', Canal: 'SMS', Nombre: '6' })]);
    expect(find('Conversation', 'start').map((r) => [r['Canal'], r['Détail'], r['Nombre']])).toEqual([
      ['SMS', 'Nouvelle personne', '22'],
      ['WhatsApp', 'Nouvelle personne', '< 5'],
      ['Téléphone', 'Nouvelle personne', '< 5'],
    ].sort((a, b) => ['SMS', 'WhatsApp', 'Téléphone'].indexOf(a[0]!) - ['SMS', 'WhatsApp', 'Téléphone'].indexOf(b[0]!)));
    expect(find('Démarche', 'declaration-impots')).toEqual([expect.objectContaining({ Thème: 'Déclarer mes revenus (impôts)', 'Type d’accompagnement': 'Ponctuel', Nombre: '5' })]);
    expect(find('Rappel', 'joint')).toEqual([expect.objectContaining({ 'Suite donnée': 'Personne jointe', Nombre: '< 5' })]);
    // Every count is a number of five or more, 0, or « < 5 »: nothing smaller is ever written.
    for (const r of records) expect(r['Nombre']).toMatch(/^(< 5|0|[5-9]|\d{2,})$/);
  });

  it('holds no phone number, name or free text in any page or export', async () => {
    const pages = [
      await dashboard(),
      (await guyane.get(`/espace/activite/rapport?${PERIOD}`)).html,
      (await guyane.get(`/espace/zones-blanches?${PERIOD}`)).html,
      (await guyane.get(`/espace/zones-blanches?${PERIOD}&commune=97353`)).html,
      await (await fetch(`${relais.url}/espace/activite.csv?${PERIOD}`, { headers: { Cookie: guyane.cookie } })).text(),
    ];
    const numbers = relais.query<{ address: string }>('select address from contacts').map((r) => r.address);
    expect(numbers.length).toBeGreaterThan(20);
    for (const page of pages) {
      for (const n of numbers) {
        expect(page).not.toContain(n);
        expect(page).not.toContain(`0${n.slice(3)}`);
      }
      expect(page).not.toMatch(/0[67](?:[ .]?\d{2}){4}/);
      expect(page).not.toContain('Martin');
      expect(page).not.toContain('déclarer mes revenus');
      expect(page).not.toContain('rappelée');
    }
    // The facts themselves hold codes only.
    const columns = relais.query<Record<string, unknown>>('select * from activity_facts');
    expect(JSON.stringify(columns)).not.toMatch(/\+33|Martin|revenus/);
  });

  it('shows the white zones on the map and, for a commune, what was asked there', async () => {
    const page = await guyane.get(`/espace/zones-blanches?${PERIOD}&commune=97353`);
    expect(page.status).toBe(200);
    expect(tableRows(page.html, 'Communes en zone blanche')).toEqual({ Maripasoula: '97353' });
    expect(page.html).toContain('aria-label="Maripasoula : 5 demandes sans lieu à portée"');
    expect(tableRows(page.html, 'Demandes à Maripasoula')).toEqual({ 'Besoin : Un lieu d’aide près de chez soi': '5', 'Zone blanche (rien à portée)': '5' });
  });

  it('are left intact by SUPPRIMER', async () => {
    const before = await dashboard();
    for (const from of cayenne.slice(0, 3)) expect((await sms(from, 'SUPPRIMER')).messages.join()).toMatch(/effac/i);
    expect(relais.query('select * from contacts where address in (?, ?, ?)', ...cayenne.slice(0, 3))).toEqual([]);
    const after = await dashboard();
    for (const caption of captions(before)) if (caption !== 'Chiffres clés' && caption !== 'Conversations par canal') expect(tableRows(after, caption), caption).toEqual(tableRows(before, caption));
    // SUPPRIMER is itself a turn: its segments are counted, nothing else changes.
    expect(tableRows(after, 'Conversations par canal')).toEqual(tableRows(before, 'Conversations par canal'));
  });

  it("never shows department B's figures to department A's administrator", async () => {
    const html = await dashboard(savoie);
    expect(tableRows(html, 'Conversations par canal')).toEqual({ SMS: '7' });
    expect(tableRows(html, 'Ce que les personnes ont obtenu')).toEqual({ 'Lieux d’aide donnés': '7' });
    // Asking for another department is not a national view: the administrator's own stays.
    expect(tableRows(await dashboard(savoie, `${PERIOD}&departement=973`), 'Conversations par canal')).toEqual({ SMS: '7' });
    const csv = await (await fetch(`${relais.url}/espace/activite.csv?${PERIOD}&departement=973`, { headers: { Cookie: savoie.cookie } })).text();
    expect(csv).not.toContain(';973;');
    expect(csv).toContain(';74;');
    const map = await savoie.get(`/espace/zones-blanches?${PERIOD}&commune=97353`);
    expect(map.html).not.toContain('Maripasoula');
    // An agent has no « Activité ».
    await createUser(relais.databasePath, { email: 'agent@guyane.fr', departement: '973' });
    const agent = new WebClient(relais.url);
    await agent.signIn('agent@guyane.fr');
    expect((await agent.get(`/espace/activite?${PERIOD}`)).status).toBe(403);
  });

  it('gives the national view to a super-administrator only, every department or one', async () => {
    await createUser(relais.databasePath, { email: 'national@relais.fr', departement: '973', role: 'superadmin' });
    const national = new WebClient(relais.url);
    expect((await national.signIn('national@relais.fr')).location).toBe('/espace');
    expect((await national.get('/espace')).location).toBe('/espace/activite');
    expect(tableRows(await dashboard(national), 'Conversations par canal')).toEqual({ SMS: '29', WhatsApp: '< 5', Téléphone: '< 5' });
    expect(tableRows(await dashboard(national, `${PERIOD}&departement=74`), 'Conversations par canal')).toEqual({ SMS: '7' });
    expect((await national.get('/espace/rappels')).status).toBe(403);
    // An administrator cannot give that role by invitation.
    expect(await guyane.get('/espace/reglages').then((p) => p.html)).not.toContain('value="superadmin"');
  });

  it('says beside the field what is wrong with a period', async () => {
    const bad = await guyane.get('/espace/activite?du=2026-02-30&au=2026-01-01');
    expect(bad.status).toBe(400);
    expect(textOf(bad.html)).toContain('La date de début n’est pas une date valide : écrivez-la comme 2026-09-01.');
    const reversed = await guyane.get('/espace/activite?du=2026-11-30&au=2026-11-01');
    expect(reversed.status).toBe(400);
    expect(reversed.html).toMatch(/id="erreur-au"[^>]*>La date de fin doit venir après la date de début\./);
    expect((await fetch(`${relais.url}/espace/activite.csv?du=hier`, { headers: { Cookie: guyane.cookie } })).status).toBe(400);
  });
});

describe('referrals and follow-ups, recorded through the recorder', () => {
  it('are drawn from their facts, by status, place and answer', async () => {
    const database = openSqliteDatabase(relais.databasePath);
    try {
      const recorder = createActivityRecorder(database);
      const at = relais.clock.now();
      const base = { departement: '973', channel: 'sms' as const, at };
      const facts: ActivityFact[] = [
        ...Array.from({ length: 6 }, () => ({ ...base, kind: 'orientation' as const, code: 'envoyee', detail: 'fs-cayenne' })),
        ...Array.from({ length: 5 }, () => ({ ...base, kind: 'orientation' as const, code: 'honoree', detail: 'fs-cayenne' })),
        { ...base, kind: 'orientation', code: 'refusee', detail: 'fs-cayenne' },
        ...Array.from({ length: 5 }, () => ({ ...base, kind: 'suivi' as const, code: 'visite', detail: 'oui' })),
        { ...base, kind: 'suivi', code: 'visite', detail: 'non' },
        ...Array.from({ length: 7 }, () => ({ ...base, kind: 'suivi' as const, code: 'eval:autonomie', detail: '2' })),
      ];
      for (const fact of facts) await recorder.recordActivity(fact);
    } finally {
      database.close();
    }
    const html = await dashboard();
    expect(tableRows(html, 'Orientations par statut')).toEqual({ Envoyée: '6', Honorée: '5', Refusée: '< 5' });
    expect(tableRows(html, 'Orientations envoyées par lieu d’accueil')).toEqual({ 'fs-cayenne': '6' });
    expect(tableRows(html, 'Après l’orientation : la personne y est-elle allée ?')).toEqual({ 'Y est allée': '5', 'N’y est pas allée': '< 5' });
    expect(tableRows(html, 'Évaluation à froid : autonomie')).toEqual({ '2': '7' });
    // Department B sees none of it.
    expect(textOf(await dashboard(savoie))).toContain('Aucune orientation sur la période.');
  });
});
