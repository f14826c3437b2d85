// A Directory held in memory, built once from the embedded (or imported) communes and places.
import { geocode, indexCommunes } from './geocode.js';
import { indexPlaces, nearestPlaces } from './nearest.js';
import type { Commune, Directory, Place } from './types.js';

export function createInMemoryDirectory(data: { communes: Commune[]; places: Place[] }): Directory {
  const communes = indexCommunes(data.communes);
  const places = indexPlaces(data.places);
  return {
    geocode: async (query, options) => geocode(communes, query, options),
    nearest: async (query) => nearestPlaces(places, query),
  };
}
