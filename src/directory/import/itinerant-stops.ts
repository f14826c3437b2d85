// Places an itinerant France Services (a bus, an itinerant agent) where it actually stops, with the stop's day, from
// the source's free-text comment: « les mardis à la mairie de Machault, les jeudis à Grandpré… ».
import { fillTemplate } from '../../engine/template.js';
import { weekToOsmHours, type WeeklyHours } from '../hours.js';
import type { Commune, Place } from '../types.js';

/** The day names as the source writes them: matching vocabulary, not wording. */
const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
/** A day, then « à » and up to a few words naming the place, up to the next separator. */
const STOP =
  /\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)s?\b[^,;.:/()\n]*?\ba(?:u)?\s+(?:(?:la\s+)?(?:mairie|salle|place|maison|mediatheque)(?:\s+annexe)?\s+(?:de\s+|d\s|du\s+)?)?([a-z][a-z\- ]{1,40}?)(?=\s*(?:[,;.:/()\n]|\s(?:et|les|le|rue|salle|de\s+\d|\d)\b|$))/g;

/** Lowercase without accents, punctuation kept (it separates the stops). */
const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, ' ');

export type FindCommune = (name: string, departement: string) => Commune | undefined;

/** How a stop is named and described to a person (data/labels.fr.ts). */
export interface StopWording {
  /** "{name} (le {day})". */
  name: string;
  /** "Arrêt du {day} à {commune}". */
  comment: string;
}

/** One place per stop the comment names and the directory knows, each open on its day only (if hours are known). */
export function itinerantStops(place: Place, comment: string, findCommune: FindCommune, wording: StopWording, week?: WeeklyHours): Place[] {
  if (!/bus|itin|multisite/i.test(place.format ?? '')) return [];
  const stops: Place[] = [];
  const seen = new Set<string>();
  for (const match of plain(comment).matchAll(STOP)) {
    const day = DAYS.indexOf(match[1]!);
    const commune = findCommune(match[2]!.trim(), place.departement ?? '');
    if (!commune || seen.has(`${day}:${commune.code}`)) continue;
    seen.add(`${day}:${commune.code}`);
    const hours = week?.[day]?.length ? weekToOsmHours(week.map((ranges, d) => (d === day ? ranges : []))) : undefined;
    const { hours: _all, ...rest } = place;
    stops.push({
      ...rest,
      id: `${place.id}#${DAYS[day]}-${commune.code}`,
      name: fillTemplate(wording.name, { name: place.name, day: DAYS[day]! }),
      address: commune.name,
      postalCode: commune.postalCodes[0] ?? place.postalCode,
      commune: commune.name,
      latitude: commune.latitude,
      longitude: commune.longitude,
      ...(hours ? { hours } : {}),
      comment: fillTemplate(wording.comment, { day: DAYS[day]!, commune: commune.name }),
    });
  }
  return stops;
}
