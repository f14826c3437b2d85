// Opening hours read for a given moment in French local time (OSM hours through opening_hours), so that an answer can
// say "open today" or when the place opens next; and the France Services daily columns ("09:00 - 12:00 / 13:30 -
// 17:00"), an ANCT format no library reads (kept by hand: a slash-separated list with a placeholder), mapped to OSM.
import { osmHours } from './osm-hours.js';
import { parisOffsetMs, parisWallClock } from './paris-clock.js';

/** Minutes since midnight, [open, close). */
export type TimeRange = [number, number];
/** Seven days, Monday first; an empty day is closed. */
export type WeeklyHours = TimeRange[][];

const RANGE = /^(\d{1,2})[:h](\d{2})\s*-\s*(\d{1,2})[:h](\d{2})$/;

/**
 * One day's text into ranges. Empty text is a closed day. `00:00 - 00:00` is the source's placeholder for an
 * empty slot and is skipped ("00:00 - 00:00 / 09:00 - 12:00" is open 9h-12h). Unreadable text yields undefined.
 */
export function parseDayHours(text: string): TimeRange[] | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const ranges: TimeRange[] = [];
  for (const part of trimmed.split('/').map((p) => p.trim()).filter(Boolean)) {
    const m = RANGE.exec(part);
    if (!m) return undefined;
    const open = Number(m[1]) * 60 + Number(m[2]);
    const close = Number(m[3]) * 60 + Number(m[4]);
    if (open === 0 && close === 0) continue;
    if (close <= open || close > 24 * 60) return undefined;
    ranges.push([open, close]);
  }
  return ranges;
}

/** The weekday (0 = Monday) and minute of a moment in Europe/Paris, whatever the server's time zone. */
export function parisTime(epochMs: number): { weekday: number; minute: number } {
  const { weekday, minute } = parisWallClock(epochMs);
  return { weekday, minute };
}

export type Opening =
  | { type: 'open-now'; until: number; today: TimeRange[] }
  | { type: 'later-today'; today: TimeRange[] }
  | { type: 'next-day'; weekday: number; ranges: TimeRange[]; daysAhead: number }
  | { type: 'unknown' };

/**
 * A place's open ranges on a day, by day and hours text: the library takes about half a millisecond to read one day,
 * and each place answered reads one to fifteen. A day's ranges never change, so they are kept, up to a bound.
 */
const dayRanges = new Map<string, TimeRange[]>();
const DAY_RANGES_KEPT = 50_000;

/** Days looked ahead for the next opening: two weeks, so that a week of holidays is crossed. */
const LOOK_AHEAD_DAYS = 14;

/**
 * When the place is open next, seen from `epochMs` in French local time, from its OSM hours (public holidays
 * included). opening_hours reads a Date in the process's own time zone, which is not Paris on a Worker: it is given
 * dates whose local fields are Paris wall-clock time, and its answers are read back the same way.
 */
export function nextOpening(hours: string | undefined, epochMs: number): Opening {
  const days = daysFrom(hours, epochMs);
  if (!days) return { type: 'unknown' };
  const { rangesOn, weekdayOf, minute } = days;
  const today = rangesOn(0);
  const current = today.find(([open, close]) => minute >= open && minute < close);
  if (current) return { type: 'open-now', until: current[1], today };
  if (today.some(([open]) => open > minute)) return { type: 'later-today', today };
  for (let ahead = 1; ahead <= LOOK_AHEAD_DAYS; ahead++) {
    const ranges = rangesOn(ahead);
    if (ranges.length > 0) return { type: 'next-day', weekday: weekdayOf(ahead), ranges, daysAhead: ahead };
  }
  return { type: 'unknown' };
}

/**
 * The place's ranges on the next `weekday` (0 = Monday; today if it is that day), for « est-ce ouvert le samedi ? »:
 * empty when closed that day, undefined when its hours cannot be read.
 */
export function openingOnWeekday(hours: string | undefined, epochMs: number, weekday: number): TimeRange[] | undefined {
  const days = daysFrom(hours, epochMs);
  if (!days) return undefined;
  const ahead = (weekday - days.weekdayOf(0) + 7) % 7;
  return days.rangesOn(ahead);
}

/** A place's days seen from a moment in French local time: each day's open ranges, its weekday, the minute now. */
function daysFrom(hours: string | undefined, epochMs: number) {
  const oh = hours ? osmHours(hours) : null;
  if (!oh) return undefined;
  const { year, month, day, minute } = parisWallClock(epochMs);
  const rangesOn = (ahead: number): TimeRange[] => {
    const from = new Date(year, month - 1, day + ahead);
    const key = `${from.getFullYear()}-${from.getMonth()}-${from.getDate()} ${hours}`;
    let ranges = dayRanges.get(key);
    if (!ranges) {
      const to = new Date(year, month - 1, day + ahead + 1);
      ranges = oh.getOpenIntervals(from, to).map(([open, close]) => [minutesSince(from, open), minutesSince(from, close)] as TimeRange);
      if (dayRanges.size >= DAY_RANGES_KEPT) dayRanges.clear();
      dayRanges.set(key, ranges);
    }
    return ranges;
  };
  const weekdayOf = (ahead: number) => (new Date(year, month - 1, day + ahead).getDay() + 6) % 7;
  return { rangesOn, weekdayOf, minute };
}

const minutesSince = (midnight: Date, at: Date) => Math.round((at.getTime() - midnight.getTime()) / 60_000);

export { parisWallClock };

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const hhmm = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/**
 * The daily columns in the national standard's OSM form ("Mo 13:30-17:00; Tu-Th 09:00-12:00,13:30-17:00; PH off"), so
 * that every source's hours share one model. Public services close on public holidays, hence `PH off`.
 */
export function weekToOsmHours(week: WeeklyHours): string {
  const rules: string[] = [];
  for (let day = 0; day < 7; ) {
    const ranges = week[day]!;
    let last = day;
    while (last + 1 < 7 && JSON.stringify(week[last + 1]) === JSON.stringify(ranges)) last++;
    if (ranges.length > 0) rules.push(`${OSM_DAYS[day]}${last > day ? `${last === day + 1 ? ',' : '-'}${OSM_DAYS[last]}` : ''} ${ranges.map(([a, b]) => `${hhmm(a)}-${hhmm(b)}`).join(',')}`);
    day = last + 1;
  }
  return [...rules, 'PH off'].join('; ');
}

/** "9h", "13h30": a time of day the way it is written in French. */
export const formatTime = (minute: number) => `${Math.floor(minute / 60)}h${minute % 60 === 0 ? '' : String(minute % 60).padStart(2, '0')}`;

/** "9h-12h, 13h30-17h". */
export function formatRanges(ranges: TimeRange[]): string {
  return ranges.map(([open, close]) => `${formatTime(open)}-${formatTime(close)}`).join(', ');
}

/** Epoch milliseconds of a wall-clock time in Paris ("2026-12-01 14:00"), daylight saving included. */
export function parisLocalToEpoch(year: number, month: number, day: number, hour: number, minute: number): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const first = asUtc - parisOffsetMs(asUtc);
  return asUtc - parisOffsetMs(first);
}
