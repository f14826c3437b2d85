// The compact JSON shapes of the embedded reference data (built by scripts/build-data.ts) and their decoders.
// Pure functions over parsed JSON, so Node reads the files and Workers bundle them, through the same code.
// Communes are stored column by column, positions as integer steps from the previous commune: gzip then packs the
// 35,000 communes several times smaller than as records, which keeps the Worker within its size budget.
import type { Commune, Place, PlaceService, Precision, Public } from './types.js';

/** Positions are kept to 1e-3 degree (about 100 m): a commune's centroid, kilometres from its town hall in large communes, means no more. */
const SCALE = 1e3;

export interface CommunesFile {
  source: string;
  /** INSEE codes as numbers (Corsica's 2A and 2B as 200xx and 205xx), each the difference from the previous one. */
  codes: number[];
  /** Names, joined by `|`. */
  names: string;
  /** Each commune's postal codes joined by spaces, communes joined by `|`. */
  postalCodes: string;
  population: number[];
  /** Latitudes and longitudes in 1e-3 degree, each the difference from the previous commune's. */
  latitudes: number[];
  longitudes: number[];
  /** One digit per commune: its precision's index in PRECISIONS. */
  precisions: string;
  /** Former communes (communes déléguées, associées): names joined by `|`, the index of the commune each now belongs to, the village's own position (1e-3 degree, deltas). */
  former: { names: string; owners: number[]; latitudes: number[]; longitudes: number[] };
  /** Each department as `code;name;region's name`, joined by `|`: « Saint-Denis de la Réunion » names its department. */
  departements?: string;
}

/** A department's code with its name and its region's, as people say them after a commune. */
export interface DepartementName {
  code: string;
  name: string;
  region: string;
}

export interface EncodableCommune {
  code: string;
  name: string;
  postalCodes: string[];
  population: number;
  latitude: number;
  longitude: number;
  precision: Precision;
}

export interface FormerCommune {
  name: string;
  /** Index of the current commune in the encoded list. */
  owner: number;
  latitude: number;
  longitude: number;
}

/** An old village name (a commune déléguée or associée), leading to the commune it now belongs to, placed at the village. */
export interface FormerName {
  name: string;
  commune: Commune;
}

const PRECISIONS: Precision[] = ['commune', 'postal-code', 'department', 'former-commune'];

const deltas = (values: number[]) => values.map((v, i) => Math.round(v * SCALE) - (i === 0 ? 0 : Math.round(values[i - 1]! * SCALE)));
const undelta = (steps: number[]) => {
  let value = 0;
  return steps.map((step) => (value += step) / SCALE);
};

export function encodeCommunes(source: string, communes: EncodableCommune[], former: FormerCommune[], departements: DepartementName[] = []): CommunesFile {
  return {
    source,
    departements: departements.map((d) => `${d.code};${d.name};${d.region}`).join('|'),
    codes: communes.map((c) => codeNumber(c.code)).map((n, i, all) => n - (i === 0 ? 0 : all[i - 1]!)),
    names: communes.map((c) => c.name).join('|'),
    postalCodes: communes.map((c) => c.postalCodes.join(' ')).join('|'),
    // Two significant digits are enough to rank homonyms and the communes of a postal code.
    population: communes.map((c) => Number(c.population.toPrecision(2))),
    latitudes: deltas(communes.map((c) => c.latitude)),
    longitudes: deltas(communes.map((c) => c.longitude)),
    precisions: communes.map((c) => PRECISIONS.indexOf(c.precision)).join(''),
    former: { names: former.map((f) => f.name).join('|'), owners: former.map((f) => f.owner), latitudes: deltas(former.map((f) => f.latitude)), longitudes: deltas(former.map((f) => f.longitude)) },
  };
}

/** The department of an INSEE code: three characters overseas (974), two elsewhere (2A, 48, 75 for Paris 15e). */
export const departementOfCode = (code: string) => code.slice(0, code.startsWith('97') || code.startsWith('98') ? 3 : 2);

/** Corsica's 2A and 2B codes mapped into numbers no other department uses (20 has been split since 1976). */
const codeNumber = (code: string) => (code.startsWith('2A') ? 20000 : code.startsWith('2B') ? 20500 : 0) + Number(code.replace(/^2[AB]/, ''));
const codeOfNumber = (n: number) => (n >= 20000 && n < 20500 ? `2A${String(n - 20000).padStart(3, '0')}` : n >= 20500 && n < 21000 ? `2B${String(n - 20500).padStart(3, '0')}` : String(n).padStart(5, '0'));

export function decodeCommunes(file: CommunesFile): Commune[] {
  // This runs at every start over 35,000 communes, so it allocates as little as it can: whatever survives is copied by
  // the young generation's collector, which took as long as the decoding itself. Values many communes repeat (a
  // department's code, a postal code's list) are made once and shared; the records are never modified.
  const names = file.names.split('|');
  const postalCodes = file.postalCodes.split('|');
  const departements = new Map<string, string>();
  const postalCodeLists = new Map<string, string[]>();
  const communes = new Array<Commune>(names.length);
  let code = 0;
  let latitude = 0;
  let longitude = 0;
  for (let i = 0; i < names.length; i++) {
    code += file.codes[i]!;
    latitude += file.latitudes[i]!;
    longitude += file.longitudes[i]!;
    const codeText = codeOfNumber(code);
    const departementCode = departementOfCode(codeText);
    let departement = departements.get(departementCode);
    if (departement === undefined) departements.set(departementCode, (departement = departementCode));
    const postal = postalCodes[i] ?? '';
    let list = postalCodeLists.get(postal);
    if (list === undefined) postalCodeLists.set(postal, (list = postal ? postal.split(' ') : []));
    communes[i] = {
      code: codeText,
      name: names[i]!,
      departement,
      postalCodes: list,
      population: file.population[i]!,
      latitude: latitude / SCALE,
      longitude: longitude / SCALE,
      precision: PRECISIONS[file.precisions.charCodeAt(i) - 48]!,
    };
  }
  return communes;
}

