// `npm start` runs the compiled bundle (dist/relais.js) in one Node process: built by `npm run build`, it must find
// its migrations and embedded data from wherever it sits, and answer a signed SMS as the TypeScript sources do.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { buildNodeBundle } from '../../scripts/build.mjs';
import { AUTH_TOKEN, PUBLIC_BASE_URL, postSms } from '../support/relais.js';

let server: ChildProcess;
let url = '';
let outfile = '';
let exited: string | undefined;
const dir = mkdtempSync(join(tmpdir(), 'relais-prod-'));

async function waitForHealth(base: string, deadlineMs: number) {
  for (;;) {
    try {
      const response = await fetch(`${base}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (exited) throw new Error(`the production bundle exited: ${exited}`);
    if (Date.now() > deadlineMs) throw new Error('the production bundle did not become healthy');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  // The same build as `npm run build`, beside it (npm packages resolve from the project) but under its own name.
  outfile = await buildNodeBundle(new URL(`../../dist/test-${process.pid}.js`, import.meta.url).pathname);
  const port = 40_000 + Math.floor(Math.random() * 5_000);
  url = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [outfile], {
    cwd: dir, // not the project folder: the bundle must find its migrations and data by itself
    env: { ...process.env, PORT: String(port), DATABASE_PATH: join(dir, 'prod.sqlite'), TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  server.on('exit', (code, signal) => (exited = `code ${code}, signal ${signal}`));
  await waitForHealth(url, Date.now() + 30_000);
});

afterAll(() => {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
  for (const file of [outfile, `${outfile}.map`]) if (file) rmSync(file, { force: true });
});

describe('the production bundle', () => {
  it('starts from another folder, migrates its database and answers a signed SMS with the menu and then places', async () => {
    const first = await postSms(url, '+33612000001', 'Bonjour');
    expect(first.status).toBe(200);
    expect(first.messages.join('\n')).toMatch(/Relais/);
    await postSms(url, '+33612000001', '1');
    const places = await postSms(url, '+33612000001', '74000');
    expect(places.messages.join('\n')).toMatch(/Annecy/);
  });
});
