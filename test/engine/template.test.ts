// Flow texts filled with the conversation's variables: optional groups, and a place's name after « de » or « à » as
// French says it (« près d'Aurillac », « au Havre »), where « près de Aurillac » read as a machine's.
import { describe, expect, it } from 'vitest';
import { fillTemplate, templateVariables, withPreposition } from '../../src/engine/template.js';
import { seededRandom } from '../support/seeded-random.js';

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

/** The definition the compiled templates replaced for speed: groups innermost first, a pass per level, then variables. */
function definition(template: string, vars: Record<string, string>): string {
  const variable = /\{(?:(de|a):)?(\w+)(\?)?\}/g;
  let text = template;
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/\[([^\[\]]*)\]/g, (_, group: string) => {
      const names = [...group.matchAll(variable)].map((m) => m[2]!);
      return names.every((n) => (vars[n] ?? '').trim() !== '') ? group.replace(/\{\w+\?\}/g, '') : '';
    });
  }
  return text.replace(variable, (whole, preposition: 'de' | 'a' | undefined, name: string, condition: string | undefined) => {
    if (condition) return whole;
    const value = vars[name] ?? '';
    return preposition && value ? withPreposition(preposition, value) : value;
  });
}

/** Every string in the flows: their texts, voice wordings and item templates among them. */
function flowStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => flowStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => flowStrings(v, out));
  return out;
}


describe('templates read once', () => {
  const valueSets: Record<string, string>[] = [{}, { a: 'Annecy', b: ' ', c: 'Le Havre' }, { a: '', b: 'Rodez', c: 'Les Abymes' }];

  it('fill every flow text as the definition does, with variables set, empty or missing', async () => {
    const { flowDefinitions } = await import('../../flows/index.js');
    const strings = [...new Set(flowStrings(flowDefinitions))];
    expect(strings.length).toBeGreaterThan(300);
    const names = [...new Set(strings.flatMap(templateVariables))];
    for (const fill of ['', 'Mende', 'Le Puy-en-Velay']) {
      const vars = Object.fromEntries(names.map((n, i) => [n, i % 3 === 0 ? '' : fill]));
      expect(strings.filter((s) => fillTemplate(s, vars) !== definition(s, vars))).toEqual([]);
    }
  });

  it('fill random templates of brackets, variables and conditions as the definition does, unmatched brackets included', () => {
    // Braces that are no variable come whole (« { x } »): a lone « { » before a group and « } » after it would be a
    // variable cut in two by brackets, which the definition joins once the group goes, and no flow writes.
    const tokens = ['[', '[', ']', ']', '{a}', '{b}', '{c}', '{de:a}', '{a:c}', '{a?}', '{b?}', '{de:b?}', 'x', ' ', ', ', '{ x }', '{1}'];
    const next = seededRandom(7);
    const differing: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      const template = Array.from({ length: 1 + Math.floor(next() * 14) }, () => tokens[Math.floor(next() * tokens.length)]).join('');
      for (const vars of valueSets) if (fillTemplate(template, vars) !== definition(template, vars)) differing.push(template);
    }
    expect(differing).toEqual([]);
  });
});
