// The workspace in a real Chromium, on a fresh SQLite file: the first administrator (created by `npm run
// admin:create`) invites an agent; the agent sees the callback of a senior who texted « AIDE », takes it and closes
// it; looks up places for a caller in another commune and sends them by SMS (recorded by the Twilio REST fake),
// refused for a number that said STOP; prepares a hand-off, and the transferred call is answered with its context.
// Every page is screenshotted and checked by axe-core (no serious or critical violation).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { launchBrowser, screenshot, seriousViolations, CHROMIUM, type Browser } from '../support/browser.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, SESSION_SECRET } from '../support/workspace.js';
import { twoDepartments } from './fixtures.js';

const ADMIN_PASSWORD = 'le mot de passe de l’administratrice';
const AGENT_PASSWORD = 'le mot de passe de l’agent';
const root = new URL('../../', import.meta.url).pathname;

let relais: TestRelais;
let twilio: FakeTwilioRest;
let browser: Browser;
let admin: Page;
let agent: Page;

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `${name}: accessibility`).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${relais.url}/espace/connexion`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/espace/rappels');
}

describe.skipIf(!existsSync(CHROMIUM))('the workspace in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioRest();
    relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET, twilioApi: twilio.twilioApi });
    const created = spawnSync(join('node_modules', '.bin', 'tsx'), ['scripts/admin-create.ts', '--departement', '48', '--email', 'Admin@Lozere.fr'], {
      cwd: root,
      env: { ...process.env, DATABASE_PATH: relais.databasePath, RELAIS_ADMIN_PASSWORD: ADMIN_PASSWORD },
      encoding: 'utf8',
    });
    expect(created.status, created.stderr).toBe(0);
    browser = await launchBrowser();
    admin = await browser.newPage();
    agent = await browser.newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await relais?.stop();
    await twilio?.close();
  });

  it('signs the administrator in and invites an agent by a one-time link', async () => {
    await admin.goto(`${relais.url}/espace/connexion`);
    await checkPage(admin, '01-connexion');
    await signIn(admin, 'admin@lozere.fr', ADMIN_PASSWORD);
    await admin.getByRole('link', { name: 'Réglages' }).click();
    await admin.getByLabel('Adresse électronique').fill('agent@lozere.fr');
    await admin.getByLabel('Rôle').selectOption('agent');
    await admin.getByRole('button', { name: "Créer le lien d'invitation" }).click();
    const link = (await admin.locator('#lien-invitation').textContent())!;
    expect(link).toMatch(/\/espace\/invitation\/[\w-]{40,}$/);
    await checkPage(admin, '02-reglages');

    await agent.goto(link.replace('https://relais.example.fr', relais.url));
    await checkPage(agent, '03-invitation');
    await agent.getByLabel(/^Mot de passe/).fill(AGENT_PASSWORD);
    await agent.getByLabel('Le même mot de passe, une seconde fois').fill(AGENT_PASSWORD);
    await agent.getByRole('button', { name: 'Créer mon compte' }).click();
    await agent.waitForURL('**/espace/rappels');
    // The link worked once.
    const again = await fetch(link.replace('https://relais.example.fr', relais.url));
    expect(again.status).toBe(404);
  });

  it('shows the callback of a senior who texted AIDE, with its context; the agent takes it and closes it', async () => {
    await relais.sms('+33612345678', 'Bonjour');
    await relais.sms('+33612345678', '1');
    await relais.sms('+33612345678', '74000');
    await relais.sms('+33612345678', 'AIDE');
    await agent.goto(`${relais.url}/espace/rappels`);
    const row = agent.getByRole('row', { name: /06 12 34 56 78/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('SMS');
    expect(await row.textContent()).toContain('Commune : Annecy');
    expect(await row.textContent()).toContain('Où en était la conversation : Recherche d’un lieu');
    await checkPage(agent, '04-rappels');
    await row.getByRole('button', { name: /Prendre/ }).click();
    await expect.poll(() => agent.getByRole('row', { name: /06 12 34 56 78/ }).textContent()).toContain('Pris par agent@lozere.fr');
    await agent.getByLabel('Résultat').selectOption('joint');
    await agent.getByLabel('Note (facultative)').fill('Rappelée, rendez-vous pris à la France Services.');
    await checkPage(agent, '05-rappel-pris');
    await agent.getByRole('button', { name: 'Terminer' }).click();
    await agent.waitForURL('**/espace/rappels?fait=1');
    expect(await agent.getByText('Rappel terminé.').count()).toBe(1);
    expect(relais.query('select status, outcome, note from callback_requests where contact_address = ?', '+33612345678')).toEqual([
      { status: 'done', outcome: 'joint', note: 'Rappelée, rendez-vous pris à la France Services.' },
    ]);
  });

  it('tells the agent to answer in writing a person who said she hears badly', async () => {
    const reply = await relais.sms('+33612345679', "Je suis sourde, je ne peux pas téléphoner, comment faire pour parler à quelqu'un ? J'habite à Annecy");
    expect(reply.messages.join('\n')).toContain('par écrit');
    await agent.goto(`${relais.url}/espace/rappels`);
    const row = agent.getByRole('row', { name: /06 12 34 56 79/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('Répondre par écrit (SMS) : la personne entend mal, ne pas appeler');
    await checkPage(agent, '05b-rappel-par-ecrit');
  });

  it('looks up places for a caller in another commune and sends them by SMS; never to a number that said STOP', async () => {
    await agent.getByRole('link', { name: 'Chercher un lieu' }).click();
    await agent.getByLabel('Commune ou code postal').fill('Annecy');
    await agent.getByLabel('Besoin').selectOption('demarches');
    await agent.getByRole('button', { name: 'Chercher' }).click();
    await agent.getByRole('heading', { name: "Près d'Annecy" }).waitFor();
    const rows = agent.locator('table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await checkPage(agent, '06-lieux');
    await agent.getByLabel('Numéro de portable de la personne').fill('06 98 76 54 32');
    await agent.getByRole('button', { name: 'Envoyer par SMS' }).click();
    await agent.getByText('SMS envoyé au 06 98 76 54 32.').waitFor();
    expect(twilio.sent).toHaveLength(1);
    expect(twilio.sent[0]!.to).toBe('+33698765432');
    expect(twilio.sent[0]!.body).toContain('Annecy');
    expect(twilio.sent[0]!.body).toContain(await rows.first().locator('td').first().textContent());

    await relais.sms('+33611111111', 'STOP');
    await agent.getByLabel('Numéro de portable de la personne').fill('06 11 11 11 11');
    await agent.getByRole('button', { name: 'Envoyer par SMS' }).click();
    await agent.getByText('a demandé à ne plus recevoir de SMS').waitFor();
    expect(twilio.sent).toHaveLength(1);
    await checkPage(agent, '07-lieux-stop');
  });

  it('prepares a hand-off, shows the number to transfer to, and the transferred call starts with its context', async () => {
    await agent.getByRole('link', { name: 'Transférer un appel' }).click();
    await checkPage(agent, '08-transfert');
    await agent.getByLabel('Numéro de la personne').fill('06 33 44 55 66');
    await agent.getByLabel('Commune ou code postal (facultatif)').fill('74000');
    await agent.getByLabel('Besoin (facultatif)').selectOption('lieu');
    await agent.locator('label[for="champ-slowSpeech"]').click(); // DSFR draws the box on the label
    await agent.getByRole('button', { name: 'Préparer le transfert' }).click();
    await agent.getByText('Numéro à composer : 04 66 00 00 99.').waitFor();
    await checkPage(agent, '09-transfert-pret');

    const call = await relais.call('+33633445566', { to: '+33466000099' });
    expect(call.lastHeard()).toContain('Le conseiller nous a transmis votre demande pour Annecy');
    expect(call.lastHeard()).toContain('pour Annecy');
    expect(call.said[0]?.rate).toBe('80%');
    expect(relais.query('select departement, used_by_call from handoffs')).toEqual([{ departement: '48', used_by_call: call.callSid }]);
  });

  it("shows the administrator's settings page without violations after a save", async () => {
    await admin.goto(`${relais.url}/espace/reglages`);
    await admin.getByLabel('Numéro de la plateforme téléphonique').fill('04 66 12 34 56');
    await admin.getByRole('button', { name: 'Enregistrer les réglages' }).click();
    await admin.getByText('Réglages enregistrés.').waitFor();
    await checkPage(admin, '10-reglages-enregistres');
  });

  it("shows an agent of another department none of it, even by tampering with the URL", async () => {
    await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74', password: AGENT_PASSWORD });
    await relais.sms('+33677777777', 'AIDE');
    const other = await browser.newPage();
    await signIn(other, 'agent@haute-savoie.fr', AGENT_PASSWORD);
    expect(await other.locator('main').textContent()).toContain("Personne n'attend de rappel pour le moment.");
    const handoffId = relais.query<{ id: string }>("select id from handoffs where departement = '48'")[0]!.id;
    const response = await other.goto(`${relais.url}/espace/transfert/${handoffId}`);
    expect(response?.status()).toBe(404);
    expect(await other.locator('main').textContent()).toContain('Transfert introuvable');
    expect(await other.content()).not.toContain('06 33 44 55 66');
    await checkPage(other, '11-autre-departement');
  });
});
