// Merges places from several sources into one list where each site appears once. An imported record replaces the
// embedded record of the same id (a refreshed France Services list updates the snapshot); then a place found in two
// sources (same commune, within 300 m, a similar name or the same phone) becomes one place: the most recent record's
// facts and hours (the official one on a tie), with what either source says it offers.
import { rememberedFor } from '../engine/remembered.js';
import { normalizePlaceName } from './normalize.js';
import { haversineKm } from './nearest.js';
import type { Place } from './types.js';

const SAME_SITE_KM = 0.3;
/**
 * Two France Services records with the same phone in the same commune are one site up to this far apart: the official
 * list and a regional cartography geocode the same address several hundred metres apart (Ruynes-en-Margeride's came
 * out 320 m apart and was listed twice, Faucigny Glières's 680 m). Other places with one phone may be distinct sites
 * (a mairie and its médiathèque), so they keep the 300 m rule.
 */
const SAME_FRANCE_SERVICES_KM = 1;

/** Words every help place's name may carry: they say nothing about which site it is. */
const GENERIC_WORDS = new Set(
  'france services service espace maison msap point numerique de du des la le les l d et a au aux en sur mairie ville commune'.split(' '),
);

/** The source family of a place, from its id ("carto-…", "france-services:…", "lieux:…"): one source never lists a site twice. */
const familyOf = (place: Place) => /^[a-z-]+?(?=[:-]\w)/.exec(place.id)?.[0] ?? place.id;
/** A stop of an itinerant service shares its service's id before `#`. */
const baseId = (place: Place) => place.id.split('#')[0]!;
const digits = (phone: string | undefined) => (phone ?? '').replace(/\D/g, '').replace(/^33/, '0');

/** What the comparisons read of a place, worked out once per record: a place meets each of its neighbours. */
interface SiteKey {
  family: string;
  base: string;
  commune: string;
  phone: string;
  words: Set<string>;
}
const siteKeyOf = rememberedFor((place: Place): SiteKey => {
  const commune = normalizePlaceName(place.commune);
  const communeWords = new Set(commune.split(' '));
  const words = new Set(normalizePlaceName(place.name).split(' ').filter((w) => w.length > 1 && !GENERIC_WORDS.has(w) && !communeWords.has(w)));
  return { family: familyOf(place), base: baseId(place), commune, phone: digits(place.phone), words };
});

function similarNames(a: Place, b: Place): boolean {
  const wa = siteKeyOf(a).words;
  const wb = siteKeyOf(b).words;
  // Two France Services of different sources at the same address are the same France Services, however named.
  if (wa.size === 0 || wb.size === 0) return a.franceServices && b.franceServices;
  const shared = [...wa].filter((w) => wb.has(w)).length;
  return shared / Math.min(wa.size, wb.size) >= 0.5;
}

/** Whether two records of different sources describe the same site. */
export function isSameSite(a: Place, b: Place): boolean {
  const ka = siteKeyOf(a);
  const kb = siteKeyOf(b);
  if (ka.family === kb.family || ka.base === kb.base) return false;
  const km = haversineKm(a.latitude, a.longitude, b.latitude, b.longitude);
  if (km >= SAME_FRANCE_SERVICES_KM) return false;
  const sameCommune = a.postalCode === b.postalCode || ka.commune === kb.commune;
  if (!sameCommune) return false;
  const samePhone = ka.phone.length >= 10 && ka.phone === kb.phone;
  if (km >= SAME_SITE_KM) return samePhone && a.franceServices && b.franceServices;
  return samePhone || similarNames(a, b);
}

/** The most recent record first; on a tie (or unknown dates), the official France Services record. */
function fresher(a: Place, b: Place): number {
  return (b.updatedAt ?? 0) - (a.updatedAt ?? 0) || Number(b.franceServices) - Number(a.franceServices);
}

/** The kept record, completed by what the other knows and it does not. */
function combine(kept: Place, other: Place): Place {
  const publics = [...new Set([...(kept.publics ?? []), ...(other.publics ?? [])])];
  return {
    ...other,
    ...kept,
    services: [...new Set([...kept.services, ...other.services])],
    ...(publics.length ? { publics } : {}),
    franceServices: kept.franceServices || other.franceServices,
    // Hours come as a whole from one record: the kept one when it has them, never a mix of two.
    ...(kept.hours ? {} : other.hours ? { hours: other.hours } : {}),
  };
}

/** The grid cells a place's neighbours may sit in, each way (see mergePlaces). */
const NEAR_CELLS = 2;
/** More columns than a row of the grid has (longitudes of ±180° in hundredths): a cell's number is then unique. */
const ROW_WIDTH = 40_000;

/**
 * `embedded` and `imported` places as one list: imported records replace embedded ones of the same id (and an
 * imported itinerant service replaces the embedded stops of its id), then the same site from two sources is kept once.
 */
export function mergePlaces(embedded: Place[], imported: Place[]): Place[] {
  const importedIds = new Set(imported.map(baseId));
  const all = [...imported, ...embedded.filter((p) => !importedIds.has(baseId(p)))].sort(fresher);
  // A coarse grid (cells of 0.01°, 1.1 km by 0.7–0.8 km in France) so that each place is compared with its neighbours
  // only: two cells each way reach past SAME_FRANCE_SERVICES_KM in every direction. Cells are numbered, not named:
  // this runs at every start, 25 lookups per place.
  const grid = new Map<number, number[]>();
  const kept: Place[] = [];
  for (const place of all) {
    const row = Math.round(place.latitude * 100);
    const column = Math.round(place.longitude * 100);
    const same = sameSiteNearby(grid, kept, place, row, column);
    if (same !== undefined) {
      kept[same] = combine(kept[same]!, place);
      continue;
    }
    const cell = row * ROW_WIDTH + column;
    const list = grid.get(cell);
    if (list) list.push(kept.length);
    else grid.set(cell, [kept.length]);
    kept.push(place);
  }
  return kept;
}

/** The index in `kept` of a place already kept, in the cells around, that is the same site as `place`. */
function sameSiteNearby(grid: Map<number, number[]>, kept: Place[], place: Place, row: number, column: number): number | undefined {
  for (let dr = -NEAR_CELLS; dr <= NEAR_CELLS; dr++) {
    for (let dc = -NEAR_CELLS; dc <= NEAR_CELLS; dc++) {
      for (const i of grid.get((row + dr) * ROW_WIDTH + column + dc) ?? []) if (isSameSite(kept[i]!, place)) return i;
    }
  }
  return undefined;
}
