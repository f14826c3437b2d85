// The `nearestPlaces` flow service: free text (or a shared position) in, the closest places out, ready for a template.
import { echoablePlaceName } from './normalize.js';
import type { ServiceResult, Vars } from '../engine/effects.js';
import { fillTemplate } from '../engine/template.js';
import { formatDistanceKm } from './format.js';
import { formatRanges, formatTime, nextOpening, openingOnWeekday, parisLocalToEpoch } from './hours.js';
import { haversineKm } from './nearest.js';
import type { DepartmentConfig } from './departments.js';
import { farHomonyms, likelyDepartements } from './homonyms.js';
import { isApproximate, type Commune, type Directory, type Place, type PlaceFilters, type PlaceService, type Public } from './types.js';

/** The French wording of opening times (data/labels.fr.ts). */
export interface OpeningWording {
  weekdays: string[];
  tomorrow: string;
  openNow: string;
  laterToday: string;
  nextDay: string;
  onDay: string;
  closedOnDay: string;
  appointment: string;
  /** "Aide : {offers}", each service's words, and what a France Services does for learning. */
  offers?: string;
  services?: Record<PlaceService, string>;
  orientation?: string;
}

export interface NearestPlacesOptions {
  /** Epoch milliseconds now: opening times are read for this moment, in French local time. */
  now: () => number;
  wording: OpeningWording;
  /** Each department's settings (white-zone radius, platform, home help); none by default. */
  departments?: Map<string, DepartmentConfig>;
  /** The departments behind each landline prefix (data/landline-zones.ts): among homonyms, the caller's region first. */
  landlineZones?: Record<string, string[]>;
}

const NEEDS: Record<string, PlaceService> = { demarches: 'demarches', apprendre: 'apprendre', materiel: 'materiel', internet: 'internet' };

/**
 * Inputs (all strings, filled by the flow): `query` (postal code, commune name or "geo:lat,lon"), `need`,
 * `limit` (default 3), `offset` (places already given, for PLUS), the filters `public` (seniors, deafness, visual…), `free`,
 * `openNow` and `withoutAppointment` ("yes"), `maxDistanceKm` (default 60: beyond it the place is a white zone), `approximateNote` (French
 * words said when the commune's coordinates are only approximate), `itinerantTemplate` (how an itinerant service
 * reads), `askWhichCommune` ("yes" to get `whichCommune`, with `commune1`…`commune6` and their `commune1Code`…, when
a postal code covers several communes of similar size, or far-apart communes share the name given; "homonyms" for the
 * latter only). Outcomes: `found` (items, and `placesOffset` for the next call), `noMore`, `notFound` (no such place), `none` (white zone: `itinerant`, `farName`,
 * `farDistance`, `farPhone`, and the department's `platformName`, `platformPhone`, `platformHours`, `homeHelpName`,
 * `homeHelpPhone` when configured).
 */
