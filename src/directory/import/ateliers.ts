// Reads workshop sessions from CSV (one row per session) or iCalendar (VEVENT, recurring rules expanded), with a
// report naming the line (CSV) or event (ICS) and the field of every rejected record.
import { parisLocalToEpoch } from '../hours.js';
import type { WorkshopSession } from '../workshops.js';
import { csvRecords } from './csv.js';
import type { ImportProblem } from './france-services.js';

export const ATELIERS_SOURCE = 'ateliers';
/** Recurring events are expanded this far at most: an endless rule must not fill the database. */
const MAX_OCCURRENCES = 52;

export interface SessionsParse {
  sessions: WorkshopSession[];
  rejected: ImportProblem[];
  warnings: ImportProblem[];
  unit: 'line' | 'event';
}

export function parseAteliers(text: string): SessionsParse {
  return /^\s*BEGIN:VCALENDAR/i.test(text) ? parseIcs(text) : parseCsv(text);
}

/** "2026-12-01T14:00" or "2026-12-01 14:00", in Paris time. */
function parisDateTime(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(text.trim());
  return m ? parisLocalToEpoch(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!) : undefined;
}

function parseCsv(text: string): SessionsParse {
  const result: SessionsParse = { sessions: [], rejected: [], warnings: [], unit: 'line' };
  for (const { line, record: r } of csvRecords(text)) {
    const reject = (field: string, reason: string) => result.rejected.push({ line, field, reason });
    const startsAt = parisDateTime(r['debut'] ?? '');
    const endsAt = parisDateTime(r['fin'] ?? '');
    const latitude = Number(r['latitude']);
    const longitude = Number(r['longitude']);
    const seats = r['places'] ? Number(r['places']) : undefined;
    if (!r['id']) { reject('id', 'empty id'); continue; }
    if (!r['titre']) { reject('titre', 'empty title'); continue; }
    if (startsAt === undefined) { reject('debut', `not a date and time (AAAA-MM-JJTHH:MM): "${r['debut']}"`); continue; }
    if (endsAt === undefined || endsAt <= startsAt) { reject('fin', `not a date and time after the start: "${r['fin']}"`); continue; }
    if (!/^\d{5}$/.test(r['code_postal'] ?? '')) { reject('code_postal', `not a postal code: "${r['code_postal']}"`); continue; }
    if (!r['latitude'] || !Number.isFinite(latitude) || !r['longitude'] || !Number.isFinite(longitude)) { reject('latitude', 'missing or invalid coordinates'); continue; }
    if (seats !== undefined && (!Number.isInteger(seats) || seats < 0)) { reject('places', `not a number of seats: "${r['places']}"`); continue; }
    result.sessions.push({
      id: `${ATELIERS_SOURCE}:${r['id']}`,
      title: r['titre']!,
      themes: (r['themes'] ?? '').split('|').map((t) => t.trim()).filter(Boolean),
      placeName: r['lieu'] ?? '',
      address: r['adresse'] ?? '',
      postalCode: r['code_postal']!,
      commune: r['commune'] ?? '',
      latitude,
      longitude,
      startsAt,
      endsAt,
      ...(seats !== undefined ? { seats } : {}),
      seatsTaken: 0,
      price: r['prix'] || 'Gratuit',
      ...(r['public'] ? { audience: r['public'] } : {}),
      ...(r['organisateur'] ? { organiser: r['organisateur'] } : {}),
      ...(r['contact'] ? { contact: r['contact'] } : {}),
      demo: /^(oui|true|1)$/i.test(r['demo'] ?? ''),
    });
  }
  return result;
}

/** Property lines of a calendar, unfolded (RFC 5545: a line starting with a space continues the previous one). */
function icsLines(text: string): { name: string; params: Record<string, string>; value: string }[] {
  const unfolded = text.replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  return unfolded.filter(Boolean).map((line) => {
    const colon = line.indexOf(':');
    const [name, ...params] = line.slice(0, colon).split(';');
    return {
      name: name!.toUpperCase(),
      params: Object.fromEntries(params.map((p) => p.split('=') as [string, string])),
      value: line.slice(colon + 1).replace(/\\n/g, '\n').replace(/\\([,;\\])/g, '$1'),
    };
  });
}

function icsTime(value: string, params: Record<string, string>): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0'] = [m[1]!, m[2]!, m[3]!, m[4], m[5]];
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 23 || +mi > 59) return undefined;
  if (m[7] === 'Z') return Date.UTC(+y, +mo - 1, +d, +h, +mi);
  if (params['TZID'] && params['TZID'] !== 'Europe/Paris') return undefined;
  return parisLocalToEpoch(+y, +mo, +d, +h, +mi);
}

