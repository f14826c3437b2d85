// Where the project's own files are (migrations, generated data), found from this module whether it runs as
// TypeScript under tsx (src/runtime/node/…) or bundled into dist/relais.js by `npm run build`: the two sit at
// different depths, so paths relative to one file would break in the other.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'src', 'db', 'migrations'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Relais' project folder (with package.json and src/db/migrations) was not found above ${from}`);
    dir = parent;
  }
}

/** The folder holding package.json. */
export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `projectPath('data', 'generated')`. */
export const projectPath = (...segments: string[]) => join(PROJECT_ROOT, ...segments);
