// Runs Relais as production does — the compiled bundle in its own Node process — for tests that need real
// processes: two servers on one SQLite file, a server killed with SIGKILL and started again.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
// @ts-expect-error: a plain JavaScript build script, without type declarations
import { buildNodeBundle } from '../../scripts/build.mjs';
import { AUTH_TOKEN, PUBLIC_BASE_URL } from './relais.js';

/** Builds the bundle beside dist/relais.js (npm packages resolve from the project) under a name of its own. */
export async function buildTestBundle(): Promise<{ file: string; remove(): void }> {
  const file = (await buildNodeBundle(new URL(`../../dist/test-${process.pid}-${Date.now()}.js`, import.meta.url).pathname)) as string;
  return { file, remove: () => [file, `${file}.map`].forEach((f) => rmSync(f, { force: true })) };
}

export interface BundleProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

let nextPort = 42_000 + (process.pid % 1000) * 3;

/** Starts the bundle on `databasePath` from `cwd` and waits until /health answers. */
export async function startBundleProcess(bundle: string, options: { databasePath: string; cwd: string; env?: Record<string, string> }): Promise<BundleProcess> {
  const port = nextPort++;
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bundle], {
    cwd: options.cwd,
    env: { ...process.env, PORT: String(port), DATABASE_PATH: options.databasePath, TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LOG_LEVEL: 'silent', ...options.env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited: string | undefined;
  const exit = new Promise<void>((resolve) => child.once('exit', (code, signal) => ((exited = `code ${code}, signal ${signal}`), resolve())));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (exited) throw new Error(`the bundle exited before it was healthy: ${exited}`);
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error('the bundle did not become healthy in 30 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url,
    child,
    async stop(signal = 'SIGTERM') {
      if (!exited) child.kill(signal);
      await exit;
    },
  };
}