/** The old village names, each with the commune it belongs to now (as decoded by decodeCommunes). */
export function decodeFormerNames(file: CommunesFile, communes: Commune[]): FormerName[] {
  if (!file.former.names) return [];
  const latitudes = undelta(file.former.latitudes);
  const longitudes = undelta(file.former.longitudes);
  return file.former.names.split('|').map((name, i) => ({ name, commune: { ...communes[file.former.owners[i]!]!, latitude: latitudes[i]!, longitude: longitudes[i]! } }));
}

/**
 * [id, name, address, postal code, commune, latitude, longitude, phone, services, OSM hours, source,
 * isFranceServices, publics, free (1 yes, 0 no, 2 unknown), then optionally appointment (1 yes, 0 no, 2 unknown),
 * format, departement, comment].
 */
export type PlaceRow = [string, string, string, string, string, number, number, string, PlaceService[], string, string, 0 | 1, Public[], 0 | 1 | 2, (0 | 1 | 2)?, string?, string?, string?];
export interface PlacesFile {
  source: string;
  /** The date of the source's edition (epoch ms), when known: the fresher record wins when two sources list a site. */
  updatedAt?: number;
  rows: PlaceRow[];
}

/** A places file as stored: the rows' fields column by column (a fifth smaller once gzipped, for the Worker's budget). */
export interface StoredPlacesFile {
  source: string;
  updatedAt?: number;
  columns: unknown[][];
}

export function toColumns(file: PlacesFile): StoredPlacesFile {
  const width = Math.max(...file.rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => file.rows.map((r) => r[i] ?? null));
  return { source: file.source, ...(file.updatedAt ? { updatedAt: file.updatedAt } : {}), columns };
}

export function fromColumns(file: StoredPlacesFile): PlacesFile {
  const length = file.columns[0]?.length ?? 0;
  const rows = Array.from({ length }, (_, r) => file.columns.map((column) => column[r] ?? undefined) as PlaceRow);
  return { source: file.source, ...(file.updatedAt ? { updatedAt: file.updatedAt } : {}), rows };
}

/** A place as one compact row (the inverse of decodePlaces), for the build and for tests. */
export function encodePlace(p: Place): PlaceRow {
  const row: PlaceRow = [
    p.id, p.name, p.address, p.postalCode, p.commune, p.latitude, p.longitude, p.phone ?? '', p.services, p.hours ?? '', p.source, p.franceServices ? 1 : 0,
    p.publics ?? [], p.free === undefined ? 2 : p.free ? 1 : 0,
  ];
  if (p.appointment !== undefined || p.format || p.departement || p.comment) {
    row.push(p.appointment === undefined ? 2 : p.appointment ? 1 : 0, p.format ?? '', p.departement ?? '', p.comment ?? '');
  }
  return row;
}

export function decodePlaces(file: PlacesFile): Place[] {
  // Optional fields set one by one rather than spread from temporary objects: this runs on every place at start.
  return file.rows.map(([id, name, address, postalCode, commune, latitude, longitude, phone, services, hours, source, fs, publics, free, appointment, format, departement, comment]) => {
    // Fields in the order the records always had (stored snapshots and exports serialise them as built).
    const place = { id, name, address, postalCode, commune, latitude, longitude } as Place;
    if (phone) place.phone = phone;
    place.services = services;
    if (hours) place.hours = hours;
    place.source = source;
    place.franceServices = fs === 1;
    if (publics.length) place.publics = publics;
    if (free !== 2) place.free = free === 1;
    if (appointment === 0 || appointment === 1) place.appointment = appointment === 1;
    if (format) place.format = format;
    if (departement) place.departement = departement;
    if (comment) place.comment = comment;
    if (file.updatedAt) place.updatedAt = file.updatedAt;
    return place;
  });
}

/** The departments and their regions' names, as the communes file carries them (none in a file built before them). */
export function decodeDepartementNames(file: CommunesFile): DepartementName[] {
  if (!file.departements) return [];
  return file.departements.split('|').map((entry) => {
    const [code = '', name = '', region = ''] = entry.split(';');
    return { code, name, region };
  });
}

/** Every embedded file decoded, the same way on Node and Workers. */
export function decodeEmbeddedData(
  communesFile: CommunesFile,
  placeFiles: StoredPlacesFile[],
): { communes: Commune[]; formerNames: FormerName[]; places: Place[]; departementNames: DepartementName[] } {
  const communes = decodeCommunes(communesFile);
  return {
    communes,
    formerNames: decodeFormerNames(communesFile, communes),
    places: placeFiles.flatMap((f) => decodePlaces(fromColumns(f))),
    departementNames: decodeDepartementNames(communesFile),
  };
}
