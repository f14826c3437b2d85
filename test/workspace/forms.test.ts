// Bad input on every workspace form: empty, overlong, wrong types, HTML injection, unknown commune. Each gets a
// French error beside its field (tied by aria-describedby), the form comes back with what was typed, escaped, and
// nothing is saved. Also the workshop import's line-by-line report, and the OpenAPI document, validated.
import { validate, compileErrors } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, textOf, WebClient } from '../support/workspace.js';
import { twoDepartments } from './fixtures.js';

let relais: TestRelais;
let admin: WebClient;
const INJECTION = '<script>alert(1)</script>';
const count = (table: string) => relais.query<{ n: number }>(`select count(*) as n from ${table}`)[0]!.n;

/** The error shown beside a field: the element the input's aria-describedby names. */
function errorBeside(html: string, field: string): string | undefined {
  const input = new RegExp(`<(?:input|select|textarea)[^>]*id="champ-${field}"[^>]*>`).exec(html)?.[0];
  if (!input || !/aria-invalid="true"/.test(input)) return undefined;
  return new RegExp(`<p class="fr-error-text" id="erreur-${field}">([^<]*)</p>`).exec(html)?.[1];
}

beforeAll(async () => {
  relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET });
  await createUser(relais.databasePath, { email: 'admin@lozere.fr', departement: '48', role: 'admin' });
  admin = new WebClient(relais.url);
  await admin.signIn('admin@lozere.fr');
});
afterAll(() => relais.stop());

describe('sign-in form', () => {
  it('says what is missing or wrong, in French, beside each field', async () => {
    const empty = await new WebClient(relais.url).post('/espace/connexion', { email: '', password: '' }, { csrf: null });
    expect(empty.status).toBe(400);
    expect(errorBeside(empty.html, 'email')).toBe('Indiquez votre adresse électronique.');
    expect(errorBeside(empty.html, 'password')).toBe('Indiquez votre mot de passe.');
    const bad = await new WebClient(relais.url).post('/espace/connexion', { email: `${INJECTION}@x`, password: 'x'.repeat(500) }, { csrf: null });
    expect(errorBeside(bad.html, 'email')).toContain('adresse électronique valide');
    expect(errorBeside(bad.html, 'password')).toBe('Ce mot de passe est trop long.');
    expect(bad.html).not.toContain(INJECTION);
    expect(bad.html).toContain('&lt;script&gt;');
  });
});

describe('hand-off form', () => {
  const before = () => count('handoffs');

  it.each([
    ['empty', { caller: '', commune: '', need: '', procedure: '', note: '' }, 'caller', "Indiquez le numéro d'où la personne appelle."],
    ['overlong note', { caller: '06 12 34 56 78', commune: '', need: '', procedure: '', note: 'x'.repeat(201) }, 'note', 'La note est trop longue (200 caractères au plus).'],
    ['not a number', { caller: 'douze', commune: '', need: '', procedure: '', note: '' }, 'caller', 'Indiquez un numéro de téléphone, par exemple 06 12 34 56 78.'],
    ['a need not in the list', { caller: '06 12 34 56 78', commune: '', need: 'pizza', procedure: '', note: '' }, 'need', 'Choisissez un besoin dans la liste.'],
    ['an unknown commune', { caller: '06 12 34 56 78', commune: 'Zzyzxville', need: '', procedure: '', note: '' }, 'commune', 'Aucune commune ne s\'appelle « Zzyzxville »'],
  ])('%s: a French error beside the field, nothing saved', async (_name, fields, field, message) => {
    const n = before();
    await admin.get('/espace/transfert');
    const page = await admin.post('/espace/transfert', fields);
    expect(page.status).toBe(400);
    expect(textOf(errorBeside(page.html, field) ?? '')).toContain(message);
    expect(count('handoffs')).toBe(n);
  });

  it('escapes HTML typed in a field and gives it back as typed', async () => {
    await admin.get('/espace/transfert');
    const page = await admin.post('/espace/transfert', { caller: '', commune: '', need: '', procedure: INJECTION, note: INJECTION });
    expect(page.status).toBe(400);
    expect(page.html).not.toContain(INJECTION);
    expect(page.html).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</textarea>');
  });
});

