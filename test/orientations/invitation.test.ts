// A relay joins through Réglages, over real HTTP: the administrator adds the structure, invites the relay with it and
// their mobile (a French error beside each bad field, nothing saved); the relay's link makes the account, and a
// message from that mobile opens relay mode.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, textOf, WebClient } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';

let relais: TestRelais;
let admin: WebClient;

describe('inviting a relay with its structure and mobile', { timeout: 60_000 }, () => {
  beforeAll(async () => {
    relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET });
    await createUser(relais.databasePath, { email: 'admin@lozere.fr', departement: '48', role: 'admin' });
    admin = new WebClient(relais.url);
    await admin.signIn('admin@lozere.fr');
    await admin.get('/espace/reglages');
  });

  afterAll(async () => relais?.stop());

  it('adds a structure, refuses a relay without one or with a landline, then invites; the mobile opens relay mode', async () => {
    const noName = await admin.post('/espace/reglages/structures', { name: '', type: 'SAAD' });
    expect(noName.status).toBe(400);
    expect(textOf(noName.html)).toContain('Indiquez le nom de la structure.');
    const added = await admin.post('/espace/reglages/structures', { name: 'SAAD des Cévennes', type: 'SAAD', placeId: '' });
    expect(added.status).toBe(200);
    expect(textOf(added.html)).toContain('Structure ajoutée : SAAD des Cévennes.');
    const structureId = relais.query<{ id: string }>("select id from structures where departement = '48'")[0]!.id;

    const withoutStructure = await admin.post('/espace/reglages/invitations', { email: 'aide@saad.fr', role: 'relay', structureId: '', phone: '06 12 34 56 78' });
    expect(withoutStructure.status).toBe(400);
    expect(textOf(withoutStructure.html)).toContain('Choisissez la structure de cette personne.');
    const landline = await admin.post('/espace/reglages/invitations', { email: 'aide@saad.fr', role: 'relay', structureId, phone: '04 66 00 00 00' });
    expect(landline.status).toBe(400);
    expect(textOf(landline.html)).toContain('Indiquez un numéro de portable français');
    const foreign = await admin.post('/espace/reglages/invitations', { email: 'aide@saad.fr', role: 'relay', structureId: 'une-autre', phone: '06 12 34 56 78' });
    expect(foreign.status).toBe(400);
    expect(textOf(foreign.html)).toContain('Choisissez une structure de votre département.');
    expect(relais.query('select count(*) as n from invitations')).toEqual([{ n: 0 }]);

    const invited = await admin.post('/espace/reglages/invitations', { email: 'aide@saad.fr', role: 'relay', structureId, phone: '06 12 34 56 78' });
    expect(invited.status).toBe(200);
    const link = /<code id="lien-invitation">([^<]+)<\/code>/.exec(invited.html)![1]!;
    const relay = new WebClient(relais.url);
    const path = new URL(link).pathname;
    await relay.get(path);
    const accepted = await relay.post(path, { password: 'un mot de passe assez long', confirmation: 'un mot de passe assez long' }, { csrf: null });
    expect(accepted.status).toBe(303);
    expect(relais.query("select role, structure_id, phone from users where email = 'aide@saad.fr'")).toEqual([{ role: 'relay', structure_id: structureId, phone: '+33612345678' }]);
    expect((await relay.get('/espace/accueil')).location).toBe('/espace/orientations');

    const reply = await relais.sms('+33612345678', 'Bonjour');
    expect(reply.messages.join()).toContain("C'est pour une personne que vous accompagnez ?");
    const senior = await relais.sms('+33699999999', 'Bonjour');
    expect(senior.messages.join()).toContain('Bonjour, ici Relais');
  });
});
