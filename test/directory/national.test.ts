// National coverage out of the box: with nothing imported, a fresh Relais answers anywhere in France from the
// embedded France Services snapshot, through the real SMS webhook, and every commune of the COG has a position.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toGsm7 } from '../../src/channels/sms/gsm7.js';
import { geocode, indexCommunes } from '../../src/directory/geocode.js';
import { mergePlaces } from '../../src/directory/merge-places.js';
import { haversineKm } from '../../src/directory/nearest.js';
import { isApproximate } from '../../src/directory/types.js';
import { embeddedData } from '../../src/runtime/node/reference-data.js';
import { ManualClock, startTestRelais, type TestRelais } from '../support/relais.js';

const data = embeddedData();
const index = indexCommunes(data.communes, data.formerNames);
const allPlaces = mergePlaces(data.places, []);

/** The nearest place to a commune by a plain haversine scan over every shipped place. */
function bruteForceNearest(query: string) {
  const found = geocode(index, query);
  if (found.type !== 'found') throw new Error(`${query} not found`);
  const { latitude, longitude } = found.commune;
  return { commune: found.commune, place: [...allPlaces].sort((a, b) => haversineKm(latitude, longitude, a.latitude, a.longitude) - haversineKm(latitude, longitude, b.latitude, b.longitude))[0]! };
}

describe('a fresh Relais, nothing imported, answers anywhere in France', () => {
  let relais: TestRelais;
  // Monday 23 November 2026, 10:00 in Paris.
  beforeAll(async () => (relais = await startTestRelais({ clock: new ManualClock(Date.UTC(2026, 10, 23, 9, 0)) })));
  afterAll(() => relais.stop());
  let phone = 0;
  const ask = async (postalCode: string) => {
    const from = `+336555100${String(phone++).padStart(2, '0')}`;
    await relais.sms(from, 'Bonjour');
    await relais.sms(from, '1');
    return (await relais.sms(from, postalCode)).messages.join('\n');
  };

  it('« est-ce que la France services de Riom est ouverte le samedi » : each place with its Saturday, not today', async () => {
    const reply = (await relais.sms('+33655510990', 'est-ce que la France services de Riom est ouverte le samedi')).messages.join('\n');
    expect(reply).toContain('pour Riom');
    const days = reply.match(/^(?:Le samedi : .+|Fermé le samedi|Ouvert .+|Prochaine ouverture .+)$/gm) ?? [];
    expect(days.length).toBe(3);
    expect(days.every((d) => d.startsWith('Le samedi') || d === 'Fermé le samedi')).toBe(true);
    // The same in Tulle for Monday: the clock's own day, said as that day rather than « aujourd'hui ».
    const monday = (await relais.sms('+33655510991', 'la france services de Tulle est ouverte le lundi ?')).messages.join('\n');
    expect(monday).toMatch(/^Le lundi : \d+h/m);
    expect(monday).not.toContain("aujourd'hui");
  });

  it('« 1 » then « 12000 »: the France Services of Rodez, with its hours for today', async () => {
    const reply = await ask('12000');
    expect(reply).toContain('pour Rodez');
    expect(reply).toContain('1. France services de Rodez');
    expect(reply).toContain('05 65 72 02 92');
    // Monday: 9h-12h30 and 13h30-17h; at 10:00 it is open.
    expect(reply).toContain("Ouvert maintenant, jusqu'à 12h30");
  });

  it.each(['12000', '29000', '48000', '23000', '20000', '97400', '87000', '64000', '21000', '67000', '59000', '05000'])(
    '%s: the first place named is the nearest by a brute-force haversine scan',
    async (postalCode) => {
      const { commune, place } = bruteForceNearest(postalCode);
      expect(commune.departement).not.toMatch(/^(01|03|07|15|26|38|42|43|63|69|73|74)$/); // outside Auvergne-Rhône-Alpes, except 05's neighbour test
      const reply = await ask(postalCode);
      expect(reply).toContain(toGsm7(`1. ${place.name}`));
    },
  );
});

describe('commune positions', () => {
  it('gives every commune of COG 2026 a position, and none of mainland France its department centre', () => {
    const mainland = data.communes.filter((c) => !/^9[78]/.test(c.departement));
    expect(mainland.length).toBeGreaterThan(34_700);
    // The 34,969 communes of COG 2026 and the 45 municipal arrondissements, but Clipperton, an uninhabited atoll.
    expect(data.communes.length).toBe(35_013);
    expect(data.communes.some((c) => c.code === '98901')).toBe(false);
    expect(mainland.filter((c) => c.precision === 'department')).toEqual([]);
    const shares = Object.fromEntries(['commune', 'former-commune', 'postal-code', 'department'].map((p) => [p, data.communes.filter((c) => c.precision === p).length]));
    expect(shares['commune']! / data.communes.length).toBeGreaterThan(0.98);
    expect(shares['former-commune']).toBeGreaterThan(100);
    // Overseas communes the IGN file does not cover (Polynesia, New Caledonia…): placed by GeoNames or else approximately.
    expect(data.communes.filter((c) => isApproximate(c.precision)).length).toBeLessThan(60);
  });

  it('places a commune created by a merger after 2018 between its former communes', () => {
    const conques = data.communes.find((c) => c.code === '12218')!; // Conques-en-Rouergue (2016) under a code the 2018 file lacks
    expect(conques.precision).toBe('former-commune');
    expect(haversineKm(conques.latitude, conques.longitude, 44.6, 2.4)).toBeLessThan(10);
  });

  it('places each arrondissement of Paris, Lyon and Marseille in itself, not at its city centre', () => {
    const arrondissements = data.communes.filter((c) => /^(751\d\d|6938\d|132\d\d)$/.test(c.code));
    expect(arrondissements).toHaveLength(45);
    // Twenty Paris arrondissements at twenty points: « 75015 » used to be the centre of Paris, 5 km from Vaugirard.
    expect(new Set(arrondissements.map((c) => `${c.latitude},${c.longitude}`)).size).toBe(45);
    const vaugirard = geocode(index, '75015');
    expect(vaugirard.type === 'found' && haversineKm(vaugirard.commune.latitude, vaugirard.commune.longitude, 48.8412, 2.3003)).toBeLessThan(1);
    expect(bruteForceNearest('75015').place.postalCode).toMatch(/^7501[45]$/);
  });

  it.each([
    ["j'habite a lile rousse", '2B134'], // L'Île-Rousse, its apostrophe left out
    ['lhay les roses', '94038'],
    ['je suis a lisle sur tarn', '81145'], // Lisle-sur-Tarn is its real name: no article to restore
    ['je suis à Laval', '53130'],
  ])('reads a name whose article lost its apostrophe: %s', (query, code) => {
    const found = geocode(index, query, { strict: true });
    expect(found.type === 'found' && found.commune.code).toBe(code);
  });

  it('keeps a commune spelt without an apostrophe apart from the one with it (Lherm, L’Herm)', () => {
    const found = geocode(index, 'je suis à Lherm', { strict: true });
    expect(found.type === 'found' && found.commune.code).toBe('31299');
    expect(found.type === 'found' && (found.homonyms ?? []).map((c) => c.code)).not.toContain('09138');
  });

  it.each([
    ["j'habite à Fau-de-Peyre", '48009'], // commune déléguée of Peyre en Aubrac
    ["j'habite à Saint-Privat-du-Fau", '48179'],
    ['Arbignieu', '01015'], // Arboys en Bugey
  ])('understands an old village name: %s', (query, code) => {
    const found = geocode(index, query);
    expect(found.type === 'found' && found.commune.code).toBe(code);
  });
});
