// Loads the embedded reference data from data/generated/ (built by `npm install`) into an in-memory directory.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeCommunes, decodePlaces, type CommunesFile, type PlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import type { Directory } from '../../directory/types.js';

const GENERATED = new URL('../../../data/generated/', import.meta.url);

function readGenerated<T>(name: string): T {
  const file = new URL(name, GENERATED);
  if (!existsSync(file)) {
    throw new Error(`${fileURLToPath(file)} is missing: run \`npm run data:build\` (npm install normally does it).`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

let cached: Directory | undefined;

/** The embedded directory; built once per process, since the data never changes while running. */
export function loadEmbeddedDirectory(): Directory {
  cached ??= createInMemoryDirectory({
    communes: decodeCommunes(readGenerated<CommunesFile>('communes.json')),
    places: decodePlaces(readGenerated<PlacesFile>('places.json')),
  });
  return cached;
}
