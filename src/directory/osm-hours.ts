// Reads OSM-style opening hours, as the national standard of digital-mediation places writes them
// ("Mo-Fr 08:30-12:00,13:30-17:00; Th off"), into weekly hours. A later rule for a day replaces an earlier one.
import type { TimeRange, WeeklyHours } from './hours.js';

const DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];

/** Weekly hours, or undefined when any rule cannot be read (an answer must never state wrong hours). */
export function parseOsmHours(text: string): WeeklyHours | undefined {
  const week: WeeklyHours = [[], [], [], [], [], [], []];
  const rules = text.split(';').map((r) => r.trim()).filter(Boolean);
  if (rules.length === 0) return undefined;
  for (const rule of rules) {
    const m = /^([A-Za-z,\- ]+?)\s+(off|closed|[\d:,\- ]+)$/.exec(rule);
    if (!m) return undefined;
    const days = daysOf(m[1]!.replace(/\s/g, ''));
    if (!days) return undefined;
    const ranges = /^(off|closed)$/.test(m[2]!) ? [] : rangesOf(m[2]!);
    if (!ranges) return undefined;
    for (const d of days) week[d] = ranges;
  }
  return week;
}

function daysOf(selector: string): number[] | undefined {
  const days: number[] = [];
  for (const part of selector.split(',')) {
    const [from, to] = part.split('-');
    const a = DAYS.indexOf(from ?? '');
    const b = to === undefined ? a : DAYS.indexOf(to);
    if (a < 0 || b < 0) return undefined;
    for (let d = a; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === b) break;
    }
  }
  return days;
}

function rangesOf(text: string): TimeRange[] | undefined {
  const ranges: TimeRange[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(part);
    if (!m) return undefined;
    const open = Number(m[1]) * 60 + Number(m[2]);
    const close = Number(m[3]) * 60 + Number(m[4]);
    if (close <= open || close > 24 * 60) return undefined;
    ranges.push([open, close]);
  }
  return ranges;
}
