// npm run import -- <kind> <file-or-url> [--dry-run] [--replace] [--sql out.sql]
// Imports official place data into the SQLite file (DATABASE_PATH): a validation report naming the line and field
// of every rejected record, idempotent upserts keyed on the source's id, deletions only with --replace.
import { readFileSync, writeFileSync } from 'node:fs';
import { Presets, SingleBar } from 'cli-progress';
import type { DatabaseHandle } from '../src/db/database.js';
import { stopWording } from '../data/labels.fr.js';
import { parseFranceServicesCsv, FRANCE_SERVICES_SOURCE, type ImportParse } from '../src/directory/import/france-services.js';
import { LIEUX_SOURCE, parseLieux } from '../src/directory/import/lieux.js';
import { ATELIERS_SOURCE, parseAteliers } from '../src/directory/import/ateliers.js';
import { createWorkshopRepository } from '../src/db/workshop-repository.js';
import { createPlaceRepository } from '../src/db/place-repository.js';
import { readNodeEnv } from '../src/runtime/node/env.js';
import { openSqliteDatabase } from '../src/runtime/node/sqlite.js';
import { inlineSql } from './sql-file.js';
import { embeddedCommuneFinder } from '../src/runtime/node/reference-data.js';

const PARSERS: Record<string, { source: string; parse: (text: string) => ImportParse & { unit?: 'line' | 'record' } }> = {
  'france-services': { source: FRANCE_SERVICES_SOURCE, parse: (text) => parseFranceServicesCsv(text, { findCommune: embeddedCommuneFinder(), stopWording }) },
  lieux: { source: LIEUX_SOURCE, parse: parseLieux },
};
const PLANNED: string[] = [];

const args = process.argv.slice(2);
const sqlIndex = args.indexOf('--sql');
const sqlOut = sqlIndex >= 0 ? args.splice(sqlIndex, 2)[1] : undefined;
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [kind, location] = args.filter((a) => !a.startsWith('--'));
const usage = `usage: npm run import -- <${[...Object.keys(PARSERS), 'ateliers'].join('|')}> <file-or-url> [--dry-run] [--replace] [--verbose] [--sql FILE]`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!kind || !location) fail(usage);
if (sqlOut !== undefined && flags.has('--replace')) fail('--replace cannot be used with --sql: the SQL file only adds and updates (delete on D1 with wrangler d1 execute)');
if (sqlIndex >= 0 && !sqlOut) fail('--sql needs a file name: --sql places.sql');
if (kind === 'ateliers') {
  await importSessions(location);
  process.exit(0);
}
if (PLANNED.includes(kind)) fail(`import kind "${kind}" is not available yet (planned); available: ${Object.keys(PARSERS).join(', ')}`);
const parser = PARSERS[kind] ?? fail(`unknown import kind "${kind}"\n${usage}`);

/** Workshops are dated sessions, not places: their own parser and table, the same report and options. */
async function importSessions(where: string) {
  const parsed = parseAteliers(await read(where));
  const list = (problems: ImportParse['rejected']) => problems.map((p) => `  ${parsed.unit} ${p.line}, ${p.field}: ${p.reason}`).join('\n');
  console.log(`ateliers: ${parsed.sessions.length} valid session(s), ${parsed.rejected.length} rejected, ${parsed.warnings.length} warning(s)`);
  if (parsed.rejected.length) console.log(`rejected:\n${list(parsed.rejected)}`);
  if (parsed.sessions.length === 0) fail('nothing to import: no valid session');
  if (parsed.sessions.some((s) => s.demo)) console.log('note: this file holds demonstration sessions; every answer built from them says so');
  if (flags.has('--dry-run')) return console.log('dry run: nothing written');
  const env = readNodeEnv();
  const { database, target, finish } = openTarget(env.DATABASE_PATH);
  const repository = createWorkshopRepository(database);
  const report = await repository.upsert(ATELIERS_SOURCE, parsed.sessions, Date.now());
  const deleted = flags.has('--replace') ? await repository.deleteOthers(ATELIERS_SOURCE, new Set(parsed.sessions.map((s) => s.id))) : 0;
  console.log(`${target}: ${report.inserted} inserted, ${report.updated} updated, ${deleted} deleted${flags.has('--replace') ? '' : ' (none without --replace)'}`);
  finish();
}

