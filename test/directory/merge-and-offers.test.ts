// The same place twice (issue 10, class 8) and needs without a place to learn (class 6): places of two sources merged
// into one, and France Services said for what they offer, on the embedded national data.
import { describe, expect, it } from 'vitest';
import { openingWording } from '../../data/labels.fr.js';
import { createInMemoryDirectory } from '../../src/directory/in-memory-directory.js';
import { isSameSite, mergePlaces } from '../../src/directory/merge-places.js';
import { haversineKm } from '../../src/directory/nearest.js';
import { nearestPlacesService } from '../../src/directory/nearest-places.service.js';
import type { Place } from '../../src/directory/types.js';
import { embeddedData } from '../../src/runtime/node/reference-data.js';

const base: Place = { id: 'carto-1', name: 'Médiathèque de Mende', address: '1 rue X', postalCode: '48000', commune: 'Mende', latitude: 44.5180, longitude: 3.5000, services: ['apprendre'], source: 'Hinaura', franceServices: false };
const franceServices: Place = {
  id: 'france-services:9', name: 'France services de Mende', address: '2 rue Y', postalCode: '48000', commune: 'Mende', latitude: 44.5185, longitude: 3.5004,
  phone: '04 66 00 00 01', services: ['demarches', 'internet'], hours: 'Mo-Fr 09:00-12:00; PH off', source: 'ANCT', franceServices: true, updatedAt: Date.UTC(2024, 7, 1),
};

describe('the same place twice', () => {
  it('merges a cartography record into the France Services at the same site, keeping the fresher official hours and both offers', () => {
    const cartoFs = { ...base, name: 'Espace France Services Mende', franceServices: true, hours: 'Mo 14:00-16:00', publics: ['seniors' as const] };
    const merged = mergePlaces([cartoFs, franceServices], []);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'france-services:9', hours: 'Mo-Fr 09:00-12:00; PH off', publics: ['seniors'] });
    expect(merged[0]!.services.sort()).toEqual(['apprendre', 'demarches', 'internet']);
  });

  it('merges by the same phone number under another name, within the same commune', () => {
    const samePhone = { ...base, name: 'Maison des services au public', phone: '+33 4 66 00 00 01' };
    expect(isSameSite(samePhone, franceServices)).toBe(true);
  });

  it('merges two France Services records with one phone in one commune, geocoded up to a kilometre apart', () => {
    // 0.0063° of latitude: 700 m, as Faucigny Glières's two records; another name than the official one.
    const cartoFs = { ...base, name: 'Relais Grand lac', phone: '04 66 00 00 01', franceServices: true, latitude: 44.5248 };
    expect(isSameSite(cartoFs, franceServices)).toBe(true);
    expect(isSameSite({ ...cartoFs, latitude: 44.5285 }, franceServices)).toBe(false); // 1.2 km
    // A mairie and its médiathèque share a phone 450 m apart: two sites, as before.
    const mairie = { ...franceServices, id: 'carto-2', name: 'Mairie de Thyez', franceServices: false };
    expect(isSameSite({ ...base, name: 'Médiathèque', phone: '04 66 00 00 01', latitude: 44.5225 }, mairie)).toBe(false);
    // In merging, a neighbour two grid cells away is still met.
    expect(mergePlaces([franceServices, { ...cartoFs, latitude: 44.5265 }], [])).toHaveLength(1); // 900 m
  });

  it('keeps apart different places: another name and phone, another commune, too far, or one source listing two sites', () => {
    expect(isSameSite(base, { ...franceServices, id: 'lieux:7', franceServices: false, name: 'Club informatique', phone: '04 66 11 11 11' })).toBe(false);
    expect(isSameSite({ ...base, name: 'France services de Mende' }, { ...franceServices, postalCode: '48100', commune: 'Marvejols' })).toBe(false);
    expect(isSameSite({ ...base, name: 'France services de Mende' }, { ...franceServices, latitude: 44.53 })).toBe(false);
    expect(isSameSite({ ...franceServices, id: 'france-services:10', name: 'France services La Poste de Mende' }, franceServices)).toBe(false);
  });

  it('lets an imported record replace the embedded one of the same id, and its itinerant stops', () => {
    const stop = { ...franceServices, id: 'france-services:9#mardi-48095', latitude: 44.6 };
    const imported = { ...franceServices, name: 'France services de Mende (nouveau nom)', updatedAt: Date.UTC(2026, 0, 1) };
    expect(mergePlaces([franceServices, stop], [imported]).map((p) => p.name)).toEqual(['France services de Mende (nouveau nom)']);
  });

  it('leaves no site twice in the embedded national data', () => {
    const { places } = embeddedData();
    const merged = mergePlaces(places, []);
    expect(merged.length).toBeLessThan(places.length);
    const cartographyFranceServices = places.filter((p) => p.id.startsWith('carto-') && p.franceServices);
    const kept = merged.filter((p) => cartographyFranceServices.some((c) => c.id === p.id));
    // Most France Services the cartography lists are the official record's site: merged into it.
    expect(kept.length).toBeLessThan(cartographyFranceServices.length / 2);
    for (const p of merged.filter((m) => m.id.startsWith('carto-'))) {
      const twin = merged.find((o) => o !== p && haversineKm(p.latitude, p.longitude, o.latitude, o.longitude) < 1 && isSameSite(p, o));
      expect(twin, p.name).toBeUndefined();
    }
    // Listed twice before, its two records 320 m apart.
    expect(merged.filter((p) => /ruynes/i.test(p.commune)).map((p) => p.id)).toEqual(['france-services:727']);
  });
});

