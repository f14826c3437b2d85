// Departments named beside a commune settle homonyms: « Saint-Denis de la Réunion » is not asked about. Read from the
// embedded data (the departments and regions of @etalab/decoupage-administratif), only after a word that names a place.
import { describe, expect, it } from 'vitest';
import { departementReader } from '../../src/directory/departement-names.js';
import { embeddedData } from '../../src/runtime/node/reference-data.js';

const named = departementReader(embeddedData().departementNames);

describe('departments named in a sentence', () => {
  it('reads a department by its name after « de », « dans », « en », with or without its article', () => {
    expect(named('je suis à Saint-Denis de la Réunion')).toEqual(['974']);
    expect(named('un atelier à Valence dans la Drôme')).toEqual(['26']);
    expect(named('Saint-Denis en Seine-Saint-Denis')).toEqual(['93']);
    expect(named('Bagneres de Bigorre dans les hautes pyrenees')).toEqual(['65']);
  });

  it('reads its number in brackets, or after « le » or « du »', () => {
    expect(named('Saint-Pierre (974)')).toEqual(['974']);
    expect(named('ma mère habite Saint-Denis dans le 93')).toEqual(['93']);
    expect(named('Ajaccio (2A)')).toEqual(['2A']);
  });

  it('reads a region as its departments, after any department named', () => {
    const breton = named('mon père vit en Bretagne');
    expect([...breton].sort()).toEqual(['22', '29', '35', '56']);
    expect(named('à Saint-Pierre dans le Cantal, en Auvergne-Rhône-Alpes')[0]).toBe('15');
  });

  it('does not take an ordinary word for a department', () => {
    expect(named('un ordinateur pas cher à Saint-Denis')).toEqual([]);
    expect(named('je fais la somme de mes retraites')).toEqual([]);
    expect(named('il me faut 93 euros')).toEqual([]);
  });
});
