// The compact JSON shapes of the embedded reference data (built by scripts/build-data.ts) and their decoders.
// Pure functions over parsed JSON, so Node reads the files and Workers bundle them, through the same code.
import { parseOsmHours } from './osm-hours.js';
import type { Commune, Place, PlaceService, Precision, Public } from './types.js';

/** [code, name, departement, postal codes joined by spaces, population, latitude, longitude, precision]. */
export type CommuneRow = [string, string, string, string, number, number, number, 0 | 1 | 2];
export interface CommunesFile {
  source: string;
  rows: CommuneRow[];
}

/**
 * [id, name, address, postal code, commune, latitude, longitude, phone, services, OSM hours, source,
 * isFranceServices, publics, free (1 yes, 0 no, 2 unknown)].
 */
export type PlaceRow = [string, string, string, string, string, number, number, string, PlaceService[], string, string, 0 | 1, Public[], 0 | 1 | 2];
export interface PlacesFile {
  source: string;
  rows: PlaceRow[];
}

const PRECISIONS: Precision[] = ['commune', 'postal-code', 'department'];
export const precisionCode = (p: Precision): 0 | 1 | 2 => PRECISIONS.indexOf(p) as 0 | 1 | 2;

export function decodeCommunes(file: CommunesFile): Commune[] {
  return file.rows.map(([code, name, departement, postalCodes, population, latitude, longitude, precision]) => ({
    code,
    name,
    departement,
    postalCodes: postalCodes ? postalCodes.split(' ') : [],
    population,
    latitude,
    longitude,
    precision: PRECISIONS[precision]!,
  }));
}

export function decodePlaces(file: PlacesFile): Place[] {
  return file.rows.map(([id, name, address, postalCode, commune, latitude, longitude, phone, services, hours, source, fs, publics, free]) => {
    const weeklyHours = hours ? parseOsmHours(hours) : undefined;
    return {
    id,
    name,
    address,
    postalCode,
    commune,
    latitude,
    longitude,
    ...(phone ? { phone } : {}),
    services,
    ...(hours ? { hours } : {}),
    source,
    franceServices: fs === 1,
    ...(weeklyHours ? { weeklyHours } : {}),
    ...(publics.length ? { publics } : {}),
    ...(free === 2 ? {} : { free: free === 1 }),
  };
  });
}