/**
 * The SQLite file, or with `--sql FILE` a scratch database whose writes are also saved as SQL for
 * `wrangler d1 execute` (D1 is reached through wrangler, not from this command).
 */
function openTarget(databasePath: string) {
  if (!sqlOut) {
    const database = openSqliteDatabase(databasePath);
    return { database, target: databasePath, finish: () => database.close() };
  }
  const scratch = openSqliteDatabase(':memory:');
  const lines: string[] = [];
  const database: DatabaseHandle = {
    db: scratch.db,
    atomic: async (statements) => {
      lines.push(...statements.map((s) => `${inlineSql(s.sql, s.params)};`));
      return scratch.atomic(statements);
    },
  };
  return { database, target: sqlOut, finish: () => (writeFileSync(sqlOut, `${lines.join('\n')}\n`), scratch.close()) };
}

async function read(where: string): Promise<string> {
  if (/^https?:\/\//.test(where)) {
    const response = await fetch(where).catch((e: unknown) => fail(`cannot download ${where}: ${String(e)}`));
    if (!response.ok) fail(`cannot download ${where}: HTTP ${response.status}`);
    return response.text();
  }
  try {
    return readFileSync(where, 'utf8');
  } catch (e) {
    return fail(`cannot read ${where}: ${(e as Error).message}`);
  }
}

const text = await read(location);
const parsed = parser.parse(text);
const unit = parsed.unit ?? 'line';
const show = (list: ImportParse['rejected'], max: number) => list.slice(0, max).map((p) => `  ${unit} ${p.line}, ${p.field}: ${p.reason}`).join('\n');
const stops = parsed.places.filter((p) => p.id.includes('#')).length;
console.log(`${kind}: ${parsed.places.length - stops} valid record(s), ${parsed.rejected.length} rejected, ${parsed.warnings.length} warning(s)${stops ? `; ${stops} itinerant stop(s) placed from the comments` : ''}`);
if (parsed.rejected.length) console.log(`rejected:\n${show(parsed.rejected, flags.has('--verbose') ? Infinity : 50)}`);
if (parsed.warnings.length) console.log(`warnings (records kept without that value):\n${show(parsed.warnings, flags.has('--verbose') ? Infinity : 10)}${parsed.warnings.length > 10 && !flags.has('--verbose') ? `\n  … ${parsed.warnings.length - 10} more (--verbose)` : ''}`);
if (parsed.places.length === 0) fail('nothing to import: no valid record');

if (flags.has('--dry-run')) {
  console.log('dry run: nothing written');
  process.exit(0);
}

const env = readNodeEnv();
const { database, target, finish } = openTarget(env.DATABASE_PATH);
const repository = createPlaceRepository(database);
const total = parsed.places.length;
// The progress bar, on a terminal only (cli-progress writes to stderr; a log file gets the report alone).
const bar = process.stderr.isTTY ? new SingleBar({ format: '[{bar}] {value}/{total}', hideCursor: true }, Presets.shades_classic) : undefined;
bar?.start(total, 0);
const report = await repository.upsert(parser.source, parsed.places, Date.now(), (done) => bar?.update(done));
bar?.stop();
const deleted = flags.has('--replace') ? await repository.deleteOthers(parser.source, new Set(parsed.places.map((p) => p.id))) : 0;
console.log(`${target}: ${report.inserted} inserted, ${report.updated} updated, ${deleted} deleted${flags.has('--replace') ? '' : ' (none without --replace)'}; ${await repository.count(parser.source)} ${kind} place(s) stored`);
console.log(sqlOut ? `Apply it to D1: npx wrangler d1 execute relais --file ${sqlOut} (add --local for wrangler dev)` : 'Restart Relais (npm start) to answer from the new data.');
finish();
