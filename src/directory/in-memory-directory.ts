// A Directory held in memory, built once from the embedded (or imported) communes and places.
import { geocode, indexCommunes } from './geocode.js';
import { indexPlaces, nearestPlaces } from './nearest.js';
import type { DepartementName, FormerName } from './embedded-data.js';
import { departementReader } from './departement-names.js';
import type { Commune, Directory, Place } from './types.js';

/** `formerNames`: old village names (communes déléguées, associées) the geocoder also understands. */
export function createInMemoryDirectory(data: { communes: Commune[]; places: Place[]; formerNames?: FormerName[]; departementNames?: DepartementName[] }): Directory {
  const communes = indexCommunes(data.communes, data.formerNames);
  const places = indexPlaces(data.places);
  return {
    geocode: async (query, options) => geocode(communes, query, options),
    nearest: async (query) => nearestPlaces(places, query),
    ...(data.departementNames?.length ? { departementsNamedIn: departementReader(data.departementNames) } : {}),
  };
}
