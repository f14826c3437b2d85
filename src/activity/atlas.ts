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

/** A value computed on first use, then kept. */
export function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= compute());
}

/**
 * The atlas over the directory's communes and places (the same objects, not copies). Its lists by department are
 * built on the first request for one, not at start: only the workspace's activity pages read them.
 */
export function createAtlas(data: { communes: Commune[]; places: Place[]; epci?: Pick<Map<string, { code: string; name: string }>, 'get'> }): Atlas {
  const communeIndex = once(() => {
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
    return { byDepartment, names, postal };
  });
  const placeIndex = once(() => {
    const { postal } = communeIndex();
    const byDepartment = new Map<string, AtlasPlace[]>();
    const names = new Map<string, string>();
    for (const p of data.places) {
      names.set(p.id, p.name);
      const departement = p.departement ?? postal.get(p.postalCode);
      if (!departement) continue;
      const list = byDepartment.get(departement) ?? [];
      list.push({ id: p.id, name: p.name, latitude: p.latitude, longitude: p.longitude, itinerant: ITINERANT.test(`${p.format ?? ''}`) || /Arrêt du/.test(p.comment ?? '') });
      byDepartment.set(departement, list);
    }
    return { byDepartment, names };
  });
  return {
    communesOf: (d) => communeIndex().byDepartment.get(d) ?? [],
    placesOf: (d) => placeIndex().byDepartment.get(d) ?? [],
    communeName: (code) => communeIndex().names.get(code),
    placeName: (id) => placeIndex().names.get(id),
    epciOf: (code) => data.epci?.get(code),
  };
}
