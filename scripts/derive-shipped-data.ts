// npx tsx scripts/derive-shipped-data.ts [shared-data-dir]: derives the compact files committed into data/ from the
// reference files kept beside the project (../shared/data by default). A maintainer's tool, run by hand when a new
// edition comes out: neither `npm install`, `npm start` nor the tests run it, so the product never reads ../shared.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const sharedDir = process.argv[2] ?? new URL('../../shared/data/', import.meta.url).pathname;
const dataDir = new URL('../data/', import.meta.url).pathname;

/** The France Services columns Relais reads (see src/directory/import/france-services.ts); the others are left out. */
const FRANCE_SERVICES_COLUMNS = [
  'id_fs', 'insee_dep', 'lib_fs', 'adresse', 'complement_adresse', 'insee_com', 'code_postal', 'lib_com', 'latitude', 'longitude', 'telephone',
  'h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi', 'prise_rdv', 'commentaire', 'format_fs',
];

function deriveFranceServices(): number {
  const rows = parse(readFileSync(join(sharedDir, 'france-services/liste-fs-20240801.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
  // Six decimals (about 10 cm) are more than the source's addresses are worth; the rest is noise.
  const compact = rows.map((r) => FRANCE_SERVICES_COLUMNS.map((c) => (c === 'latitude' || c === 'longitude') && r[c] ? String(Math.round(Number(r[c]) * 1e6) / 1e6) : (r[c] ?? '')));
  writeFileSync(join(dataDir, 'france-services-20240801.csv'), stringify([FRANCE_SERVICES_COLUMNS, ...compact]));
  return rows.length;
}

function deriveCentroids(): number {
  const rows = parse(readFileSync(join(sharedDir, 'communes/centroides-communes-2018.csv'), 'utf8'), { columns: true, delimiter: ';', bom: true }) as Record<string, string>[];
  // Four decimals (about 10 m): a centroid is itself kilometres from the town hall in large communes.
  const round = (v: string) => String(Math.round(Number(v) * 1e4) / 1e4);
  const lines = rows.map((r) => `${r['code_insee']};${round(r['latitude']!)};${round(r['longitude']!)}`).sort();
  writeFileSync(join(dataDir, 'communes-centroides-2018.csv'), `code_insee;latitude;longitude\n${lines.join('\n')}\n`);
  return rows.length;
}

console.log(`data/france-services-20240801.csv: ${deriveFranceServices()} France Services`);
console.log(`data/communes-centroides-2018.csv: ${deriveCentroids()} commune centroids`);
