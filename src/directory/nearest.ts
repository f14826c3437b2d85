// Nearest places to a point: a static k-d tree (kdbush) searched on the sphere (geokdbush), filtered by service.
import KDBush from 'kdbush';
import { around, distance } from 'geokdbush';
import { nextOpening } from './hours.js';
import type { NearbyPlace, NearestQuery, Place } from './types.js';

export interface PlaceIndex {
  places: Place[];
  tree: KDBush;
}

export function indexPlaces(places: Place[]): PlaceIndex {
  const tree = new KDBush(Math.max(places.length, 1));
  for (const p of places) tree.add(p.longitude, p.latitude);
  if (places.length === 0) tree.add(0, 0);
  tree.finish();
  return { places, tree };
}

export function nearestPlaces(index: PlaceIndex, query: NearestQuery): NearbyPlace[] {
  if (index.places.length === 0) return [];
  const ids = around(index.tree, query.longitude, query.latitude, query.limit, Infinity, (id: number) => matches(index.places[id]!, query)) as number[];
  return ids.map((id) => {
    const place = index.places[id]!;
    return { place, distanceKm: distance(query.longitude, query.latitude, place.longitude, place.latitude) };
  });
}

/** Whether a place fits the need and the filters. Unknown facts never pass a filter that asks for them. */
export function matches(place: Place, query: Pick<NearestQuery, 'service' | 'filters'>): boolean {
  const f = query.filters;
  if (query.service && !place.services.includes(query.service)) return false;
  if (!f) return true;
  if (f.public && !place.publics?.includes(f.public)) return false;
  if (f.free && place.free !== true) return false;
  if (f.withoutAppointment && place.appointment !== false) return false;
  if (f.accompanies && !place.franceServices && !place.services.includes('demarches') && !place.services.includes('apprendre')) return false;
  if (f.openAt !== undefined && nextOpening(place.hours, f.openAt).type !== 'open-now') return false;
  if (f.openOn !== undefined && !opensThatDay(nextOpening(place.hours, f.openOn).type)) return false;
  return true;
}

/** Read from the day's midnight: open then or later that day. */
const opensThatDay = (type: string) => type === 'open-now' || type === 'later-today';

/** Great-circle distance in km, for checks and for sources that give two points. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}
