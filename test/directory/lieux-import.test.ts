// The importer of the national standard of digital-mediation places: JSON and CSV fixtures, validated by the
// standard's own library, through the real `npm run import` command and into the answers of the running service.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseLieux } from '../../src/directory/import/lieux.js';
import { nextOpening } from '../../src/directory/hours.js';
import { runImport, projectRoot } from '../support/import.js';
import { startTestRelais } from '../support/relais.js';

const root = projectRoot;
const json = join(root, 'test/fixtures/import/lieux-small.json');
const csv = join(root, 'test/fixtures/import/lieux-small.csv');
const dir = mkdtempSync(join(tmpdir(), 'relais-lieux-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseLieux', () => {
  it('reads the JSON form, rejecting with the field and the standard library’s message', () => {
    const parsed = parseLieux(readFileSync(json, 'utf8'));
    expect(parsed.unit).toBe('record');
    expect(parsed.places.map((p) => p.id)).toEqual(['lieux:lieu-1']);
    expect(parsed.rejected).toEqual([
      { line: 2, field: 'code_postal', reason: "Le code postal 480 n'est pas valide" },
      { line: 3, field: 'services', reason: "Le service 'Réparer des vélos' n'est pas une valeur admise" },
      { line: 4, field: 'latitude', reason: 'no coordinates: a place must be located to be found' },
    ]);
    expect(parsed.places[0]).toMatchObject({
      services: ['demarches', 'apprendre'],
      publics: ['seniors', 'deafness', 'mobility'],
      free: true,
      phone: '04 66 00 00 01',
      franceServices: false,
    });
    expect(nextOpening(parsed.places[0]!.hours, Date.UTC(2026, 10, 25, 9, 0)).type).not.toBe('open-now'); // "We off", a Wednesday
  });

  it('reads the CSV form, lists separated by |', () => {
    const parsed = parseLieux(readFileSync(csv, 'utf8'));
    expect(parsed.unit).toBe('line');
    expect(parsed.places.map((p) => p.id)).toEqual(['lieux:csv-1', 'lieux:csv-2']);
    expect(parsed.places[0]).toMatchObject({ franceServices: true, free: false, services: ['demarches', 'internet'] });
    expect(parsed.rejected).toEqual([{ line: 4, field: 'code_postal', reason: "Le code postal 4840 n'est pas valide" }]);
  });

  it('says plainly when the JSON is broken', () => {
    expect(parseLieux('[{"id":').rejected[0]).toMatchObject({ field: '(file)', reason: expect.stringContaining('not valid JSON') });
  });
});

describe('npm run import -- lieux', () => {
  it('imports both forms idempotently, and the service then answers from them with their filters', { timeout: 60_000 }, async () => {
    const databasePath = join(dir, 'lieux.sqlite');
    const first = runImport(databasePath, 'lieux', json);
    expect(first).toContain('1 valid record(s), 3 rejected');
    expect(first).toContain('record 2, code_postal');
    expect(first).toContain('1 inserted, 0 updated');
    expect(runImport(databasePath, 'lieux', csv)).toContain('2 inserted');
    expect(runImport(databasePath, 'lieux', json)).toContain('0 inserted, 1 updated');

    const relais = await startTestRelais({ databasePath });
    try {
      const from = '+33655500002';
      await relais.sms(from, 'Bonjour');
      await relais.sms(from, '1');
      const reply = (await relais.sms(from, 'Mende')).messages.join('\n');
      expect(reply).toContain('Espace numérique de Mende');
      expect(reply).toContain('04 66 00 00 01');
    } finally {
      await relais.stop();
    }
  });
});
