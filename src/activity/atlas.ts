// What the activity pages need to know of the territory: a department's communes and places with their positions
// (the white-zone map), names for codes, and each commune's EPCI. Built from the directory's embedded data.
import type { Commune, Place } from '../directory/types.js';

export interface AtlasCommune {
  code: string;
  name: string;
  latitude: number;
  longitude: number;
}

export interface AtlasPlace {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** A bus or itinerant agent's stop rather than a fixed site. */
  itinerant: boolean;
}

export interface Atlas {
  communesOf(departement: string): AtlasCommune[];
  placesOf(departement: string): AtlasPlace[];
  communeName(code: string): string | undefined;
  placeName(id: string): string | undefined;
  /** The commune's EPCI (SIREN and name), when the runtime ships the map (Node does; the Worker leaves it out). */
  epciOf(code: string): { code: string; name: string } | undefined;
}

const ITINERANT = /itin|bus|mobile/i;

export function createAtlas(data: { communes: Commune[]; places: Place[]; epci?: Map<string, { code: string; name: string }> }): Atlas {
  const byDepartment = new Map<string, AtlasCommune[]>();
  const names = new Map<string, string>();
  const postal = new Map<string, string>();
  for (const c of data.communes) {
    names.set(c.code, c.name);
    for (const p of c.postalCodes) postal.set(p, c.departement);
    const list = byDepartment.get(c.departement) ?? [];
    list.push({ code: c.code, name: c.name, latitude: c.latitude, longitude: c.longitude });
    byDepartment.set(c.departement, list);
  }
  const placesByDepartment = new Map<string, AtlasPlace[]>();
  const placeNames = new Map<string, string>();
  for (const p of data.places) {
    placeNames.set(p.id, p.name);
    const departement = p.departement ?? postal.get(p.postalCode);
    if (!departement) continue;
    const list = placesByDepartment.get(departement) ?? [];
    list.push({ id: p.id, name: p.name, latitude: p.latitude, longitude: p.longitude, itinerant: ITINERANT.test(`${p.format ?? ''}`) || /Arrêt du/.test(p.comment ?? '') });
    placesByDepartment.set(departement, list);
  }
  return {
    communesOf: (d) => byDepartment.get(d) ?? [],
    placesOf: (d) => placesByDepartment.get(d) ?? [],
    communeName: (code) => names.get(code),
    placeName: (id) => placeNames.get(id),
    epciOf: (code) => data.epci?.get(code),
  };
}
