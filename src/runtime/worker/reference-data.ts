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

const bundled = () => (embedded ??= decodeEmbeddedData(communesFile as unknown as CommunesFile, [franceServicesFile as unknown as StoredPlacesFile, placesFile as unknown as StoredPlacesFile]));

/**
 * The directory and the activity pages' atlas over one list of places: the bundled communes and places (national
 * France Services, the cartography's places) merged once with the places imported into D1. The atlas has no EPCI
 * table here (it would cost the Worker about 110 KB gzipped).
 */
export function bundledReferenceData(imported: Place[] = []): { directory: Directory; atlas: Atlas } {
  const places = mergePlaces(bundled().places, imported);
  return { directory: createInMemoryDirectory({ ...bundled(), places }), atlas: createAtlas({ communes: bundled().communes, places }) };
}
