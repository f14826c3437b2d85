// The France Services of the embedded data: the ANCT's official list snapshot committed in data/ (August 2024,
// Licence Ouverte 2.0), read by the very parser `npm run import -- france-services` uses, itinerant stops included.
import { readFileSync } from 'node:fs';
import { stopWording } from '../../data/labels.fr.js';
import { encodePlace, type PlacesFile } from '../../src/directory/embedded-data.js';
import { parseFranceServicesCsv } from '../../src/directory/import/france-services.js';
import type { FindCommune } from '../../src/directory/import/itinerant-stops.js';

export const FRANCE_SERVICES_SNAPSHOT = new URL('../../data/france-services-20240801.csv', import.meta.url);

/** Five decimals: about one metre, as precise as an address. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

export function buildFranceServices(findCommune: FindCommune): PlacesFile {
  const parsed = parseFranceServicesCsv(readFileSync(FRANCE_SERVICES_SNAPSHOT, 'utf8'), { findCommune, stopWording });
  if (parsed.rejected.length > 0) throw new Error(`data/france-services-20240801.csv: ${parsed.rejected.length} rejected record(s), first: ${JSON.stringify(parsed.rejected[0])}`);
  const stops = parsed.places.filter((p) => p.id.includes('#')).length;
  console.log(`France Services: ${parsed.places.length - stops} (ANCT list of August 2024) and ${stops} itinerant stops placed from their comments`);
  // The source's free-text comment served to place the stops; answers use the stops' own, so only those are kept.
  const rows = parsed.places.map((p) => encodePlace({ ...p, latitude: round(p.latitude), longitude: round(p.longitude), source: 'ANCT, liste des espaces France Services, août 2024 (Licence Ouverte 2.0)', ...(p.id.includes('#') ? {} : { comment: undefined }), departement: undefined }));
  return { source: 'Source : ANCT, liste des espaces France Services, août 2024 (Licence Ouverte 2.0)', updatedAt: Date.UTC(2024, 7, 1), rows };
}
