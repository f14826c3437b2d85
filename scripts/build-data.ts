// npm run data:build (also run by `npm install`): builds the embedded reference data into data/generated/, offline,
// from npm packages and the compact files committed in data/ (never from ../shared: see scripts/derive-shipped-data.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildFrenchOpeningHours } from './data/opening-hours-france.js';
import { buildPhoneMetadata } from './data/phone-metadata.js';

const outDir = new URL('../data/generated/', import.meta.url);
mkdirSync(outDir, { recursive: true });
// First, since reading phone numbers (below, and in the product) needs it.
writeFileSync(new URL('phone-metadata.json', outDir), JSON.stringify(buildPhoneMetadata()));
// The Worker's opening_hours (wrangler.toml's [alias]): the library with France's data only.
writeFileSync(new URL('opening-hours-france.mjs', outDir), buildFrenchOpeningHours());

const { decodeCommunes, toColumns } = await import('../src/directory/embedded-data.js');
const { normalizePlaceName } = await import('../src/directory/normalize.js');
const { buildCartographyPlaces } = await import('./data/cartography.js');
const { buildCommunes } = await import('./data/communes.js');
const { buildFranceServices } = await import('./data/france-services.js');
type Commune = import('../src/directory/types.js').Commune;
type PlacedBy = import('./data/communes.js').PlacedBy;

const communes = buildCommunes();
const total = Object.values(communes.counts).reduce((a, b) => a + b, 0);
const share = (by: PlacedBy) => `${communes.counts[by]} (${((100 * communes.counts[by]) / total).toFixed(2)} %)`;
console.log(
  `communes: ${total} of the COG (communes and municipal arrondissements): placed exactly ${share('ign')} at their IGN centroid and ` +
    `${share('geonames')} by GeoNames; via former communes ${share('former-communes')}; via postal code ${share('postal-code')}; ` +
    `via department ${share('department')}; without any position ${share('none')}`,
);

const byName = new Map<string, Commune[]>();
for (const c of decodeCommunes(communes.file)) byName.set(normalizePlaceName(c.name), [...(byName.get(normalizePlaceName(c.name)) ?? []), c]);
const findCommune = (name: string, departement: string) => (byName.get(normalizePlaceName(name)) ?? []).find((c) => c.departement === departement);

writeFileSync(new URL('communes.json', outDir), JSON.stringify(communes.file));
writeFileSync(new URL('places.json', outDir), JSON.stringify(toColumns(buildCartographyPlaces())));
writeFileSync(new URL('france-services.json', outDir), JSON.stringify(toColumns(buildFranceServices(findCommune))));

const { buildEpci } = await import('./data/epci.js');
writeFileSync(new URL('epci.json', outDir), JSON.stringify(buildEpci()));
