// The Node runtime's reference data: the directory and the activity pages' atlas are built over one merged list of
// places (an imported place is in both), and the atlas's department lists and EPCI table, built on first use, answer
// as they did when built at start.
import { describe, expect, it } from 'vitest';
import { embeddedData, loadReferenceData } from '../../src/runtime/node/reference-data.js';
import type { Place } from '../../src/directory/types.js';

/** A place imported into the database, in the middle of nowhere in Lozère: no embedded place is within 300 m. */
const imported: Place = {
  id: 'lieux:test-aubrac',
  name: 'Atelier numérique du plateau',
  address: '1 route du Plateau',
  postalCode: '48260',
  commune: 'Nasbinals',
  latitude: 44.62,
  longitude: 3.1,
  services: ['apprendre'],
  source: 'test',
  franceServices: false,
  departement: '48',
};

describe('the reference data of the Node runtime', () => {
  const { directory, atlas } = loadReferenceData([imported]);

  it('shares one merged list: an imported place is found by the directory and shown on the atlas', async () => {
    const [nearest] = await directory.nearest({ latitude: imported.latitude, longitude: imported.longitude, limit: 1 });
    expect(nearest?.place.id).toBe(imported.id);
    expect(atlas.placesOf('48').map((p) => p.id)).toContain(imported.id);
    expect(atlas.placeName(imported.id)).toBe('Atelier numérique du plateau');
  });

  it('lists every commune of a department and names communes and their EPCI, though built on first use', () => {
    const lozere = embeddedData().communes.filter((c) => c.departement === '48');
    expect(atlas.communesOf('48')).toHaveLength(lozere.length);
    const mende = lozere.find((c) => c.name === 'Mende')!;
    expect(atlas.communeName(mende.code)).toBe('Mende');
    expect(atlas.epciOf(mende.code)).toEqual({ code: '244800405', name: 'CC Coeur de Lozère' });
    expect(atlas.communesOf('nowhere')).toEqual([]);
  });
});
