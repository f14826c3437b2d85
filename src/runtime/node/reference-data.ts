// Loads the embedded reference data from data/generated/ (built by `npm install`) into an in-memory directory.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from './project-files.js';
import { decodeEmbeddedData, type CommunesFile, type StoredPlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import { mergePlaces } from '../../directory/merge-places.js';
import { normalizePlaceName } from '../../directory/normalize.js';
import type { Commune, Directory, Place } from '../../directory/types.js';
import { createAtlas, once, type Atlas } from '../../activity/atlas.js';

const GENERATED = projectPath('data', 'generated');

function readGenerated<T>(name: string): T {
  const file = join(GENERATED, name);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run data:build\` (npm install normally does it).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

let embedded: ReturnType<typeof decodeEmbeddedData> | undefined;

/** The embedded data, read once per process: it never changes while running. */
export function embeddedData() {
  embedded ??= decodeEmbeddedData(readGenerated<CommunesFile>('communes.json'), [
    readGenerated<StoredPlacesFile>('france-services.json'),
    readGenerated<StoredPlacesFile>('places.json'),
  ]);
  return embedded;
}

/**
 * The directory and the activity pages' atlas over one list of places: the embedded communes and places (the national
 * France Services snapshot, the cartography's places) merged once with the places imported into the database
 * (`npm run import`), which replace the embedded records they update. The atlas also knows each commune's EPCI.
 */
export function loadReferenceData(imported: Place[] = []): { directory: Directory; atlas: Atlas } {
  const data = embeddedData();
  const places = mergePlaces(data.places, imported);
  // The EPCI table is read on the first turn that names a commune (its activity fact carries the EPCI), not at start.
  const epci = once(epciOfCommunes);
  return { directory: createInMemoryDirectory({ ...data, places }), atlas: createAtlas({ communes: data.communes, places, epci: { get: (code) => epci().get(code) } }) };
}

/** The directory alone (see loadReferenceData), for the tools and tests that need no atlas. */
export const loadDirectory = (imported: Place[] = []): Directory => loadReferenceData(imported).directory;

/** Finds a commune by name within a department, from the embedded data: used to place itinerant stops at import. */
export function embeddedCommuneFinder(): (name: string, departement: string) => Commune | undefined {
  const byName = new Map<string, Commune[]>();
  for (const c of embeddedData().communes) {
    const key = normalizePlaceName(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return (name, departement) => (byName.get(normalizePlaceName(name)) ?? []).find((c) => c.departement === departement);
}

/** Each commune's EPCI (SIREN and name), by INSEE code. */
function epciOfCommunes(): Map<string, { code: string; name: string }> {
  const file = readGenerated<{ epci: [string, string, string][] }>('epci.json');
  const epci = new Map<string, { code: string; name: string }>();
  for (const [code, name, communes] of file.epci) for (const commune of communes.split(' ')) epci.set(commune, { code, name });
  return epci;
}
