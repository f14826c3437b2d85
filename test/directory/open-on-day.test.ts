// « Ouvert le … »: a platform planning a visit asks for places open at some time on a given day (French local time),
// public holidays included, through the same search the conversations use.
import { describe, expect, it } from 'vitest';
import { openingWording } from '../../data/labels.fr.js';
import { createInMemoryDirectory } from '../../src/directory/in-memory-directory.js';
import { parisLocalToEpoch } from '../../src/directory/hours.js';
import { matches } from '../../src/directory/nearest.js';
import { nearestPlacesService } from '../../src/directory/nearest-places.service.js';
import type { Place } from '../../src/directory/types.js';
import { embeddedData } from '../../src/runtime/node/reference-data.js';

const mondayMornings: Place = {
  id: 'test:1', name: 'Maison test', address: '1 rue Test, 48000 Mende', latitude: 44.52, longitude: 3.5,
  services: ['demarches'], source: 'test', hours: 'Mo 09:00-12:00; PH off',
} as Place;
const midnight = (day: string) => parisLocalToEpoch(Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10)), 0, 0);

describe('open on a given day', () => {
  it('keeps a place open some time that day, and not one closed all day or on a public holiday', () => {
    expect(matches(mondayMornings, { filters: { openOn: midnight('2026-11-30') } })).toBe(true); // a Monday
    expect(matches(mondayMornings, { filters: { openOn: midnight('2026-12-01') } })).toBe(false); // a Tuesday
    expect(matches(mondayMornings, { filters: { openOn: midnight('2027-03-29') } })).toBe(false); // Easter Monday 2027
    expect(matches({ ...mondayMornings, hours: undefined } as Place, { filters: { openOn: midnight('2026-11-30') } })).toBe(false);
  });

  it('filters the search the conversations use: no France Services of Rodez is open on a Sunday', async () => {
    const data = embeddedData();
    const service = nearestPlacesService(createInMemoryDirectory(data), { now: () => Date.UTC(2026, 10, 23, 9), wording: openingWording });
    const monday = await service({ query: '12000', need: 'demarches', maxDistanceKm: '25', openOn: '2026-11-30' });
    expect(monday.outcome).toBe('found');
    expect(JSON.stringify(monday.items)).toContain('Rodez');
    const sunday = await service({ query: '12000', need: 'demarches', maxDistanceKm: '25', openOn: '2026-11-29' });
    expect(JSON.stringify(sunday.items ?? [])).not.toContain('France services de Rodez');
    // Anything but a day written YYYY-MM-DD filters nothing, rather than failing the search.
    expect((await service({ query: '12000', need: 'demarches', maxDistanceKm: '25', openOn: 'lundi' })).outcome).toBe('found');
  });
});
