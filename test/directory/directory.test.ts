// The embedded directory: built data, geocoding of typed and misspelled places, nearest search checked by brute force.
import { describe, expect, it } from 'vitest';
import { embeddedData } from '../../src/runtime/node/reference-data.js';
import { formatDistanceKm, formatPhoneFr } from '../../src/directory/format.js';
import { frenchMobile } from '../../src/conversation/send-sms.service.js';
import { communesForPostalCode, editDistance, geocode, indexCommunes } from '../../src/directory/geocode.js';
import { haversineKm, indexPlaces, nearestPlaces } from '../../src/directory/nearest.js';
import { nearestPlacesService } from '../../src/directory/nearest-places.service.js';
import { createInMemoryDirectory } from '../../src/directory/in-memory-directory.js';
import { openingWording } from '../../data/labels.fr.js';
import { nextOpening, openingOnWeekday } from '../../src/directory/hours.js';
import { isReadableOsmHours, osmHours } from '../../src/directory/osm-hours.js';

const { communes, places } = embeddedData();
const communeIndex = indexCommunes(communes);
const placeIndex = indexPlaces(places);
const found = (query: string) => {
  const result = geocode(communeIndex, query);
  return result.type === 'found' ? result.commune : undefined;
};

describe('embedded data', () => {
  it('holds the communes of France with a position and its precision', () => {
    expect(communes.length).toBeGreaterThan(34_000);
    expect(communes.every((c) => Number.isFinite(c.latitude) && Number.isFinite(c.longitude))).toBe(true);
    expect(new Set(communes.map((c) => c.precision))).toEqual(new Set(['commune', 'former-commune', 'postal-code', 'department']));
  });
  it('holds the 687 places of the national cartography, with their services', () => {
    const cartography = places.filter((p) => p.id.startsWith('carto-'));
    expect(cartography).toHaveLength(687);
    expect(cartography.filter((p) => p.services.includes('demarches')).length).toBeGreaterThan(300);
    expect(cartography.filter((p) => p.phone).every((p) => /^0\d( \d\d){4}$/.test(p.phone!))).toBe(true);
  });
  it('holds the 2,845 France Services of the ANCT list of August 2024, and the stops of the itinerant ones', () => {
    const franceServices = places.filter((p) => p.id.startsWith('france-services:'));
    expect(franceServices.filter((p) => !p.id.includes('#'))).toHaveLength(2845);
    expect(franceServices.filter((p) => p.id.includes('#')).length).toBeGreaterThan(10);
    expect(franceServices.every((p) => p.franceServices && p.services.includes('demarches') && p.source.includes('août 2024'))).toBe(true);
    expect(franceServices.filter((p) => p.hours).length).toBeGreaterThan(2700);
  });
});

describe('geocode', () => {
  it.each([
    ['74000', '74010', 'Annecy'],
    ['74 000', '74010', 'Annecy'],
    ['je suis au 40480', '40328', 'Vieux-Boucau-les-Bains'],
    ['annecy', '74010', 'Annecy'],
    ['ANNECY', '74010', 'Annecy'],
    ['Anecy', '74010', 'Annecy'],
    ['st etienne', '42218', 'Saint-Étienne'],
    ['Saint-Etienne', '42218', 'Saint-Étienne'],
    ["j'habite à Mende", '48095', 'Mende'],
    ['75015', '75115', 'Paris 15e Arrondissement'],
    ['Aix les bains', '73008', 'Aix-les-Bains'],
    ['20000', '2A004', 'Ajaccio'],
    ['quarante-huit mille', '48095', 'Mende'],
    ['soixante-quatorze mille', '74010', 'Annecy'],
    ['sept quatre zéro zéro zéro', '74010', 'Annecy'],
    ['mon code postal c est quarante huit mille', '48095', 'Mende'],
    ['treize zéro zéro huit', '13208', 'Marseille 8e Arrondissement'],
    ['st erme', '02676', 'Saint-Erme-Outre-et-Ramecourt'],
    ['bordere et lamensan', '40049', 'Bordères-et-Lamensans'],
    ["ma mère à Mende a besoin d'aide pour sa tablette", '48095', 'Mende'],
    ["j'habite a saint jean de luz", '64483', 'Saint-Jean-de-Luz'],
  ])('%s -> %s %s', (query, code, name) => {
    expect(found(query)).toMatchObject({ code, name });
  });

  it.each(['99999', 'bonjour', 'merci', 'oui', '', 'xqzwv', 'bonjour madame', 'ma mere'])('"%s" is not a place', (query) => {
    expect(geocode(communeIndex, query)).toEqual({ type: 'notFound' });
  });

  it('picks the most populated commune of a shared postal code, and can list them all', () => {
    const all = communesForPostalCode(communeIndex, '74370');
    expect(all.length).toBeGreaterThan(1);
    expect(found('74370')!.code).toBe(all[0]!.code);
    expect(all[0]!.population).toBeGreaterThanOrEqual(all[1]!.population);
  });

  it('computes bounded edit distances', () => {
    expect(editDistance('anecy', 'annecy')).toBe(1);
    expect(editDistance('mende', 'mende')).toBe(0);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBeGreaterThan(2);
  });
});