export function nearestPlacesService(directory: Directory, options: NearestPlacesOptions) {
  /**
   * What exists when nothing is near (a white zone): the department's itinerant France Services (buses, itinerant
   * agents) and the nearest place at any distance, which can often help by phone. Never a service that has stopped.
   */
  async function whiteZone(latitude: number, longitude: number, departement: string, input: Vars, maxDistanceKm: number): Promise<Vars> {
    const wide = await directory.nearest({ latitude, longitude, limit: 300, service: 'demarches' });
    const itinerant = wide
      .filter(({ place }) => place.franceServices && /bus|itin/i.test(place.format ?? '') && departementOf(place.postalCode) === departementOf(departement))
      .slice(0, 2)
      .map(({ place }) => fillTemplate(input['itinerantTemplate'] ?? '{name}', { name: place.name, phone: place.phone ?? '' }));
    // Never named as « the nearest, out of reach » a place within reach: only what lies beyond the radius.
    const beyond = wide.filter(({ distanceKm }) => distanceKm > maxDistanceKm);
    const nearest = beyond.find(({ place }) => place.phone) ?? beyond[0];
    const department = options.departments?.get(departement);
    return {
      platformName: department?.name ?? '',
      platformPhone: department?.platformPhone ?? '',
      platformHours: department?.platformHours ?? '',
      homeHelpName: department?.homeHelpName ?? '',
      homeHelpPhone: department?.homeHelpPhone ?? '',
      itinerant: itinerant.join(' ; '),
      farName: nearest?.place.name ?? '',
      farDistance: nearest ? formatDistanceKm(nearest.distanceKm) : '',
      farPhone: nearest?.place.phone ?? '',
    };
  }

  return async (input: Vars, context?: { channel: string; address?: string }): Promise<ServiceResult> => {
    const query = (input['query'] ?? '').trim();
    // A map link helps on WhatsApp; by SMS, seniors distrust links, so none is given there.
    const withMap = context?.channel === 'whatsapp';
    const limit = clampInt(input['limit'], 3, 1, 10);
    const offset = clampInt(input['offset'], 0, 0, 50);
    let maxDistanceKm = clampInt(input['maxDistanceKm'], 60, 1, 500);
    let latitude: number;
    let longitude: number;
    const vars: Vars = { commune: '', precisionNote: '', departement: '', radiusKm: String(maxDistanceKm) };

    const geo = /^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(query);
    if (geo) {
      latitude = Number(geo[1]);
      longitude = Number(geo[2]);
    } else {
      // Among communes of one name, the one in the platform's department (`near`) or the caller's landline region.
      const prefer = likelyDepartements(options.landlineZones ?? {}, { from: context?.address ?? '', departement: input['near'] ?? '' });
      const found = await directory.geocode(query, prefer.length ? { prefer } : {});
      if (found.type !== 'found') return { outcome: 'notFound', vars: { heardPlace: echoablePlaceName(query) } };
      const homonyms = farHomonyms(found.commune, found.homonyms ?? [], prefer);
      // Homonyms far apart are asked about unless the flow says "no"; a shared postal code only when it says "yes".
      const ask = input['askWhichCommune'] ?? 'no';
      const which = homonyms.length && ask !== 'no' ? homonymChoices([found.commune, ...homonyms]) : ask === 'yes' ? whichCommune(found.commune, found.others ?? []) : undefined;
      if (which) return { outcome: 'whichCommune', vars: which };
      ({ latitude, longitude } = found.commune);
      vars['commune'] = found.commune.name;
      vars['communeCode'] = found.commune.code; // for the anonymous activity figures
      vars['departement'] = found.commune.departement;
      const department = options.departments?.get(found.commune.departement);
      // The department's own help (home help, CLIC…), useful beyond white zones: to a caregiver, for instance.
      if (department?.homeHelpPhone) Object.assign(vars, { homeHelpName: department.homeHelpName ?? department.name, homeHelpPhone: department.homeHelpPhone });
      if (department?.whiteZoneRadiusKm) {
        maxDistanceKm = department.whiteZoneRadiusKm;
        vars['radiusKm'] = String(maxDistanceKm);
      }
      if (isApproximate(found.commune.precision)) vars['precisionNote'] = input['approximateNote'] ?? '';
    }

    const need = input['need'] ?? '';
    const service = Object.hasOwn(NEEDS, need) ? NEEDS[need] : undefined;
    const asked = filtersOf(input, options.now());
    // « Un lieu d'aide », no need said: a place where someone helps, not the nearest room with wifi or computers.
    const filters = service ? asked : { ...asked, accompanies: true };
    const within = async (need: PlaceService | undefined) =>
      (await directory.nearest({ latitude, longitude, limit: offset + limit, ...(need ? { service: need } : {}), ...(filters ? { filters } : {}) })).filter((p) => p.distanceKm <= maxDistanceKm);
    const matching = await within(service);
    // A France Services helps with procedures and orients to learning: when too few places teach nearby, the France
    // Services within reach come next, said as such, rather than « nothing near » while one is 2 km away.
    const orienting =
      service === 'apprendre' && matching.length < offset + limit
        ? (await within('demarches')).filter((p) => p.place.franceServices && !matching.some((m) => m.place.id === p.place.id))
        : [];
    const nearby = [...matching, ...orienting].slice(offset, offset + limit);
    if (nearby.length === 0) {
      // Asked for more (PLUS) and there is no more: not a white zone, the first places were given.
      if (offset > 0) return { outcome: 'noMore', vars };
      return { outcome: 'none', vars: { ...vars, ...(await whiteZone(latitude, longitude, vars['departement'] ?? '', input, maxDistanceKm)) } };
    }
    vars['placesOffset'] = String(offset + nearby.length);
    // The nearest one, alone: for a message a caregiver forwards to their relative.
    const first = nearby[0]!.place;
    const weekday = askedWeekday(input);
    Object.assign(vars, {
      firstName: first.name,
      firstAddress: [first.address, `${first.postalCode} ${first.commune}`.trim()].filter(Boolean).join(', '),
      firstPhone: first.phone ?? '',
    });
    return {
      outcome: 'found',
      vars,
      items: nearby.map(({ place, distanceKm }, i) => ({
        rank: String(offset + i + 1),
        // For an orientation to this place (src/orientations/orient.service.ts); no template shows them.
        placeId: place.id,
        hours: place.hours ?? '',
        name: place.name,
        address: [place.address, `${place.postalCode} ${place.commune}`.trim()].filter(Boolean).join(', '),
        distance: formatDistanceKm(distanceKm),
        phone: place.phone ?? '',
        opening: openingText(place, options, weekday),
        map: withMap ? `https://www.openstreetmap.org/?mlat=${place.latitude}&mlon=${place.longitude}#map=17/${place.latitude}/${place.longitude}` : '',
        appointment: place.appointment ? options.wording.appointment : '',
        offers: service && service !== 'demarches' ? offersText(place, orienting.some((o) => o.place.id === place.id), options.wording) : '',
      })),
    };
  };
}