describe('needs without a place to learn', () => {
  const data = embeddedData();
  const service = nearestPlacesService(createInMemoryDirectory({ ...data, places: mergePlaces(data.places, []) }), { now: () => Date.UTC(2026, 10, 23, 9), wording: openingWording });

  it('answers « apprendre » in Rodez with the France Services that orient to learning, saying what each offers', async () => {
    const result = await service({ query: '12000', need: 'apprendre', maxDistanceKm: '25' });
    expect(result.outcome).toBe('found');
    const first = result.items![0]!;
    expect(first['name']).toMatch(/France services/i);
    expect(first['offers']).toBe('Aide : démarches, internet, ordinateurs, vous oriente vers un atelier');
  });

  it('says what a place offers for equipment, and nothing extra for a plain search', async () => {
    const equipment = await service({ query: '12000', need: 'materiel', maxDistanceKm: '25' });
    expect(equipment.items![0]!['offers']).toContain('ordinateurs');
    expect(equipment.items![0]!['offers']).not.toContain('oriente');
    const plain = await service({ query: '12000', need: '', maxDistanceKm: '25' });
    expect(plain.items!.every((i) => i['offers'] === '')).toBe(true);
  });

  it('answers « un lieu d’aide » with places where someone helps, not a room with wifi or computers alone', async () => {
    // In Annecy a youth mission and médiathèques that only lend computers and wifi are nearer than many that help.
    const plain = await service({ query: '74000', need: '', maxDistanceKm: '25', limit: '10' });
    const names = plain.items!.map((i) => i['name']);
    expect(names).not.toContain('Mission Locale Jeunes du Bassin Annécien');
    expect(names).not.toContain('Médiathèque La Turbine');
    // Asked for wifi or a computer, they are what is wanted.
    const internet = await service({ query: '74000', need: 'internet', maxDistanceKm: '25', limit: '10' });
    expect(internet.items!.map((i) => i['name'])).toContain('Mission Locale Jeunes du Bassin Annécien');
  });

  it('never names as « the nearest, out of reach » a place within reach', async () => {
    const result = await service({ query: '97370', need: 'apprendre', maxDistanceKm: '25' });
    expect(result.outcome).toBe('none');
    expect(Number(result.vars!['farDistance']!.replace(',', '.'))).toBeGreaterThan(25);
  });
});
