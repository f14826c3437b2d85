// `npm start` runs the compiled bundle (dist/relais.js) in one Node process: built by `npm run build`, it must find
// its migrations and embedded data from wherever it is started, and answer a signed SMS as the sources do.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestBundle, startBundleProcess, type BundleProcess } from '../support/bundle-process.js';
import { postSms } from '../support/relais.js';

const dir = mkdtempSync(join(tmpdir(), 'relais-prod-'));
let bundle: Awaited<ReturnType<typeof buildTestBundle>>;
let server: BundleProcess;

beforeAll(async () => {
  bundle = await buildTestBundle();
  // Started from a folder that is not the project's: the bundle finds its files by itself.
  server = await startBundleProcess(bundle.file, { databasePath: join(dir, 'prod.sqlite'), cwd: dir });
});

afterAll(async () => {
  await server?.stop();
  bundle?.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe('the production bundle', () => {
  it('starts from another folder, migrates its database and answers a signed SMS with the menu and then places', async () => {
    const first = await postSms(server.url, '+33612000001', 'Bonjour');
    expect(first.status).toBe(200);
    expect(first.messages.join('\n')).toMatch(/Relais/);
    await postSms(server.url, '+33612000001', '1');
    const places = await postSms(server.url, '+33612000001', '74000');
    expect(places.messages.join('\n')).toMatch(/Annecy/);
  });
});
