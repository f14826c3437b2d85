// A platform agent orients the person on the phone from « Chercher un lieu »: nothing without her agreement (a French
// error beside the box, nothing saved), her number only if she gave it, and the orientation is the department's like
// any other, with the agent as its author. A structure's staff, who do not look places up, cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, textOf, WebClient } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';
import { createStructure, createStructureUser } from './support.js';

let relais: TestRelais;
const search = { commune: '74000', need: 'demarches' };
const orientations = () => relais.query<Record<string, unknown>>('select * from orientations');

beforeAll(async () => {
  relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET });
  await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74' });
  const structureId = await createStructure(relais.databasePath, { departement: '74', name: 'France services Annecy', type: 'France Services' });
  await createStructureUser(relais.databasePath, { email: 'accueil@fs-annecy.fr', departement: '74', role: 'structure', structureId });
});
afterAll(async () => relais?.stop());

describe('an agent orients the person from Chercher un lieu', { timeout: 60_000 }, () => {
  it('refuses without the person’s agreement, beside the box, and saves nothing', async () => {
    const agent = new WebClient(relais.url);
    await agent.signIn('agent@haute-savoie.fr');
    const found = await agent.get('/espace/lieux?commune=74000&need=demarches');
    expect(textOf(found.html)).toContain('Orienter la personne');
    const refused = await agent.post('/espace/lieux/orienter', { ...search, rank: '1', contact: '06 12' });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/id="erreur-consent"[^>]*>[^<]*Demandez d’abord à la personne si elle est d’accord/);
    expect(refused.html).toMatch(/id="erreur-contact"[^>]*>[^<]*Indiquez un numéro français/);
    expect(orientations()).toEqual([]);
  });

  it('sends the orientation with her agreement and her landline; the department sees it, the agent as author', async () => {
    const agent = new WebClient(relais.url);
    await agent.signIn('agent@haute-savoie.fr');
    await agent.get('/espace/lieux?commune=74000&need=demarches');
    const sent = await agent.post('/espace/lieux/orienter', { ...search, rank: '1', consent: 'oui', contact: '04 50 12 34 56' });
    expect(sent.status).toBe(303);
    const [row] = orientations();
    expect(sent.location).toBe(`/espace/orientations/${row!['id']}`);
    expect(row).toMatchObject({ departement: '74', status: 'envoyée', sender_kind: 'agent', consent_by: 'agent@haute-savoie.fr', consent_how: 'téléphone', person_contact: '+33450123456', need: 'demarches' });
    const detail = await agent.get(sent.location!);
    expect(detail.status).toBe(200);
    expect(textOf(detail.html)).toContain(String(row!['place_name']));
    expect(textOf(detail.html)).toContain('agent@haute-savoie.fr (plateforme du département)');
  });

  it('is not open to a structure’s staff, who do not look places up', async () => {
    const staff = new WebClient(relais.url);
    await staff.signIn('accueil@fs-annecy.fr');
    await staff.get('/espace/orientations');
    const before = orientations().length;
    expect((await staff.post('/espace/lieux/orienter', { ...search, rank: '1', consent: 'oui' })).status).toBe(403);
    expect(orientations()).toHaveLength(before);
  });
});
