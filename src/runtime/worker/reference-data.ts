// The embedded reference data, bundled into the Worker by wrangler (Workers have no file system).
import communesFile from '../../../data/generated/communes.json';
import placesFile from '../../../data/generated/places.json';
import { decodeCommunes, decodePlaces, type CommunesFile, type PlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import { mergePlaces } from '../../directory/merge-places.js';
import type { Directory, Place } from '../../directory/types.js';

/** The bundled communes and places, plus the places imported into D1. */
export function bundledDirectory(imported: Place[] = []): Directory {
  return createInMemoryDirectory({
    communes: decodeCommunes(communesFile as unknown as CommunesFile),
    places: mergePlaces(decodePlaces(placesFile as unknown as PlacesFile), imported),
  });
}
