// The activity pages in a real Chromium: the dashboard, the white-zone map (a commune clicked) and the printable
// report render from conversations run through the signed SMS webhook, pass axe-core with no serious violation, and
// are saved as screenshots (test-artifacts/, not committed); the CSV link downloads the expected columns.
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDepartments } from '../../src/directory/departments.js';
import { CSV_COLUMNS } from '../../src/web/pages/activite-csv.js';
import { launchBrowser, screenshot, seriousViolations, CHROMIUM, type Browser } from '../support/browser.js';
import { postTwilio } from '../support/post.js';
import { newSid, startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, PASSWORD, SESSION_SECRET } from '../support/workspace.js';

const GUYANE_SMS = '+33939000973';
const PERIOD = 'du=2026-11-01&au=2026-11-30';

let relais: TestRelais;
let browser: Browser;
let page: Page;

async function checkPage(name: string) {
  await screenshot(page, name);
  expect(await seriousViolations(page), `${name}: accessibility`).toEqual([]);
}

describe.skipIf(!existsSync(CHROMIUM))('the activity pages in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    relais = await startTestRelais({
      sessionSecret: SESSION_SECRET,
      departments: parseDepartments([{ code: '973', name: 'Guyane', platformPhone: '05 94 00 00 00', smsNumber: GUYANE_SMS }]),
    });
    let n = 0;
    const send = (from: string, body: string) => postTwilio(relais.url, '/twilio/sms', { MessageSid: newSid(), From: from, To: GUYANE_SMS, Body: body, NumMedia: '0' });
    for (const [commune, times] of [['97300', 6], ['97370', 7], ['97316', 2]] as const) {
      for (let i = 0; i < times; i++) {
        const from = `+3361000${String(n++).padStart(4, '0')}`;
        for (const body of ['Bonjour', '1', commune]) await send(from, body);
      }
    }
    await createUser(relais.databasePath, { email: 'admin@guyane.fr', departement: '973', role: 'admin' });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${relais.url}/espace/connexion`);
    await page.getByLabel('Adresse électronique').fill('admin@guyane.fr');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/espace/rappels');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await relais?.stop();
  });

  it('renders the dashboard for a period chosen in the form', async () => {
    await page.getByRole('link', { name: 'Activité' }).click();
    await page.getByLabel(/^Du/).fill('2026-11-01');
    await page.getByLabel(/^Au/).fill('2026-11-30');
    await page.getByRole('button', { name: 'Afficher' }).click();
    await page.waitForURL(`**/espace/activite?${PERIOD}`);
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(3);
    expect(await page.locator('table:has(caption:text-is("Conversations par canal")) td').first().textContent()).toBe('15');
    await checkPage('activite-01-tableau-de-bord');
  });

  it('downloads the CSV with its columns', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger le tableau (CSV)' }).click()]);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')[0]).toBe(CSV_COLUMNS.join(';'));
  });

  it('draws the white zones on the map; a commune clicked shows what was asked there', async () => {
    await page.goto(`${relais.url}/espace/activite?${PERIOD}`);
    await page.getByRole('link', { name: 'Carte des zones blanches' }).click();
    await page.waitForURL('**/espace/zones-blanches?**');
    await checkPage('activite-02-zones-blanches');
    await page.locator('a[aria-label^="Maripasoula"]').click();
    await page.waitForURL('**commune=97353**');
    expect(await page.getByRole('heading', { name: 'Ce qui a été demandé à Maripasoula' }).isVisible()).toBe(true);
    await checkPage('activite-03-zones-blanches-commune');
  });

  it('renders the printable report on one A4 page', async () => {
    await page.goto(`${relais.url}/espace/activite/rapport?${PERIOD}`);
    await checkPage('activite-04-rapport');
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    // One page: a PDF names each of its pages « /Type /Page ».
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  });
});
