// « Suivis » in a real Chromium: an agent of Lozère sees the department's follow-ups (a reminder sent, one cancelled
// by STOP, the evaluations scheduled), never those of Haute-Savoie; the page passes axe-core.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, seriousViolations, CHROMIUM, type Browser } from '../support/browser.js';
import { startFakeTwilioRest, type FakeTwilioRest } from '../support/fake-twilio-rest.js';
import { projectRoot, runImport } from '../support/import.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';
import { createUser, PASSWORD, SESSION_SECRET } from '../support/workspace.js';
import { HAUTE_SAVOIE_SMS, twoDepartments } from './fixtures.js';

const paris = (iso: string) => Date.parse(`${iso}+01:00`);
let dir: string;
let relais: TestRelais;
let twilio: FakeTwilioRest;
let browser: Browser;

async function book(from: string, to?: string) {
  const options = to ? { extraParams: { To: to } } : {};
  for (const line of ['Bonjour', '3', '9', '9', '9', '9', '9', '9', '3', '74000', '1', '1']) await relais.sms(from, line, options);
}

describe.skipIf(!existsSync(CHROMIUM))('Suivis in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'relais-suivis-'));
    const databasePath = join(dir, 'relais.sqlite');
    runImport(databasePath, 'ateliers', join(projectRoot, 'data/demo/ateliers-demo.csv'));
    twilio = await startFakeTwilioRest();
    relais = await startTestRelais({
      databasePath,
      departments: twoDepartments(),
      sessionSecret: SESSION_SECRET,
      twilioApi: twilio.twilioApi,
      clock: new ManualClock(paris('2026-11-23T10:00')),
      disableScheduler: true,
    });
    await book('+33655560001');
    await book('+33655560002');
    await book('+33655560074', HAUTE_SAVOIE_SMS);
    await relais.sms('+33655560002', 'STOP');
    relais.clock.current = paris('2026-11-30T09:00');
    await relais.runFollowUps();
    await createUser(databasePath, { email: 'agent@lozere.fr', departement: '48' });
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await relais?.stop();
    await twilio?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists what was scheduled, sent and cancelled for the department only', async () => {
    const page = await browser.newPage();
    await page.goto(`${relais.url}/espace/connexion`);
    await page.getByLabel('Adresse électronique').fill('agent@lozere.fr');
    await page.getByLabel('Mot de passe').fill(PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/espace/rappels');
    await page.getByRole('link', { name: 'Suivis' }).click();
    await page.waitForURL('**/espace/suivis');
    const table = page.getByRole('table', { name: /Suivis du département/ });
    const text = (await table.textContent())!;
    expect(text).toContain('06 55 56 00 01');
    expect(text).toContain('06 55 56 00 02');
    expect(text).not.toContain('06 55 56 00 74');
    expect(text).toContain('rappel de la veille');
    expect(text).toContain('évaluation à froid');
    expect(text).toContain('Débuter avec son smartphone (DÉMO)');
    expect(text).toContain('envoyé');
    expect(text).toContain('STOP');
    const summary = (await page.locator('main ul').first().textContent())!;
    expect(summary).toContain('2 prévus');
    await screenshot(page, 'suivis');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
