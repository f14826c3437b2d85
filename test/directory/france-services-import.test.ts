// The France Services importer: a small fixture with every kind of fault, and the real ANCT list when ../shared is
// present (skipped cleanly otherwise), through the real `npm run import` command into a real SQLite file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFranceServicesCsv } from '../../src/directory/import/france-services.js';
import { nextOpening, parseDayHours, parisTime, weekToOsmHours } from '../../src/directory/hours.js';
import { haversineKm, indexPlaces, nearestPlaces } from '../../src/directory/nearest.js';
import { runImport, projectRoot } from '../support/import.js';
import { startTestRelais } from '../support/relais.js';

const root = projectRoot;
const fixture = join(root, 'test/fixtures/import/france-services-small.csv');
const officialList = join(root, '../shared/data/france-services/liste-fs-20240801.csv');
const hasShared = existsSync(officialList);
const dir = mkdtempSync(join(tmpdir(), 'relais-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const count = (databasePath: string, where = '1') => {
  const db = new Database(databasePath, { readonly: true });
  const n = (db.prepare(`select count(*) as n from places where ${where}`).get() as { n: number }).n;
  db.close();
  return n;
};

describe('parseFranceServicesCsv on a fixture', () => {
  const parsed = parseFranceServicesCsv(readFileSync(fixture, 'utf8'));

  it('keeps valid records and names the line and field of each rejected one', () => {
    expect(parsed.places.map((p) => p.id)).toEqual(['france-services:101', 'france-services:106']);
    expect(parsed.rejected).toEqual([
      { line: 4, field: 'latitude', reason: 'not a latitude: ""' },
      { line: 5, field: 'id_fs', reason: 'not a numeric id: "abc"' },
      { line: 6, field: 'code_postal', reason: 'not a postal code: "480"' },
      { line: 7, field: 'id_fs', reason: 'duplicate id 101' },
    ]);
  });

  it('reads daily hours, skips the 00:00 placeholder, and keeps comments on itinerant stops', () => {
    const [mende] = parsed.places;
    expect(mende!.hours).toBe('Mo 09:00-12:00,13:30-17:00; Tu 09:00-12:00; Th 14:00-17:00; Fr 09:00-12:00; PH off');
    expect(mende!.appointment).toBe(true);
    expect(mende!.format).toBe('Itinérante');
    expect(mende!.comment).toContain('jeudi à Marvejols');
    expect(mende!.phone).toBe('04 66 00 00 01');
  });

  it('keeps a record with an unreadable phone or hours, without them, and says so', () => {
    const odd = parsed.places[1]!;
    expect(odd.phone).toBeUndefined();
    expect(odd.hours).toBeUndefined();
    expect(odd.address).toBe('6 Rue "Test"');
    expect(parsed.warnings.map((w) => `${w.line}:${w.field}`)).toEqual(['8:telephone', '8:h_lundi']);
  });

  it('refuses a file that is not the France Services list', () => {
    expect(parseFranceServicesCsv('a,b\n1,2\n').rejected[0]).toMatchObject({ line: 1, reason: expect.stringContaining('missing column') });
  });
});

describe('opening hours', () => {
  const mondayMorning = Date.UTC(2026, 10, 23, 9, 30); // 10:30 in Paris (UTC+1 in November)
  const hours = weekToOsmHours([[[540, 720], [810, 1020]], [], [], [], [], [], []]);

  it('reads the time in Paris whatever the server zone', () => {
    expect(parisTime(mondayMorning)).toEqual({ weekday: 0, minute: 630 });
    expect(parisTime(Date.UTC(2026, 6, 6, 9, 30)).minute).toBe(690); // summer time: UTC+2
  });
  it('says open now, later today, or the next day', () => {
    expect(nextOpening(hours, mondayMorning)).toMatchObject({ type: 'open-now', until: 720 });
    expect(nextOpening(hours, Date.UTC(2026, 10, 23, 11, 45))).toMatchObject({ type: 'later-today' });
    expect(nextOpening(hours, Date.UTC(2026, 10, 23, 17, 0))).toMatchObject({ type: 'next-day', weekday: 0, daysAhead: 7 });
    expect(nextOpening(undefined, mondayMorning)).toEqual({ type: 'unknown' });
  });
  it('maps the daily columns to OSM hours, closed on public holidays', () => {
    expect(hours).toBe('Mo 09:00-12:00,13:30-17:00; PH off');
    expect(weekToOsmHours([[[540, 720]], [[540, 720]], [[540, 720]], [], [[540, 720]], [[540, 720]], []])).toBe('Mo-We 09:00-12:00; Fr,Sa 09:00-12:00; PH off');
  });
  it('is closed on 11 November (a public holiday) and opens the next working day', () => {
    const weekdays = 'Mo-Fr 09:00-12:00; PH off';
    const armistice = Date.UTC(2026, 10, 11, 9, 30); // Wednesday 11 November 2026, 10:30 in Paris
    expect(nextOpening(weekdays, armistice)).toMatchObject({ type: 'next-day', daysAhead: 1, weekday: 3 });
    expect(nextOpening(weekdays, armistice + 86_400_000)).toMatchObject({ type: 'open-now', until: 720 });
    // Without `PH off`, the same day is an ordinary Wednesday.
    expect(nextOpening('Mo-Fr 09:00-12:00', armistice)).toMatchObject({ type: 'open-now' });
  });
  it('keeps Paris hours across the change to summer time', () => {
    const weekdays = 'Mo-Fr 09:00-12:00; PH off';
    // Friday 27 March 2026, 7:30 UTC is 8:30 in Paris (UTC+1): not open yet. Monday 30 March, 7:30 UTC is 9:30 (UTC+2): open.
    expect(nextOpening(weekdays, Date.UTC(2026, 2, 27, 7, 30))).toMatchObject({ type: 'later-today', today: [[540, 720]] });
    expect(nextOpening(weekdays, Date.UTC(2026, 2, 30, 7, 30))).toMatchObject({ type: 'open-now', until: 720 });
    // And across the change back to winter time: Monday 26 October 2026, 8:30 UTC is 9:30 in Paris (UTC+1).
    expect(nextOpening(weekdays, Date.UTC(2026, 9, 26, 8, 30))).toMatchObject({ type: 'open-now' });
    expect(nextOpening(weekdays, Date.UTC(2026, 9, 23, 7, 30))).toMatchObject({ type: 'open-now' }); // Friday before: 9:30 (UTC+2)
  });
  it('parses the source day format', () => {
    expect(parseDayHours('08:30 - 12:00 / 13:30 - 17:00')).toEqual([[510, 720], [810, 1020]]);
    expect(parseDayHours('')).toEqual([]);
    expect(parseDayHours('00:00 - 00:00')).toEqual([]);
    expect(parseDayHours('lundi matin')).toBeUndefined();
    expect(parseDayHours('17:00 - 09:00')).toBeUndefined();
  });
});

describe('npm run import (fixture)', () => {
  const databasePath = join(dir, 'fixture.sqlite');
  it('writes nothing on a dry run', () => {
    const out = runImport(databasePath, 'france-services', fixture, '--dry-run');
    expect(out).toContain('2 valid record(s), 4 rejected');
    expect(out).toContain('line 6, code_postal');
    expect(existsSync(databasePath)).toBe(false);
  });
  it('imports, re-imports idempotently, and places the itinerant service at the stops its comment names', () => {
    const first = runImport(databasePath, 'france-services', fixture);
    expect(first).toContain('2 itinerant stop(s) placed from the comments');
    expect(first).toContain('4 inserted, 0 updated, 0 deleted');
    expect(runImport(databasePath, 'france-services', fixture)).toContain('0 inserted, 4 updated, 0 deleted');
    const db = new Database(databasePath, { readonly: true });
    const stops = db.prepare("select name, commune, hours_json from places where id like 'france-services:101#%' order by id").all() as { name: string; commune: string; hours_json: string }[];
    db.close();
    expect(stops.map((s) => [s.name, s.commune])).toEqual([
      ['France services de Test-Mende (le jeudi)', 'Marvejols'],
      ['France services de Test-Mende (le mardi)', 'Langogne'],
    ]);
    expect(JSON.parse(stops[1]!.hours_json)).toBe('Tu 09:00-12:00; PH off'); // Tuesday's hours only
  });
  it('answers a precise error for an unknown kind or a missing file', () => {
    expect(() => runImport(databasePath, 'unknown', fixture)).toThrow(/unknown import kind "unknown"/);
    expect(() => runImport(databasePath, 'france-services', join(dir, 'missing.csv'))).toThrow(/cannot read/);
  });
});

describe.skipIf(!hasShared)('npm run import on the official list (../shared)', () => {
  const databasePath = join(dir, 'official.sqlite');

  it('imports all 2,845 France Services, idempotently, and --replace removes what the file no longer has', { timeout: 90_000 }, () => {
    const first = runImport(databasePath, 'france-services', officialList);
    expect(first).toMatch(/2845 valid record\(s\), 0 rejected, 0 warning\(s\); \d+ itinerant stop\(s\) placed/);
    const stops = Number(/(\d+) itinerant stop/.exec(first)![1]);
    expect(stops).toBeGreaterThan(10);
    expect(first).toContain(`${2845 + stops} inserted`);
    expect(runImport(databasePath, 'france-services', officialList)).toContain(`0 inserted, ${2845 + stops} updated`);
    const replaced = join(dir, 'replaced.sqlite');
    runImport(replaced, 'france-services', officialList);
    // The fixture's ids 101 and 106 exist in both; its 2 stops are new.
    expect(runImport(replaced, 'france-services', fixture, '--replace')).toContain(`2 inserted, 2 updated, ${2845 + stops - 2} deleted`);
    expect(count(replaced)).toBe(4);
  });

  it('finds the truly nearest France Services, as a brute-force haversine scan does', () => {
    const places = parseFranceServicesCsv(readFileSync(officialList, 'utf8')).places;
    const index = indexPlaces(places);
    for (const [lat, lon] of [[44.518, 3.5], [48.85, 2.35], [43.3, 5.4], [-21.1, 55.5], [50.6, 3.06]] as const) {
      const got = nearestPlaces(index, { latitude: lat, longitude: lon, limit: 3 }).map((n) => n.place.id);
      const expected = [...places].sort((a, b) => haversineKm(lat, lon, a.latitude, a.longitude) - haversineKm(lat, lon, b.latitude, b.longitude)).slice(0, 3).map((p) => p.id);
      expect(got).toEqual(expected);
    }
  });

  it('answers « 1 » then a postal code anywhere in France with the nearest France Services and its hours', async () => {
    const relais = await startTestRelais({ databasePath });
    try {
      const from = '+33655500001';
      await relais.sms(from, 'Bonjour');
      await relais.sms(from, '1');
      const reply = (await relais.sms(from, '29200')).messages.join('\n'); // Brest: the imported records replace the embedded snapshot's
      expect(reply).toContain('pour Brest');
      expect(reply).toMatch(/France services/i);
      expect(reply).toMatch(/Ouvert|ouverture/);
    } finally {
      await relais.stop();
    }
  });
});
