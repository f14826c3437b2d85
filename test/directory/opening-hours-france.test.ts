// The Worker's opening_hours (the library with France's data only: scripts/data/opening-hours-france.ts) reads every
// hours text Relais ships, and the forms people write, exactly as the full package Node uses: same texts accepted,
// same open intervals over two years (public holidays, months, week numbers, sunrise, French day names).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import OpeningHours from 'opening_hours';
import { buildFrenchOpeningHours } from '../../scripts/data/opening-hours-france.js';

const FRANCE = { lat: 46.6, lon: 2.4, address: { country_code: 'fr', state: '' } };
const root = new URL('../../', import.meta.url);
const shipped = (file: string, column: number) =>
  (JSON.parse(readFileSync(new URL(`data/generated/${file}`, root), 'utf8')) as { columns: unknown[][] }).columns[column] as string[];

const written = [
  'Mo-Fr 09:00-12:00,13:30-17:00; PH off',
  'Mo-Fr 09:00-12:00; PH 10:00-11:00',
  'Mo-Sa 08:00-19:00; Aug off; PH off',
  'week 01-26 Mo 09:00-12:00; week 27-53 We 14:00-16:00',
  'Mo[1] 09:00-12:00; Dec 24-Jan 01 off',
  'Mo-Fr sunrise-sunset',
  '24/7',
  'lundi-vendredi 9h-12h',
  'Lu-Ve 09:00-12:00',
  'Mo-Fr 09:00-12:00; PH off; 2027 Jan 04 off',
];
// School holidays need a zone, which Relais never gives: refused by both.
const unreadable = ['Tu,Th 14:00-17:00; SH off', 'tous les jours', 'Mo-Fr 25:00-26:00', 'Mo-Fr 09:00-12:00;;; PH 7'];

/**
 * The library's reading of a text (its normal form and warnings) and its open intervals from `from` to `to`, as minutes
 * since the epoch; null when the text cannot be read.
 */
function readWith(Library: typeof OpeningHours, text: string, from = new Date(2026, 0, 1), to = new Date(2028, 0, 1)) {
  let hours: OpeningHours;
  try {
    hours = new Library(text, FRANCE);
  } catch {
    return null;
  }
  const intervals = hours.getOpenIntervals(from, to).map(([open, close]) => [open.getTime() / 60_000, close.getTime() / 60_000]);
  return { normal: hours.prettifyValue(), warnings: hours.getWarnings(), intervals };
}

describe("the Worker's opening_hours", async () => {
  const dir = new URL('data/generated/', root);
  // Built fresh, so the test reads what `npm install` would write, and the file the Worker aliases is this one.
  expect(readFileSync(new URL('opening-hours-france.mjs', dir), 'utf8')).toBe(buildFrenchOpeningHours());
  const French = (await import(new URL('opening-hours-france.mjs', dir).href)).default as typeof OpeningHours;

  it('is much smaller than the full library', () => {
    const full = readFileSync(new URL('node_modules/opening_hours/build/opening_hours.esm.mjs', root), 'utf8');
    expect(buildFrenchOpeningHours().length).toBeLessThan(full.length / 2);
  });

  it('reads the forms people write as the full library does, over two years', { timeout: 120_000 }, () => {
    for (const text of written) expect(readWith(French, text), text).toEqual(readWith(OpeningHours, text));
    expect(written.every((text) => readWith(OpeningHours, text) !== null)).toBe(true);
    // France's holidays are in it: Easter Monday 2027 is closed, the Monday before is open.
    const mondays = new French('Mo 09:00-12:00; PH off', FRANCE);
    expect(mondays.getState(new Date(2027, 2, 29, 10))).toBe(false);
    expect(mondays.getState(new Date(2027, 2, 22, 10))).toBe(true);
  });

  // Reading a day costs the library about half a millisecond: the shipped texts are compared around the 14th of July.
  it('reads every shipped hours text as the full library does', { timeout: 120_000 }, () => {
    const texts = [...new Set([...shipped('france-services.json', 9), ...shipped('places.json', 9)].filter(Boolean))];
    expect(texts.length).toBeGreaterThan(500);
    const [from, to] = [new Date(2026, 6, 13), new Date(2026, 6, 16)];
    for (const text of texts) expect(readWith(French, text, from, to), text).toEqual(readWith(OpeningHours, text, from, to));
  });

  it('refuses what the full library refuses', () => {
    for (const text of unreadable) expect([text, readWith(French, text)]).toEqual([text, readWith(OpeningHours, text)]);
    expect(unreadable.filter((text) => readWith(OpeningHours, text) === null).length).toBeGreaterThan(0);
  });
});
