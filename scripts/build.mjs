// npm run build (also run before `npm start`): bundles the Node runtime and everything it imports from src/,
// flows/ and data/ into one ES module, dist/relais.js, so that production runs compiled JavaScript in a single
// Node process (no tsx, no per-file transpilation at start). npm packages are bundled too: resolving and reading
// some 400 files from node_modules cost about a quarter of a second of CPU at start and 6 MiB of RSS. Two stay
// external: better-sqlite3 (a native addon) and openai (loaded only when a key is set, on first use).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Builds the bundle into `outfile` (dist/relais.js by default). */
export async function buildNodeBundle(outfile = `${root}/dist/relais.js`) {
  await build({
    absWorkingDir: root,
    entryPoints: ['src/runtime/node.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3', 'openai'],
    // Bundled CommonJS packages require Node's built-in modules: an ES module has no `require` of its own.
    banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
    // opening_hours with France's data only, as the Worker has it (scripts/data/opening-hours-france.ts): a third of
    // the full build to compile at start.
    alias: { opening_hours: './data/generated/opening-hours-france.mjs' },
    // Stack traces map to src/ (npm start runs with --enable-source-maps, which reads the whole map at start): the map
    // leaves the sources' text out, 6.7 → 1.2 MB, about 0.1 s of CPU and 5 MiB less at start.
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    outfile,
  });
  return outfile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildNodeBundle(process.argv[2]);
