// The embedded reference data, bundled into the Worker by wrangler (Workers have no file system).
import communesFile from '../../../data/generated/communes.json';
import placesFile from '../../../data/generated/places.json';
import { decodeCommunes, decodePlaces, type CommunesFile, type PlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import type { Directory } from '../../directory/types.js';

let cached: Directory | undefined;

export function bundledDirectory(): Directory {
  cached ??= createInMemoryDirectory({
    communes: decodeCommunes(communesFile as unknown as CommunesFile),
    places: decodePlaces(placesFile as unknown as PlacesFile),
  });
  return cached;
}
