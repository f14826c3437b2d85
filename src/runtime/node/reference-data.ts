// Loads the embedded reference data from data/generated/ (built by `npm install`) into an in-memory directory.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from './project-files.js';
import { decodeCommunes, decodePlaces, type CommunesFile, type PlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import { mergePlaces } from '../../directory/merge-places.js';
import { normalizePlaceName } from '../../directory/normalize.js';
import type { Commune, Directory, Place } from '../../directory/types.js';

const GENERATED = projectPath('data', 'generated');

function readGenerated<T>(name: string): T {
  const file = join(GENERATED, name);
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run data:build\` (npm install normally does it).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

let embedded: { communes: Commune[]; places: Place[] } | undefined;

/** The embedded data, read once per process: it never changes while running. */
function embeddedData() {
  embedded ??= {
    communes: decodeCommunes(readGenerated<CommunesFile>('communes.json')),
    places: decodePlaces(readGenerated<PlacesFile>('places.json')),
  };
  return embedded;
}

/** The directory: embedded communes and places, plus the places imported into the database (`npm run import`). */
export function loadDirectory(imported: Place[] = []): Directory {
  const { communes, places } = embeddedData();
  return createInMemoryDirectory({ communes, places: mergePlaces(places, imported) });
}

/** Finds a commune by name within a department, from the embedded data: used to place itinerant stops at import. */
export function embeddedCommuneFinder(): (name: string, departement: string) => Commune | undefined {
  const byName = new Map<string, Commune[]>();
  for (const c of embeddedData().communes) {
    const key = normalizePlaceName(c.name);
    byName.set(key, [...(byName.get(key) ?? []), c]);
  }
  return (name, departement) => (byName.get(normalizePlaceName(name)) ?? []).find((c) => c.departement === departement);
}
