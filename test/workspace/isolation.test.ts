// Each department sees only its own people: an agent of department 48 asking for department 74's callback,
// hand-off, user or settings, by id, by URL tampering or through the API, gets 404/403 and never the data.
// Also: signed-out requests are redirected, a forged CSRF token is refused, sessions expire and can be revoked,
// and the login rate limit triggers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET, textOf, WebClient, PASSWORD } from '../support/workspace.js';
import { HAUTE_SAVOIE_SMS, twoDepartments } from './fixtures.js';

let relais: TestRelais;
let admin48: WebClient;
let agent48: WebClient;
let agent74: WebClient;
let agent74Id: string;

const callbackIdOf = (relais: TestRelais, address: string) =>
  relais.query<{ id: number }>("select max(id) as id from callback_requests where contact_address = ? and status = 'open'", address)[0]!.id;

beforeAll(async () => {
  relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET });
  await createUser(relais.databasePath, { email: 'admin@lozere.fr', departement: '48', role: 'admin' });
  await createUser(relais.databasePath, { email: 'agent@lozere.fr', departement: '48' });
  agent74Id = await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74' });
  // A person texts the Lozère number twice, another the Haute-Savoie number.
  await relais.sms('+33612345678', 'AIDE');
  await relais.sms('+33612345678', 'AIDE');
  await relais.sms('+33698765432', 'AIDE', { extraParams: { To: HAUTE_SAVOIE_SMS } });
  admin48 = new WebClient(relais.url);
  agent48 = new WebClient(relais.url);
  agent74 = new WebClient(relais.url);
  for (const [client, email] of [[admin48, 'admin@lozere.fr'], [agent48, 'agent@lozere.fr'], [agent74, 'agent@haute-savoie.fr']] as const) {
    expect((await client.signIn(email)).status).toBe(303);
  }
});

afterAll(() => relais.stop());

describe('tenancy', () => {
  it('attaches each callback request to the department whose Relais number was texted', () => {
    const rows = relais.query<{ contact_address: string; departement: string }>('select contact_address, departement from callback_requests order by id');
    expect(rows).toEqual([
      { contact_address: '+33612345678', departement: '48' },
      { contact_address: '+33612345678', departement: '48' },
      { contact_address: '+33698765432', departement: '74' },
    ]);
    expect(relais.query('select departement from conversations where contact_address = ?', '+33698765432')).toEqual([{ departement: '74' }]);
  });

  it("attaches a request to the person's commune's department when the number texted names none", async () => {
    const from = '+33600000074';
    const to = { extraParams: { To: '+33100000000' } };
    await relais.sms(from, 'AIDE', to);
    expect(relais.query('select departement from callback_requests where contact_address = ?', from)).toEqual([{ departement: null }]);
    await relais.sms(from, 'Bonjour', to);
    await relais.sms(from, '1', to);
    await relais.sms(from, '74000', to);
    // The earlier open request is claimed by the department once the commune is known.
    expect(relais.query('select departement from callback_requests where contact_address = ?', from)).toEqual([{ departement: '74' }]);
    expect(relais.query('select departement from conversations where contact_address = ?', from)).toEqual([{ departement: '74' }]);
  });

  it("shows each agent their own department's queue only, a person who asked twice once, with their number", async () => {
    const page48 = textOf((await agent48.get('/espace/rappels')).html);
    expect(page48).toContain('06 12 34 56 78');
    expect(page48).toContain('A demandé 2 fois');
    expect(page48).not.toContain('06 98 76 54 32');
    const page74 = textOf((await agent74.get('/espace/rappels')).html);
    expect(page74).toContain('06 98 76 54 32');
    expect(page74).toContain('06 00 00 00 74');
    expect(page74).not.toContain('06 12 34 56 78');
  });
});