describe('place search form', () => {
  it('asks for a commune, refuses an unknown one and a need not in the list, beside the field', async () => {
    const empty = await admin.get('/espace/lieux?commune=&need=demarches');
    expect(empty.status).toBe(400);
    expect(errorBeside(empty.html, 'commune')).toBe('Indiquez une commune ou un code postal.');
    const unknown = await admin.get(`/espace/lieux?commune=${encodeURIComponent(INJECTION)}&need=demarches`);
    expect(unknown.status).toBe(400);
    expect(textOf(errorBeside(unknown.html, 'commune')!)).toContain('Aucune commune ne s\'appelle « <script>alert(1)</script> »');
    expect(unknown.html).not.toContain(INJECTION);
    const need = await admin.get('/espace/lieux?commune=Annecy&need=42');
    expect(errorBeside(need.html, 'need')).toBe('Choisissez un besoin dans la liste.');
    const long = await admin.get(`/espace/lieux?commune=${'a'.repeat(81)}&need=demarches`);
    expect(errorBeside(long.html, 'commune')).toBe('Ce nom est trop long (80 caractères au plus).');
    const day = await admin.get('/espace/lieux?commune=Annecy&need=demarches&openOn=lundi');
    expect(errorBeside(day.html, 'openOn')).toBe('Choisissez un jour, par exemple 01/12/2026.');
    const sunday = await admin.get('/espace/lieux?commune=Rodez&need=demarches&openOn=2026-11-29');
    expect(sunday.status).toBe(200);
    expect(sunday.html).not.toContain('France services de Rodez');
  });

  it('refuses to send to something that is not a French mobile, beside the number', async () => {
    await admin.get('/espace/lieux?commune=Annecy&need=demarches');
    for (const to of ['', '04 66 00 00 00', 'x'.repeat(40)]) {
      const page = await admin.post('/espace/lieux/sms', { commune: 'Annecy', need: 'demarches', to });
      expect(page.status, to).toBe(400);
      expect(errorBeside(page.html, 'to'), to).toBeDefined();
    }
  });
});

describe('callback form', () => {
  it('asks for an outcome from the list and a note of 500 characters at most, and closes nothing', async () => {
    await relais.sms('+33612000001', 'AIDE');
    const id = relais.query<{ id: number }>('select id from callback_requests')[0]!.id;
    await admin.get('/espace/rappels');
    await admin.post(`/espace/rappels/${id}/prendre`, {});
    const bad = await admin.post(`/espace/rappels/${id}/terminer`, { outcome: 'parti en vacances', note: INJECTION });
    expect(bad.status).toBe(400);
    expect(errorBeside(bad.html, 'outcome')).toBe('Choisissez comment le rappel s’est passé.');
    expect(bad.html).not.toContain(INJECTION);
    const long = await admin.post(`/espace/rappels/${id}/terminer`, { outcome: 'joint', note: 'x'.repeat(501) });
    expect(errorBeside(long.html, 'note')).toBe('La note est trop longue (500 caractères au plus).');
    expect(relais.query('select status from callback_requests where id = ?', id)).toEqual([{ status: 'open' }]);
    expect((await admin.post('/espace/rappels/abc/terminer', { outcome: 'joint' })).status).toBe(404);
  });
});

