// Flow texts filled with the conversation's variables: optional groups, and a place's name after « de » or « à » as
// French says it (« près d'Aurillac », « au Havre »), where « près de Aurillac » read as a machine's.
import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariables, withPreposition } from '../../src/engine/template.js';

describe('place names after « de » and « à »', () => {
  it.each([
    ['de', 'Aurillac 15000', "d'Aurillac 15000"],
    ['de', 'Évreux', "d'Évreux"],
    ['de', 'Le Havre', 'du Havre'],
    ['de', 'Les Sables-d’Olonne', 'des Sables-d’Olonne'],
    ['de', 'La Rochelle', 'de La Rochelle'],
    ['de', 'Rodez', 'de Rodez'],
    ['de', 'Hyères', 'de Hyères'],
    ['a', 'Le Mans', 'au Mans'],
    ['a', 'Les Abymes', 'aux Abymes'],
    ['a', 'Annecy', 'à Annecy'],
    ['a', 'La Rochelle', 'à La Rochelle'],
  ] as const)('%s + %s → %s', (preposition, name, said) => {
    expect(withPreposition(preposition, name)).toBe(said);
  });

  it('fills {de:name} and {a:name}, in an optional group too, and names the variable for the lint', () => {
    expect(fillTemplate('Je cherche près {de:location}.', { location: 'Annecy 74000' })).toBe("Je cherche près d'Annecy 74000.");
    expect(fillTemplate('Près de votre proche[, {a:commune}] :', { commune: 'Le Puy-en-Velay' })).toBe('Près de votre proche, au Puy-en-Velay :');
    expect(fillTemplate('Près de votre proche[, {a:commune}] :', {})).toBe('Près de votre proche :');
    expect(fillTemplate('[{x?}oui]{de:commune}', {})).toBe('');
    expect(templateVariables('à moins de {radiusKm} km {de:commune}[{ok?}]')).toEqual(['radiusKm', 'commune', 'ok']);
  });
});