describe('isolation', () => {
  it("refuses department 74's callback to an agent of 48, by id, and changes nothing", async () => {
    await agent48.get('/espace/rappels');
    const id74 = callbackIdOf(relais, '+33698765432');
    const take = await agent48.post(`/espace/rappels/${id74}/prendre`, {});
    expect(take.status).toBe(404);
    expect(take.html).not.toContain('06 98 76 54 32');
    const close = await agent48.post(`/espace/rappels/${id74}/terminer`, { outcome: 'joint', note: 'x' });
    expect(close.status).toBe(404);
    expect(relais.query('select status, assigned_to, outcome from callback_requests where id = ?', id74)).toEqual([{ status: 'open', assigned_to: null, outcome: null }]);
  });

  it("refuses a hand-off of department 48 to an agent of 74, and tampered ids", async () => {
    await agent48.get('/espace/transfert');
    const created = await agent48.post('/espace/transfert', { caller: '06 11 22 33 44', commune: 'Mende', need: 'lieu', procedure: '', note: 'Dame seule' });
    expect(created.status).toBe(303);
    const path = created.location!;
    expect((await agent48.get(path)).html).toContain('04 66 00 00 99');
    const other = await agent74.get(path);
    expect(other.status).toBe(404);
    expect(other.html).not.toContain('06 11 22 33 44');
    expect((await agent74.get('/espace/transfert/%27%20or%201%3D1--')).status).toBe(404);
    expect(relais.query('select departement from handoffs')).toEqual([{ departement: '48' }]);
  });

  it("refuses department 74's user and settings to department 48's administrator", async () => {
    await admin48.get('/espace/reglages');
    const remove = await admin48.post(`/espace/reglages/utilisateurs/${agent74Id}/retirer`, {});
    expect(remove.status).toBe(404);
    expect(relais.query('select disabled_at from users where id = ?', agent74Id)).toEqual([{ disabled_at: null }]);
    expect(textOf((await admin48.get('/espace/reglages')).html)).not.toContain('agent@haute-savoie.fr');
    // A posted department code is ignored: the settings saved are always the user's own department's.
    await admin48.post('/espace/reglages', { code: '74', name: 'Lozère modifiée', platformPhone: '04 66 11 11 11' });
    const rows = relais.query<{ code: string; name: string }>('select code, name from departments order by code');
    expect(rows).toEqual([
      { code: '48', name: 'Lozère modifiée' },
      { code: '74', name: 'Haute-Savoie' },
    ]);
  });

  it('keeps Réglages for administrators: an agent gets 403', async () => {
    const page = await agent48.get('/espace/reglages');
    expect(page.status).toBe(403);
    expect(textOf(page.html)).toContain('Accès refusé');
    expect((await agent48.post('/espace/reglages/jetons', { label: 'mon outil' })).status).toBe(403);
    expect(relais.query('select count(*) as n from api_tokens')).toEqual([{ n: 0 }]);
  });

  it("answers the API with the token's own department only, and refuses without a live token", async () => {
    await admin48.get('/espace/reglages');
    const created = await admin48.post('/espace/reglages/jetons', { label: 'Outil de la plateforme' });
    const token = /id="nouveau-jeton">([^<]+)</.exec(created.html)![1]!;
    expect(relais.query<{ token_hash: string }>('select token_hash from api_tokens')[0]!.token_hash).not.toContain(token);
    const ok = await fetch(`${relais.url}/api/places?commune=Annecy&need=demarches`, { headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { places: unknown[] }).places.length).toBeGreaterThan(0);
    expect((await fetch(`${relais.url}/api/places?commune=Annecy`)).status).toBe(401);
    expect((await fetch(`${relais.url}/api/places?commune=Annecy`, { headers: { Authorization: 'Bearer relais_forged' } })).status).toBe(401);
    // The same token registers hand-offs for its department, seen by its agents only.
    const handoff = await fetch(`${relais.url}/api/handoffs`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ caller: '06 44 44 44 44', commune: 'Mende', need: 'lieu' }),
    });
    expect(handoff.status).toBe(201);
    const handoffId = ((await handoff.json()) as { id: string }).id;
    expect(relais.query('select departement from handoffs where id = ?', handoffId)).toEqual([{ departement: '48' }]);
    expect((await agent48.get(`/espace/transfert/${handoffId}`)).status).toBe(200);
    expect((await agent74.get(`/espace/transfert/${handoffId}`)).status).toBe(404);
    const id = relais.query<{ id: string }>('select id from api_tokens')[0]!.id;
    // Another department cannot revoke it; its own administrator can.
    expect((await agent74.post(`/espace/reglages/jetons/${id}/revoquer`, {})).status).toBe(403);
    await admin48.post(`/espace/reglages/jetons/${id}/revoquer`, {});
    expect((await fetch(`${relais.url}/api/places?commune=Annecy`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(401);
  });
});

