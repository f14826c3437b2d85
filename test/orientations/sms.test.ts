// Orientations by SMS, over the real signed webhook and a fresh SQLite file: a senior has the nearest place told at
// the end of a search (with or without consent to be called); a relay's registered number orients a person in four
// exchanges; a refused consent keeps nothing about the person; SUPPRIMER removes the person's contact and keeps the
// anonymous orientation; the department's workspace lists it, another department's never does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, textOf, WebClient } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';
import { createStructure, createStructureUser } from './support.js';

let relais: TestRelais;
let twilio: FakeTwilioRest;
const RELAY_PHONE = '+33622334455';

type Row = Record<string, unknown>;
const orientationsOf = (where = '1 = 1', ...params: unknown[]) => relais.query<Row>(`select * from orientations where ${where} order by created_at, rowid`, ...params);

async function talk(from: string, lines: string[]): Promise<string[]> {
  const replies: string[] = [];
  for (const line of lines) {
    const reply = await relais.sms(from, line);
    expect(reply.status).toBe(200);
    replies.push(reply.messages.join('\n'));
  }
  return replies;
}

describe('orientations by SMS', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioRest();
    relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET, twilioApi: twilio.twilioApi });
    const structureId = await createStructure(relais.databasePath, { departement: '74', name: 'Aide à domicile du lac', type: 'SAAD' });
    await createStructureUser(relais.databasePath, { email: 'relais@saad-lac.fr', departement: '74', role: 'relay', structureId, phone: RELAY_PHONE });
    await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74' });
    await createUser(relais.databasePath, { email: 'agent@lozere.fr', departement: '48' });
  });

  afterAll(async () => {
    await relais?.stop();
    await twilio?.close();
  });

  it('a senior accepts to have the nearest place told, and to be called: the department sees it', async () => {
    const replies = await talk('+33612345678', ['Bonjour', '1', '74000', 'oui', 'oui']);
    expect(replies[2]).toContain('Voulez-vous que ce lieu soit prévenu ?');
    expect(replies[3]).toContain('Le lieu peut-il vous appeler à ce numéro ?');
    expect(replies[4]).toMatch(/C'est noté : .+ sera prévenu\./);
    const [orientation] = orientationsOf('person_contact = ?', '+33612345678');
    expect(orientation).toMatchObject({ departement: '74', status: 'envoyée', sender_kind: 'person', consent_by: 'la personne', consent_how: 'sms', commune: 'Annecy' });
    expect(replies[4]).toContain(String(orientation!['place_name']));
    expect(relais.query('select to_status, author from orientation_events where orientation_id = ?', orientation!['id'])).toEqual([{ to_status: 'envoyée', author: 'La personne elle-même (SMS)' }]);

    const agent = new WebClient(relais.url);
    await agent.signIn('agent@haute-savoie.fr');
    const list = await agent.get('/espace/orientations');
    expect(list.status).toBe(200);
    expect(textOf(list.html)).toContain(String(orientation!['place_name']));
    const other = new WebClient(relais.url);
    await other.signIn('agent@lozere.fr');
    expect(textOf((await other.get('/espace/orientations')).html)).toContain('Aucune orientation');
    expect((await other.get(`/espace/orientations/${orientation!['id']}`)).status).toBe(404);
  });

  it('« 6 », the digit of yes, works as « oui »', async () => {
    const before = orientationsOf().length;
    const replies = await talk('+33612340006', ['Bonjour', '1', '74000', '6', '2']);
    expect(replies[4]).toContain('sera prévenu');
    expect(orientationsOf()).toHaveLength(before + 1);
  });

  it('consent to be called refused: the orientation keeps no personal data', async () => {
    const before = orientationsOf().length;
    const replies = await talk('+33698765432', ['Bonjour', '1', '74000', 'oui', 'non']);
    expect(replies[4]).toContain('Votre numéro ne lui est pas donné.');
    const rows = orientationsOf();
    expect(rows).toHaveLength(before + 1);
    const created = rows.at(-1)!;
    expect(created).toMatchObject({ person_contact: null, sender_address: null, sender_user_id: null });
    const stored = JSON.stringify(relais.query('select * from orientations o join orientation_events e on e.orientation_id = o.id where o.id = ?', created['id']));
    expect(stored).not.toMatch(/98765432|98 76 54 32/);
  });

  it('a relay orients a person in four exchanges from their registered number, with a sheet to print', async () => {
    const replies = await talk(RELAY_PHONE, [
      'Une dame à Annecy a perdu sa carte vitale, elle se déplace difficilement et n a pas internet',
      '1',
      '2',
      '06 11 22 33 44',
    ]);
    expect(replies[0]).toContain('Carte Vitale perdue');
    expect(replies[0]).toContain('se déplace difficilement');
    expect(replies[0]).toContain('Quel lieu prévenir ?');
    expect(replies[1]).toContain("La personne est-elle d'accord pour que ce lieu soit prévenu ?");
    expect(replies[2]).toContain('Son numéro de téléphone ?');
    expect(replies[3]).toMatch(/C'est envoyé à .+\. Nous vous écrirons sa réponse\.\nFiche à imprimer : https:\/\/relais\.example\.fr\/fiche\/[\w-]{40,}/);
    const [orientation] = orientationsOf('sender_kind = ?', 'relay');
    expect(orientation).toMatchObject({
      departement: '74',
      procedure_id: 'carte-vitale-perdue',
      constraints: JSON.stringify(['mobility', 'noInternet']),
      person_contact: '+33611223344',
      sender_address: RELAY_PHONE,
      consent_by: 'relais@saad-lac.fr',
      sender_label: 'relais@saad-lac.fr, SAAD Aide à domicile du lac',
    });
    const sheet = await fetch(`${relais.url}/fiche/${/fiche\/([\w-]+)/.exec(replies[3]!)![1]}`);
    expect(sheet.status).toBe(200);
    expect(textOf(await sheet.text())).toContain(String(orientation!['place_name']));
  });

  it('a relay whose person does not agree: nothing is recorded about the person', async () => {
    const before = orientationsOf().length;
    const replies = await talk(RELAY_PHONE, ['Un monsieur à Annecy pour ses impôts, il entend mal', '2', '3']);
    expect(replies[2]).toContain("rien n'est enregistré");
    expect(orientationsOf()).toHaveLength(before);
  });

  it('SUPPRIMER removes the person’s contact from orientations and keeps the anonymous orientation', async () => {
    const before = orientationsOf('person_contact = ?', '+33612345678');
    expect(before).toHaveLength(1);
    await relais.sms('+33612345678', 'SUPPRIMER');
    expect(orientationsOf('person_contact = ?', '+33612345678')).toHaveLength(0);
    expect(orientationsOf('id = ?', before[0]!['id'])).toMatchObject([{ status: 'envoyée', person_contact: null, place_name: before[0]!['place_name'] }]);
    // The relay's person erasing her number: the relay's orientation keeps the relay, not her.
    await relais.sms('+33611223344', 'SUPPRIMER');
    expect(orientationsOf('sender_kind = ?', 'relay')).toMatchObject([{ person_contact: null, sender_address: RELAY_PHONE }]);
  });
});
