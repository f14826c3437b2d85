// Orientations in a real Chromium: a relay orients a person by SMS; the platform's agent creates the place's answer
// link; the place opens it (no account), proposes a time and accepts; the relay sees the change in the workspace.
// The orientation sheet is printed to PDF by Chromium: one A4 page with the place, the time, what to bring and who
// oriented. Every page is screenshotted and checked by axe-core (no serious or critical violation).
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { procedures } from '../../data/procedures/index.js';
import { launchBrowser, screenshot, seriousViolations, CHROMIUM, type Browser } from '../support/browser.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, PASSWORD, SESSION_SECRET } from '../support/workspace.js';
import { twoDepartments } from '../workspace/fixtures.js';
import { createStructure, createStructureUser } from './support.js';

const RELAY_PHONE = '+33622334455';
/** A4 in PostScript points. */
const A4 = { width: 595.28, height: 841.89 };

let relais: TestRelais;
let twilio: FakeTwilioRest;
let browser: Browser;
let relay: Page;
let agent: Page;
let place: Page;
let sheetLink: string;
let orientationId: string;

async function checkPage(page: Page, name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `${name}: accessibility`).toEqual([]);
}

async function signIn(page: Page, email: string) {
  await page.goto(`${relais.url}/espace/connexion`);
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe').fill(PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(/\/espace\/(rappels|orientations)$/);
}

describe.skipIf(!existsSync(CHROMIUM))('orientations in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    twilio = await startFakeTwilioRest();
    relais = await startTestRelais({ departments: twoDepartments(), sessionSecret: SESSION_SECRET, twilioApi: twilio.twilioApi });
    const saad = await createStructure(relais.databasePath, { departement: '74', name: 'SAAD du lac' });
    await createStructureUser(relais.databasePath, { email: 'aline@saad.fr', departement: '74', role: 'relay', structureId: saad, phone: RELAY_PHONE });
    await createUser(relais.databasePath, { email: 'agent@haute-savoie.fr', departement: '74' });
    for (const line of ['Une dame à Annecy a perdu sa carte vitale, elle ne conduit pas', '1', '2', '06 11 22 33 44']) {
      const reply = await relais.sms(RELAY_PHONE, line);
      sheetLink = /https:\/\/relais\.example\.fr\/fiche\/[\w-]+/.exec(reply.messages.join('\n'))?.[0] ?? sheetLink;
    }
    orientationId = relais.query<{ id: string }>('select id from orientations')[0]!.id;
    browser = await launchBrowser();
    [relay, agent, place] = [await browser.newPage(), await browser.newPage(), await browser.newPage()];
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await relais?.stop();
    await twilio?.close();
  });

  it('the relay sees the orientation it sent by SMS, « envoyée »', async () => {
    await signIn(relay, 'aline@saad.fr');
    expect(relay.url()).toMatch(/\/espace\/orientations$/);
    const row = relay.getByRole('row', { name: /envoyée/ });
    expect(await row.count()).toBe(1);
    await checkPage(relay, 'orientations-01-liste-relais');
    await row.getByRole('link', { name: /Voir l'orientation/ }).click();
    await relay.getByRole('heading', { name: 'Historique' }).waitFor();
    expect(await relay.locator('main').textContent()).toContain('se déplace difficilement');
    // The follow-ups Relais will send: the person gave a mobile, so she is asked, not the relay.
    const followUps = relay.getByRole('table', { name: "Suivis de l'orientation" });
    expect(await followUps.getByRole('row', { name: /vérification à 7 jours/ }).textContent()).toMatch(/la personne.*prévu/);
    expect(await followUps.getByRole('row', { name: /évaluation à froid/ }).textContent()).toMatch(/la personne.*prévu/);
    await checkPage(relay, 'orientations-02-detail-relais');
  });

  it('the place accepts through its link and proposes a time; the relay sees the change', async () => {
    await signIn(agent, 'agent@haute-savoie.fr');
    await agent.goto(`${relais.url}/espace/orientations/${orientationId}`);
    await agent.getByRole('button', { name: 'Créer le lien de réponse pour le lieu' }).click();
    const link = (await agent.locator('#lien-orientation').textContent())!;
    await checkPage(agent, 'orientations-03-lien-agent');

    await place.goto(link.replace('https://relais.example.fr', relais.url));
    await place.getByRole('heading', { name: 'Une personne vous est orientée' }).waitFor();
    await checkPage(place, 'orientations-04-reponse-lieu');
    await place.getByLabel(/Rendez-vous proposé/).fill('2026-11-26T10:30');
    await place.getByRole('button', { name: "Accepter l'orientation" }).click();
    await place.getByRole('heading', { name: 'Merci, votre réponse est enregistrée' }).waitFor();
    await checkPage(place, 'orientations-05-reponse-enregistree');

    await relay.reload();
    const main = relay.locator('main');
    await expect.poll(() => main.textContent()).toContain('jeudi 26 novembre à 10 h 30');
    expect(await relay.getByRole('row', { name: /acceptée/ }).textContent()).toContain('Le lieu (lien de réponse)');
    expect(twilio.sent.map((s) => s.to)).toContain(RELAY_PHONE);
    await checkPage(relay, 'orientations-06-acceptee');
  });

  it('prints the orientation sheet on one A4 page with the place, the time, what to bring and who oriented', async () => {
    const sheet = await browser.newPage();
    await sheet.goto(sheetLink.replace('https://relais.example.fr', relais.url));
    await checkPage(sheet, 'orientations-07-fiche');
    const pdf = await sheet.pdf({ format: 'A4', printBackground: true });
    const document = await getDocumentProxy(new Uint8Array(pdf));
    expect(document.numPages).toBe(1);
    const page = await document.getPage(1);
    const [, , width, height] = page.view;
    // Chromium rounds A4 to hundredths of an inch (8.27 × 11.69 in): within a point of it.
    expect(Math.abs(width! - A4.width)).toBeLessThan(1);
    expect(Math.abs(height! - A4.height)).toBeLessThan(1);
    const { text } = await extractText(document, { mergePages: true });
    const row = relais.query<{ place_name: string }>('select place_name from orientations where id = ?', orientationId)[0]!;
    const lostCard = procedures.find((p) => p.id === 'carte-vitale-perdue')!;
    for (const expected of [row.place_name, 'Rendez-vous : jeudi 26 novembre à 10 h 30', 'À apporter', lostCard.documents[0]!, 'Qui vous oriente', 'aline@saad.fr']) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    expect(text).not.toContain('Imprimer cette fiche');
  });
});