describe('sessions and CSRF', () => {
  it('sends a signed-out request to the sign-in page', async () => {
    const anonymous = new WebClient(relais.url);
    for (const path of ['/espace/rappels', '/espace/lieux', '/espace/transfert', '/espace/reglages', '/espace/rappels/1/prendre']) {
      const page = path.endsWith('prendre') ? await anonymous.post(path, {}) : await anonymous.get(path);
      expect(page.status, path).toBe(303);
      expect(page.location).toBe('/espace/connexion');
    }
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax', async () => {
    const response = await fetch(`${relais.url}/espace/connexion`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: relais.url },
      body: new URLSearchParams({ email: 'agent@lozere.fr', password: PASSWORD }).toString(),
    });
    const cookie = response.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/relais_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it('refuses a forged or missing CSRF token, and a post from another origin, saving nothing', async () => {
    await agent48.get('/espace/transfert');
    const before = relais.query('select count(*) as n from handoffs');
    const fields = { caller: '06 55 55 55 55', commune: 'Mende', need: '', procedure: '', note: '' };
    expect((await agent48.post('/espace/transfert', fields, { csrf: 'forged-token' })).status).toBe(403);
    expect((await agent48.post('/espace/transfert', fields, { csrf: null })).status).toBe(403);
    expect((await agent48.post('/espace/transfert', fields, { origin: 'https://evil.example' })).status).toBe(403);
    // Another user's valid token is not this session's.
    await agent74.get('/espace/transfert');
    expect((await agent48.post('/espace/transfert', fields, { csrf: agent74.csrf })).status).toBe(403);
    expect(relais.query('select count(*) as n from handoffs')).toEqual(before);
  });

  it('ends a session after 30 minutes idle, and after 10 hours whatever happens', async () => {
    const client = new WebClient(relais.url);
    await client.signIn('agent@lozere.fr');
    relais.clock.current += 29 * 60_000;
    expect((await client.get('/espace/rappels')).status).toBe(200);
    relais.clock.current += 31 * 60_000;
    expect((await client.get('/espace/rappels')).status).toBe(303);

    const busy = new WebClient(relais.url);
    await busy.signIn('agent@lozere.fr');
    for (let i = 0; i < 23; i++) {
      relais.clock.current += 25 * 60_000; // 9 h 35 in all, never idle 30 minutes
      expect((await busy.get('/espace/rappels')).status).toBe(200);
    }
    relais.clock.current += 26 * 60_000; // 10 h 01
    expect((await busy.get('/espace/rappels')).status).toBe(303);
  });

  it('revokes a session at sign-out, and every session of a removed user', async () => {
    const client = new WebClient(relais.url);
    await client.signIn('agent@lozere.fr');
    const cookie = client.cookie;
    await client.get('/espace/rappels');
    expect((await client.post('/espace/deconnexion', {})).location).toBe('/espace/connexion');
    const replay = await fetch(`${relais.url}/espace/rappels`, { redirect: 'manual', headers: { Cookie: cookie } });
    expect(replay.status).toBe(303);

    const removed = new WebClient(relais.url);
    const id = await createUser(relais.databasePath, { email: 'partant@lozere.fr', departement: '48' });
    await removed.signIn('partant@lozere.fr');
    expect((await removed.get('/espace/rappels')).status).toBe(200);
    const admin = new WebClient(relais.url);
    await admin.signIn('admin@lozere.fr');
    await admin.get('/espace/reglages');
    expect((await admin.post(`/espace/reglages/utilisateurs/${id}/retirer`, {})).status).toBe(200);
    expect((await removed.get('/espace/rappels')).status).toBe(303);
    expect((await removed.signIn('partant@lozere.fr')).status).toBe(401);
  });

  it('limits sign-in attempts per account with a French message, even with the right password', async () => {
    await createUser(relais.databasePath, { email: 'cible@lozere.fr', departement: '48' });
    const attacker = new WebClient(relais.url);
    for (let i = 0; i < 5; i++) expect((await attacker.signIn('cible@lozere.fr', 'mauvais mot de passe')).status).toBe(401);
    const limited = await attacker.signIn('cible@lozere.fr');
    expect(limited.status).toBe(429);
    expect(textOf(limited.html)).toContain('Trop de tentatives de connexion');
    relais.clock.current += 16 * 60_000;
    expect((await attacker.signIn('cible@lozere.fr')).status).toBe(303);
  });

  it('limits sign-in attempts per address across accounts', async () => {
    const attacker = new WebClient(relais.url);
    relais.clock.current += 16 * 60_000;
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await attacker.signIn(`inconnu${i}@exemple.fr`, 'mauvais mot de passe')).status;
    expect(last).toBe(429);
  });
});

describe('without SESSION_SECRET', () => {
  it('answers /espace with 503 and a French explanation, and everything else works', async () => {
    const bare = await startTestRelais();
    try {
      const page = await fetch(`${bare.url}/espace/connexion`);
      expect(page.status).toBe(503);
      expect(textOf(await page.text())).toContain('SESSION_SECRET');
      expect((await fetch(`${bare.url}/health`)).status).toBe(200);
      expect((await bare.sms('+33612345678', 'Bonjour')).status).toBe(200);
    } finally {
      await bare.stop();
    }
  });
});

describe('response headers', () => {
  it('keeps workspace pages out of caches and frames', async () => {
    const response = await fetch(`${relais.url}/espace/connexion`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    const css = await fetch(`${relais.url}/espace/dsfr/dsfr.min.css`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect((await fetch(`${relais.url}/espace/dsfr/../../package.json`)).status).toBe(404);
    expect((await fetch(`${relais.url}/espace/dsfr/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });
});
