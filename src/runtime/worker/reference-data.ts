// The embedded reference data, bundled into the Worker by wrangler (Workers have no file system).
import communesFile from '../../../data/generated/communes.json';
import franceServicesFile from '../../../data/generated/france-services.json';
import placesFile from '../../../data/generated/places.json';
import { decodeEmbeddedData, type CommunesFile, type StoredPlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import { mergePlaces } from '../../directory/merge-places.js';
import type { Directory, Place } from '../../directory/types.js';

let embedded: ReturnType<typeof decodeEmbeddedData> | undefined;

/** The bundled communes and places (national France Services, the cartography's places), plus the places imported into D1. */
export function bundledDirectory(imported: Place[] = []): Directory {
  embedded ??= decodeEmbeddedData(communesFile as unknown as CommunesFile, [franceServicesFile as unknown as StoredPlacesFile, placesFile as unknown as StoredPlacesFile]);
  return createInMemoryDirectory({ ...embedded, places: mergePlaces(embedded.places, imported) });
}