describe('settings forms', () => {
  it('refuses bad department settings beside each field and keeps the saved ones', async () => {
    await admin.get('/espace/reglages');
    const page = await admin.post('/espace/reglages', {
      name: '',
      platformPhone: '12',
      platformOpeningHours: 'tous les jours',
      whiteZoneRadiusKm: 'trente',
      voiceNumber: '0466000099',
      smsNumber: '+33939000074',
    });
    expect(page.status).toBe(400);
    expect(errorBeside(page.html, 'name')).toBe('Indiquez le nom du département.');
    expect(errorBeside(page.html, 'platformPhone')).toContain('par exemple 04 66 49 66 66');
    expect(errorBeside(page.html, 'platformOpeningHours')).toContain('Mo-Fr 09:00-12:00');
    expect(errorBeside(page.html, 'whiteZoneRadiusKm')).toBe('Indiquez un nombre de kilomètres.');
    expect(errorBeside(page.html, 'voiceNumber')).toContain('format international');
    expect(page.html).toContain('value="tous les jours"');
    const taken = await admin.post('/espace/reglages', { name: 'Lozère', smsNumber: '+33939000074' });
    expect(errorBeside(taken.html, 'smsNumber')).toBe('Ce numéro est déjà celui d’un autre département.');
    expect(relais.query<{ name: string }>("select name from departments where code = '48'")[0]!.name).toBe('Lozère');
  });

  it('refuses a bad invitation and a bad token name beside the field', async () => {
    await admin.get('/espace/reglages');
    const invite = await admin.post('/espace/reglages/invitations', { email: INJECTION, role: 'roi' });
    expect(errorBeside(invite.html, 'email')).toContain('adresse électronique valide');
    expect(errorBeside(invite.html, 'role')).toBe('Choisissez un rôle dans la liste.');
    expect(invite.html).not.toContain(INJECTION);
    const token = await admin.post('/espace/reglages/jetons', { label: 'x'.repeat(81) });
    expect(errorBeside(token.html, 'label')).toBe('Ce nom est trop long (80 caractères au plus).');
    expect(count('invitations') + count('api_tokens')).toBe(0);
  });

  it("imports the department's workshops and reports every refused line", async () => {
    await admin.get('/espace/reglages');
    const csv = [
      'id,titre,themes,lieu,adresse,code_postal,commune,latitude,longitude,debut,fin,places,prix,public,organisateur,contact,demo',
      'mende-1,Tablette pour débuter,apprendre,Médiathèque,1 place Urbain V,48000,Mende,44.5180,3.5000,2026-12-01T14:00,2026-12-01T16:00,8,Gratuit,Seniors,CD48,,non',
      'mende-2,Sans date,apprendre,Médiathèque,1 place Urbain V,48000,Mende,44.5180,3.5000,pas une date,2026-12-01T16:00,8,Gratuit,Seniors,CD48,,non',
      'annecy-1,Ailleurs,apprendre,Bonlieu,1 rue Jean Jaurès,74000,Annecy,45.8995,6.1290,2026-12-01T14:00,2026-12-01T16:00,8,Gratuit,Seniors,CD74,,non',
    ].join('\n');
    const form = new FormData();
    form.set('fichier', new File([csv], 'ateliers.csv', { type: 'text/csv' }));
    const page = await admin.postMultipart('/espace/reglages/ateliers', form);
    expect(page.status).toBe(200);
    const text = textOf(page.html);
    expect(text).toContain('1 séance(s) gardée(s) : 1 ajoutée(s)');
    expect(text).toMatch(/3 debut/);
    expect(text).toContain("« Ailleurs » (74000) n'est pas dans le département 48");
    expect(relais.query('select id from workshop_sessions')).toEqual([{ id: expect.stringContaining('mende-1') }]);
    const none = new FormData();
    none.set('fichier', new File([], 'vide.csv'));
    const empty = await admin.postMultipart('/espace/reglages/ateliers', none);
    expect(empty.status).toBe(400);
    expect(textOf(empty.html)).toContain('Choisissez un fichier CSV ou ICS.');
  });
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document describing the places and hand-off APIs', async () => {
    const document = (await (await fetch(`${relais.url}/api/openapi.json`)).json()) as Parameters<typeof validate>[0] & { paths: Record<string, unknown> };
    const result = await validate(document);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(Object.keys(document.paths)).toEqual(['/api/places', '/api/handoffs']);
  });

  it('answers a bad query precisely', async () => {
    await admin.get('/espace/reglages');
    const created = await admin.post('/espace/reglages/jetons', { label: 'Outil' });
    const token = /id="nouveau-jeton">([^<]+)</.exec(created.html)![1]!;
    const bad = await fetch(`${relais.url}/api/places?commune=A&need=pizza&limit=99`, { headers: { Authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { problems: string[] };
    expect(body.problems).toEqual(expect.arrayContaining([expect.stringMatching(/^commune:/), expect.stringMatching(/^need:/), expect.stringMatching(/^limit:/)]));
    const unknown = await fetch(`${relais.url}/api/places?commune=Zzyzxville`, { headers: { Authorization: `Bearer ${token}` } });
    expect(unknown.status).toBe(404);
  });
});
