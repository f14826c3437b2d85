// Merges places from several sources: an imported official France Services record replaces the same site found in
// the embedded cartography (within 300 m), so a person is never offered the same place twice.
import { haversineKm } from './nearest.js';
import type { Place } from './types.js';

const SAME_SITE_KM = 0.3;

export function mergePlaces(embedded: Place[], imported: Place[]): Place[] {
  const officialFranceServices = imported.filter((p) => p.franceServices);
  if (officialFranceServices.length === 0) return [...embedded, ...imported];
  const kept = embedded.filter(
    (p) => !p.franceServices || !officialFranceServices.some((o) => haversineKm(p.latitude, p.longitude, o.latitude, o.longitude) < SAME_SITE_KM),
  );
  return [...kept, ...imported];
}