function parseIcs(text: string): SessionsParse {
  const result: SessionsParse = { sessions: [], rejected: [], warnings: [], unit: 'event' };
  let event: Map<string, { params: Record<string, string>; value: string }> | undefined;
  let count = 0;
  for (const line of icsLines(text)) {
    if (line.name === 'BEGIN' && line.value === 'VEVENT') (event = new Map()), count++;
    else if (line.name === 'END' && line.value === 'VEVENT' && event) {
      addEvent(event, count, result);
      event = undefined;
    } else if (event) event.set(line.name, line);
  }
  return result;
}

function addEvent(e: Map<string, { params: Record<string, string>; value: string }>, n: number, result: SessionsParse) {
  const reject = (field: string, reason: string) => result.rejected.push({ line: n, field, reason });
  const get = (name: string) => e.get(name)?.value ?? '';
  const start = e.get('DTSTART') && icsTime(get('DTSTART'), e.get('DTSTART')!.params);
  const end = e.get('DTEND') && icsTime(get('DTEND'), e.get('DTEND')!.params);
  const geo = /^(-?\d+(?:\.\d+)?);(-?\d+(?:\.\d+)?)$/.exec(get('GEO'));
  const place = /^(.*?),\s*(.*?),?\s*(\d{5})\s+(.+)$/.exec(get('LOCATION'));
  if (!get('UID')) return reject('UID', 'no UID');
  if (!get('SUMMARY')) return reject('SUMMARY', 'no title');
  if (!start) return reject('DTSTART', `not a date and time in Paris or UTC: "${get('DTSTART')}"`);
  if (!end || end <= start) return reject('DTEND', `not a date and time after the start: "${get('DTEND')}"`);
  if (!geo) return reject('GEO', 'missing coordinates (GEO:latitude;longitude)');
  if (!place) return reject('LOCATION', `expected "place, address, postal code commune": "${get('LOCATION')}"`);
  const seats = get('X-RELAIS-PLACES') ? Number(get('X-RELAIS-PLACES')) : undefined;
  const base: Omit<WorkshopSession, 'id' | 'startsAt' | 'endsAt'> = {
    title: get('SUMMARY'),
    themes: get('CATEGORIES').split(',').map((t) => t.trim()).filter(Boolean),
    placeName: place[1]!,
    address: place[2]!,
    postalCode: place[3]!,
    commune: place[4]!,
    latitude: Number(geo[1]),
    longitude: Number(geo[2]),
    ...(seats !== undefined && Number.isInteger(seats) ? { seats } : {}),
    seatsTaken: 0,
    price: get('X-RELAIS-PRIX') || 'Gratuit',
    ...(get('ORGANIZER') ? { organiser: get('ORGANIZER').replace(/^mailto:/i, '') } : {}),
    ...(get('CONTACT') ? { contact: get('CONTACT') } : {}),
    demo: /^(oui|true|1)$/i.test(get('X-RELAIS-DEMO')),
  };
  const starts = occurrences(start, get('RRULE'), (get('EXDATE') || '').split(',').filter(Boolean).map((x) => icsTime(x, e.get('EXDATE')!.params)));
  if (!starts) return reject('RRULE', `unsupported rule: "${get('RRULE')}" (FREQ=DAILY or WEEKLY, with COUNT or UNTIL)`);
  for (const at of starts) result.sessions.push({ ...base, id: `${ATELIERS_SOURCE}:${get('UID')}:${new Date(at).toISOString().slice(0, 10)}`, startsAt: at, endsAt: at + (end - start) });
}

/**
 * Start times of a recurring event, stepping in Paris wall-clock days (a 14:00 session stays at 14:00 across
 * daylight saving). As in RFC 5545, COUNT counts the instances an EXDATE then removes.
 */
function occurrences(start: number, rule: string, excluded: (number | undefined)[]): number[] | undefined {
  if (!rule) return [start];
  const parts = Object.fromEntries(rule.split(';').map((p) => p.split('=') as [string, string]));
  const step = parts['FREQ'] === 'WEEKLY' ? 7 : parts['FREQ'] === 'DAILY' ? 1 : undefined;
  if (!step) return undefined;
  const interval = Number(parts['INTERVAL'] ?? '1');
  const count = Math.min(parts['COUNT'] ? Number(parts['COUNT']) : MAX_OCCURRENCES, MAX_OCCURRENCES);
  const until = parts['UNTIL'] ? icsTime(parts['UNTIL'], {}) : undefined;
  const local = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(start));
  const n = (t: string) => Number(local.find((x) => x.type === t)?.value);
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(n('year'), n('month') - 1, n('day') + i * step * interval));
    const at = parisLocalToEpoch(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), n('hour'), n('minute'));
    if (until !== undefined && at > until) break;
    if (!excluded.includes(at)) out.push(at);
  }
  return out;
}
