// Runs the real `npm run import` command (scripts/import.ts) against a given SQLite file, as an operator would.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = new URL('../../', import.meta.url).pathname;

export function runImport(databasePath: string, ...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'scripts/import.ts'), ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_PATH: databasePath },
    encoding: 'utf8',
  });
}