describe('spokenDigits', () => {
  it.each([
    ['quarante-huit mille', '48000'],
    ['zéro deux huit cent vingt', '02820'],
    ['soixante quatorze zero zero zero', '74000'],
    ['quatre-vingt-quatorze mille', '94000'],
    ['quatre vingt dix sept deux cent trente', '97230'],
    ['vingt et un mille', '21000'],
    ['soixante-dix-neuf mille', '79000'],
    ['deux cents', '200'],
    ['trente-trois mille cent', '33100'],
    ['quinze mille quatre cent cinquante', '15450'],
  ])('%s -> %s', async (text, digits) => {
    const { spokenDigits } = await import('../../src/directory/spoken-numbers.js');
    expect(spokenDigits(text)).toBe(digits);
  });
});

describe('nearest', () => {
  const bruteForce = (lat: number, lon: number, limit: number, service?: string) =>
    places
      .filter((p) => !service || p.services.includes(service as never))
      .map((p) => ({ id: p.id, d: haversineKm(lat, lon, p.latitude, p.longitude) }))
      .sort((a, b) => a.d - b.d)
      .slice(0, limit);

  it.each([
    [45.899, 6.129, undefined],
    [45.764, 4.835, undefined],
    [45.692, 5.909, 'apprendre'],
    [44.5, 3.5, 'demarches'],
    [48.85, 2.35, undefined],
  ])('matches a brute-force haversine sort at %f, %f (%s)', (lat, lon, service) => {
    const got = nearestPlaces(placeIndex, { latitude: lat, longitude: lon, limit: 5, ...(service ? { service: service as never } : {}) });
    const expected = bruteForce(lat, lon, 5, service);
    // Two records may share a position (a France Services and the same site in the cartography): compare distances.
    expect(got.map((g) => g.distanceKm.toFixed(3))).toEqual(expected.map((e) => e.d.toFixed(3)));
  });
});

describe('nearestPlaces service', () => {
  const service = nearestPlacesService(createInMemoryDirectory({ communes, places }), { now: () => Date.UTC(2026, 10, 23, 9), wording: openingWording });
  it('finds real places with a phone near Annecy', async () => {
    const result = await service({ query: '74000', need: '', limit: '3' });
    expect(result.outcome).toBe('found');
    expect(result.vars?.['commune']).toBe('Annecy');
    expect(result.items).toHaveLength(3);
    expect(result.items!.some((i) => /^0\d( \d\d){4}$/.test(i['phone'] ?? ''))).toBe(true);
  });
  it('says notFound for an unknown place and none far from any place', async () => {
    expect((await service({ query: '99999' })).outcome).toBe('notFound');
    // Maripasoula, in the Guyanese forest: the nearest France Services is a hundred kilometres away by river.
    expect((await service({ query: '97370', maxDistanceKm: '60' })).outcome).toBe('none');
  });
  it('gives the next places after an offset, numbered on, then says there are no more', async () => {
    const more = await service({ query: '74000', offset: '3', limit: '3' });
    expect(more.items?.map((i) => i['rank'])).toEqual(['4', '5', '6']);
    expect(more.vars?.['placesOffset']).toBe('6');
    expect((await service({ query: '74000', offset: '40', maxDistanceKm: '1' })).outcome).toBe('noMore');
  });
  it('accepts a shared position', async () => {
    const result = await service({ query: 'geo:45.899,6.129' });
    expect(result.outcome).toBe('found');
  });
  it('flags an approximate position', async () => {
    const approximate = communes.find((c) => c.precision === 'postal-code' && c.departement === '15')!;
    const result = await service({ query: `insee:${approximate.code}`, approximateNote: 'position approximative' });
    expect(result.vars?.['precisionNote']).toBe('position approximative');
    const exact = await service({ query: '48000', approximateNote: 'position approximative' });
    expect(exact.vars?.['precisionNote']).toBe('');
  });
});

