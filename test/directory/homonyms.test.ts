// Places read as the person meant them: a commune beside its postal code, homonyms settled by the caller's
// department or landline, and asked about when far apart with nothing to choose.
import { describe, expect, it } from 'vitest';
import { openingWording } from '../../data/labels.fr.js';
import { landlineDepartements } from '../../data/landline-zones.js';
import { likelyDepartements } from '../../src/directory/homonyms.js';
import { nearestPlacesService } from '../../src/directory/nearest-places.service.js';
import { loadDirectory } from '../../src/runtime/node/reference-data.js';

const directory = loadDirectory();
const search = nearestPlacesService(directory, { now: () => Date.UTC(2026, 10, 23, 9), wording: openingWording, landlineZones: landlineDepartements });

describe('geocode', () => {
  it('takes the commune named beside its postal code, without asking which', async () => {
    const found = await directory.geocode('Nasbinals 48260');
    expect(found).toMatchObject({ type: 'found', commune: { name: 'Nasbinals' } });
    expect(found.type === 'found' && found.others).toBeFalsy();
  });

  it('lists homonyms, the preferred departments first', async () => {
    const plain = await directory.geocode('Saint-Denis');
    expect(plain.type === 'found' && plain.homonyms?.map((c) => c.departement)).toContain('93');
    const preferred = await directory.geocode('Saint-Denis', { prefer: ['93'] });
    expect(preferred.type === 'found' && preferred.commune.departement).toBe('93');
  });
});

describe('likely departments', () => {
  it('come from the platform first, then the landline prefix; a mobile says nothing', () => {
    expect(likelyDepartements(landlineDepartements, { from: '+33466000000', departement: '48' })[0]).toBe('48');
    expect(likelyDepartements(landlineDepartements, { from: '+33148000000' })).toContain('93');
    expect(likelyDepartements(landlineDepartements, { from: '+262262000000' })).toEqual([]);
    expect(likelyDepartements(landlineDepartements, { from: '+33262000000' })).toEqual(['974']);
    expect(likelyDepartements(landlineDepartements, { from: '+33612345678' })).toEqual([]);
  });
});

describe('the place search with homonyms', () => {
  it('asks which Saint-Denis when nothing tells them apart', async () => {
    const result = await search({ query: 'Saint-Denis', askWhichCommune: 'yes' }, { channel: 'sms', address: '+33612345678' });
    expect(result.outcome).toBe('whichCommune');
    expect(Object.values(result.vars ?? {})).toEqual(expect.arrayContaining(['Saint-Denis (93200)', 'Saint-Denis (97400)']));
  });

  it('takes the one in the transferring platform’s department, or the caller’s landline region', async () => {
    const platform = await search({ query: 'Saint-Denis', askWhichCommune: 'yes', near: '93' }, { channel: 'voice', address: '+33612345678' });
    expect(platform.vars?.['departement']).toBe('93');
    const landline = await search({ query: 'Saint-Denis', askWhichCommune: 'yes' }, { channel: 'voice', address: '+33262000000' });
    expect(landline.vars?.['departement']).toBe('974');
  });
});
