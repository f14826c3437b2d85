// The embedded reference data, bundled into the Worker by wrangler (Workers have no file system).
import communesFile from '../../../data/generated/communes.json';
import franceServicesFile from '../../../data/generated/france-services.json';
import placesFile from '../../../data/generated/places.json';
import { decodeEmbeddedData, type CommunesFile, type StoredPlacesFile } from '../../directory/embedded-data.js';
import { createInMemoryDirectory } from '../../directory/in-memory-directory.js';
import { mergePlaces } from '../../directory/merge-places.js';
import type { Directory, Place } from '../../directory/types.js';
import { createAtlas, type Atlas } from '../../activity/atlas.js';

let embedded: ReturnType<typeof decodeEmbeddedData> | undefined;

/** The bundled communes and places (national France Services, the cartography's places), plus the places imported into D1. */
export function bundledDirectory(imported: Place[] = []): Directory {
  return createInMemoryDirectory({ ...bundled(), places: mergePlaces(bundled().places, imported) });
}

const bundled = () => (embedded ??= decodeEmbeddedData(communesFile as unknown as CommunesFile, [franceServicesFile as unknown as StoredPlacesFile, placesFile as unknown as StoredPlacesFile]));

/** The activity pages' territory, without the communes' EPCI (its table would cost the Worker about 110 KB gzipped). */
export const bundledAtlas = (imported: Place[] = []): Atlas => createAtlas({ communes: bundled().communes, places: mergePlaces(bundled().places, imported) });