describe('filters and opening hours of the embedded places', () => {
  const mondayTenThirty = Date.UTC(2026, 10, 23, 9, 30);
  const sundayNoon = Date.UTC(2026, 10, 22, 11, 0);
  const near = (filters: Parameters<typeof nearestPlaces>[1]['filters']) => nearestPlaces(placeIndex, { latitude: 45.899, longitude: 6.129, limit: 10, filters });

  it('reads OSM-style hours through opening_hours, a later rule replacing an earlier one', () => {
    const tuesdayThursday = (hours: string) => [Date.UTC(2026, 10, 24, 10), Date.UTC(2026, 10, 26, 10)].map((at) => nextOpening(hours, at).type);
    expect(tuesdayThursday('Mo-Fr 08:30-12:00,13:30-17:00; Th off')).toEqual(['open-now', 'next-day']);
    expect(nextOpening('We,Sa 10:00-18:00; Su-Mo 09:00-10:00', sundayNoon)).toMatchObject({ type: 'next-day', weekday: 0, ranges: [[540, 600]] });
    expect(isReadableOsmHours('Mo-Fr le matin')).toBe(false);
    // « Ouverte le samedi ? »: the next such day, today included; closed is an empty list, unreadable undefined.
    const week = 'Mo-Fr 09:00-12:00; Sa 10:00-11:30; Mo 14:00-16:00';
    expect(openingOnWeekday(week, sundayNoon, 5)).toEqual([[600, 690]]);
    expect(openingOnWeekday(week, sundayNoon, 0)).toEqual([[840, 960]]);
    expect(openingOnWeekday(week, sundayNoon, 6)).toEqual([]);
    expect(openingOnWeekday(week, mondayTenThirty, 0)).toEqual([[840, 960]]);
    expect(openingOnWeekday('Mo-Fr le matin', sundayNoon, 5)).toBeUndefined();
    expect(places.filter((p) => p.hours && isReadableOsmHours(p.hours)).length).toBeGreaterThan(3000);
  });

  it('keeps only places open at the given moment, checked against their own hours', () => {
    const open = near({ openAt: mondayTenThirty });
    expect(open.length).toBeGreaterThan(0);
    for (const { place } of open) expect(osmHours(place.hours!)!.getState(new Date(2026, 10, 23, 10, 30))).toBe(true);
    expect(near({ openAt: sundayNoon }).every(({ place }) => osmHours(place.hours!)!.getState(new Date(2026, 10, 22, 12, 0)))).toBe(true);
  });

  it('filters by public and by cost, unknown facts never passing', () => {
    expect(near({ public: 'deafness' }).every(({ place }) => place.publics?.includes('deafness'))).toBe(true);
    expect(near({ public: 'deafness' }).length).toBeGreaterThan(0);
    expect(near({ free: true }).every(({ place }) => place.free === true)).toBe(true);
  });

  it('matches brute force with filters too', () => {
    const filters = { public: 'seniors' as const, free: true };
    const got = nearestPlaces(placeIndex, { latitude: 45.19, longitude: 5.72, limit: 5, service: 'apprendre', filters });
    const expected = places
      .filter((p) => p.services.includes('apprendre') && p.publics?.includes('seniors') && p.free === true)
      .map((p) => haversineKm(45.19, 5.72, p.latitude, p.longitude))
      .sort((a, b) => a - b)
      .slice(0, 5);
    // Places at the same position may come in either order: the distances say whether the nearest were found.
    expect(got.map((n) => n.distanceKm.toFixed(3))).toEqual(expected.map((d) => d.toFixed(3)));
    expect(got.every((n) => n.place.services.includes('apprendre') && n.place.free === true)).toBe(true);
  });
});

describe('format', () => {
  it.each([
    [0.44, '0,4'],
    [2.345, '2,3'],
    [9.96, '10,0'],
    [12.6, '13'],
  ])('%f km -> %s', (km, text) => expect(formatDistanceKm(km)).toBe(text));
  it.each([
    ['+33479613068', '04 79 61 30 68'],
    ['0479613068', '04 79 61 30 68'],
    ['04.79.61.30.68', '04 79 61 30 68'],
    ['3960', '39 60'],
    ['12', undefined],
    ['06 12 34 56 78', '06 12 34 56 78'],
    ['0612345678', '06 12 34 56 78'],
    ['+33 6 12 34 56 78', '06 12 34 56 78'],
    ['0033 6 12 34 56 78', '06 12 34 56 78'],
    ['04.66.49.12.34', '04 66 49 12 34'],
    ['(0)4 66 49 12 34', '04 66 49 12 34'],
    ['02 62 90 12 34', '02 62 90 12 34'], // La Réunion, in pairs the French way
    ['07 00 00 00 00', undefined], // not an allocated range
  ])('%s -> %s', (raw, text) => expect(formatPhoneFr(raw)).toBe(text));
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['0756123456', '+33756123456'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['zéro six, douze, trente-quatre, cinquante-six, soixante-dix-huit', '+33612345678'],
    ['0692 12 34 56', '+262692123456'], // a mobile in La Réunion
    ['04.66.49.12.34', undefined], // a landline: never an SMS
    ['09 70 00 00 00', undefined],
  ])('%s is the mobile %s', (said, e164) => expect(frenchMobile(said)).toBe(e164));
});