/** What a place offers, in words: its services, and for a France Services given for learning, that it orients. */
function offersText(place: Place, orients: boolean, wording: OpeningWording): string {
  if (!wording.offers || !wording.services) return '';
  const offers = place.services.map((s) => wording.services![s]);
  if (orients && wording.orientation) offers.push(wording.orientation);
  return offers.length ? fillTemplate(wording.offers, { offers: offers.join(', ') }) : '';
}

/** The weekday the person asked about (`askedDay`, 0 = Monday), if any. */
function askedWeekday(input: Vars): number | undefined {
  const day = Number.parseInt(input['askedDay'] ?? '', 10);
  return day >= 0 && day <= 6 ? day : undefined;
}

/**
 * The hours of the day the person asked about, or else today's or the next opening, in words; empty when the source
 * gives no readable hours.
 */
function openingText(place: Place, { now, wording }: NearestPlacesOptions, weekday?: number): string {
  if (weekday !== undefined) {
    const ranges = openingOnWeekday(place.hours, now(), weekday);
    if (!ranges) return '';
    const day = wording.weekdays[weekday]!;
    return ranges.length ? fillTemplate(wording.onDay, { day, hours: formatRanges(ranges) }) : fillTemplate(wording.closedOnDay, { day });
  }
  const opening = nextOpening(place.hours, now());
  switch (opening.type) {
    case 'open-now':
      return fillTemplate(wording.openNow, { until: formatTime(opening.until) });
    case 'later-today':
      return fillTemplate(wording.laterToday, { hours: formatRanges(opening.today) });
    case 'next-day':
      return fillTemplate(wording.nextDay, {
        day: opening.daysAhead === 1 ? wording.tomorrow : wording.weekdays[opening.weekday]!,
        hours: formatRanges(opening.ranges),
      });
    case 'unknown':
      return '';
  }
}

const PUBLICS: Public[] = ['seniors', 'deafness', 'visual', 'mental', 'mobility', 'reading', 'language'];

/** Midnight in Paris of a day written `YYYY-MM-DD`; undefined for anything else. */
function dayStart(day: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day ?? '');
  return m ? parisLocalToEpoch(Number(m[1]), Number(m[2]), Number(m[3]), 0, 0) : undefined;
}

/** Filters from the flow's inputs: `public`, `free`, `openNow`, `withoutAppointment` ("yes" to apply), `openOn` (`YYYY-MM-DD`). */
function filtersOf(input: Vars, now: number): PlaceFilters | undefined {
  const filters: PlaceFilters = {
    ...(PUBLICS.includes(input['public'] as Public) ? { public: input['public'] as Public } : {}),
    ...(input['free'] === 'yes' ? { free: true } : {}),
    ...(input['openNow'] === 'yes' ? { openAt: now } : {}),
    ...(dayStart(input['openOn']) !== undefined ? { openOn: dayStart(input['openOn'])! } : {}),
    ...(input['withoutAppointment'] === 'yes' ? { withoutAppointment: true } : {}),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}

/** Communes offered when a postal code covers several and none clearly dominates (a town among hamlets). */
const MAX_COMMUNES_OFFERED = 6;
const DOMINANT_RATIO = 4;
/** A town and the communes around it (within this distance) share the town's places: no question (12000 is Rodez). */
const TOWN_POPULATION = 10_000;
const SAME_ANSWER_KM = 10;

function whichCommune(first: Commune, others: Commune[]): Vars | undefined {
  if (others.length === 0 || first.population >= DOMINANT_RATIO * (others[0]?.population ?? 0)) return undefined;
  if (first.population >= TOWN_POPULATION && others.every((c) => haversineKm(first.latitude, first.longitude, c.latitude, c.longitude) <= SAME_ANSWER_KM)) return undefined;
  const vars: Vars = {};
  [first, ...others].slice(0, MAX_COMMUNES_OFFERED).forEach((c, i) => {
    vars[`commune${i + 1}`] = c.name;
    vars[`commune${i + 1}Code`] = `insee:${c.code}`;
  });
  return vars;
}

/** Homonymous communes far apart, told apart by their postal code: « Saint-Denis (93200) ». */
function homonymChoices(communes: Commune[]): Vars {
  const vars: Vars = {};
  communes.slice(0, MAX_COMMUNES_OFFERED).forEach((c, i) => {
    vars[`commune${i + 1}`] = c.postalCodes[0] ? `${c.name} (${c.postalCodes[0]})` : c.name;
    vars[`commune${i + 1}Code`] = `insee:${c.code}`;
  });
  return vars;
}

/** The department a postal code or a department code belongs to, Corsica's 2A/2B folded into "20". */
function departementOf(code: string): string {
  if (/^2[AB]$/i.test(code)) return '20';
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

function clampInt(value: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
