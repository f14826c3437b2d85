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

/** The banner `src/runtime/node.ts` prints once listening names the port the OS chose (PORT=0). */
const LISTENING = /Relais is running on port (\d+)/;

/**
 * Resolves with the port the child listens on, or rejects with its last output if it exits first or stays silent:
 * the port comes from the child itself, so no other process on a guessed port can answer in its place.
 */
export function listeningPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`the bundle's process ${why}. Its last output:\n${output.slice(-2_000) || '(none)'}`));
    };
    const timer = setTimeout(() => fail(`did not say it was listening within ${timeoutMs / 1000} s`), timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const port = LISTENING.exec(output)?.[1];
      if (port) {
        clearTimeout(timer);
        child.off('exit', exited);
        resolve(Number(port));
      }
    };
    const exited = (code: number | null, signal: string | null) => fail(`exited before listening (${signal ?? `code ${code}`})`);
    child.stdout!.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', exited);
  });
}

export interface BundleProcess {
  url: string;
  child: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the bundle on `databasePath` from `cwd` and waits until /health answers. */
export async function startBundleProcess(bundle: string, options: { databasePath: string; cwd: string; env?: Record<string, string> }): Promise<BundleProcess> {
  const child = spawn(process.execPath, [bundle], {
    cwd: options.cwd,
    env: { ...process.env, PORT: '0', DATABASE_PATH: options.databasePath, TWILIO_AUTH_TOKEN: AUTH_TOKEN, PUBLIC_BASE_URL, LOG_LEVEL: 'silent', ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = `http://127.0.0.1:${await listeningPort(child, 30_000)}`;
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
