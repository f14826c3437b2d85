// The one-pass normalisation reads text exactly as its definition does (the regular-expression pipeline below, which
// it replaced for speed): on every commune name of the embedded data, the evaluation's messages, and random Unicode.
import { describe, expect, it } from 'vitest';
import { normalizeFrench } from '../../src/engine/nlu/normalize.js';
import { embeddedData } from '../../src/runtime/node/reference-data.js';
import { loadCases } from '../../scripts/understanding-eval.js';
import { seededRandom } from '../support/seeded-random.js';

/** The definition: decomposed, accents off, lowercase, œ and æ spelt out, anything but letters and digits a space. */
const definition = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[’'`´]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** A deterministic generator (mulberry32), so that a failure can be replayed. */

describe('normalizeFrench', () => {
  it('reads every commune and former commune name as its definition does', () => {
    const { communes, formerNames } = embeddedData();
    const names = [...communes.map((c) => c.name), ...formerNames.map((f) => f.name)];
    expect(names.length).toBeGreaterThan(35_000);
    expect(names.filter((n) => normalizeFrench(n) !== definition(n))).toEqual([]);
  });

  it('reads the evaluation’s messages as its definition does', () => {
    const texts = loadCases().map((c) => c.text);
    expect(texts.filter((t) => normalizeFrench(t) !== definition(t))).toEqual([]);
  });

  it('reads random text from every Unicode plane the same, lone surrogates and combining marks included', () => {
    const next = seededRandom(20261124);
    const pieces = ['É', 'œ', 'Æ', 'İ', 'ß', 'ǅ', '’', '´', '\u0301', '\ud83d\ude00', '\ud800', '\udc00', ' ', '-', 'a', 'Z', '9', '\u00a0'];
    const failures: string[] = [];
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const length = Math.floor(next() * 12);
      for (let i = 0; i < length; i++) {
        text += next() < 0.5 ? pieces[Math.floor(next() * pieces.length)] : String.fromCharCode(Math.floor(next() * 0x10000));
      }
      if (normalizeFrench(text) !== definition(text)) failures.push(JSON.stringify(text));
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
