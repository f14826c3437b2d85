// Workshop sessions from iCalendar, read by ical.js (RFC 5545 in full: every RRULE, EXDATE, RDATE, TZID with its
// VTIMEZONE, all-day events), with a report naming the event and the field of every rejected one.
import ICAL from 'ical.js';
import { parisLocalToEpoch } from '../hours.js';
import type { WorkshopSession } from '../workshops.js';
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

/**
 * Epoch milliseconds of a calendar time. UTC and zones the calendar defines (VTIMEZONE) are ical.js's to convert;
 * a floating time, or `TZID=Europe/Paris` without its VTIMEZONE (as many calendars write it), is read in Paris; an
 * all-day date starts at midnight in Paris. Another zone the calendar does not define cannot be placed: undefined.
 */
function epochOf(time: ICAL.Time): number | undefined {
  // The TZID as written first: ical.js leaves a zone the calendar does not define floating.
  const tzid = (time as ICAL.Time & { timezone?: string }).timezone ?? time.zone?.tzid ?? 'floating';
  const known = time.zone && time.zone.tzid !== 'floating';
  if (tzid !== 'floating' && tzid !== 'Europe/Paris') return known ? time.toUnixTime() * 1000 : undefined;
  return parisLocalToEpoch(time.year, time.month, time.day, time.isDate ? 0 : time.hour, time.isDate ? 0 : time.minute);
}

export function parseIcs(text: string): SessionsParse {
  const result: SessionsParse = { sessions: [], rejected: [], warnings: [], unit: 'event' };
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (e) {
    result.rejected.push({ line: 0, field: 'VCALENDAR', reason: `not a readable calendar: ${(e as Error).message}` });
    return result;
  }
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  calendar.getAllSubcomponents('vevent').forEach((component, i) => addEvent(component, i + 1, result));
  return result;
}

function addEvent(component: ICAL.Component, n: number, result: SessionsParse) {
  const reject = (field: string, reason: string) => result.rejected.push({ line: n, field, reason });
  const text = (name: string) => String(component.getFirstPropertyValue(name) ?? '');
  let event: ICAL.Event;
  try {
    event = new ICAL.Event(component);
  } catch (e) {
    return reject('VEVENT', (e as Error).message);
  }
  const start = event.startDate && isCalendarDate(raw(component, 'dtstart')) ? epochOf(event.startDate) : undefined;
  const end = event.endDate && isCalendarDate(raw(component, 'dtend')) ? epochOf(event.endDate) : undefined;
  const geo = component.getFirstPropertyValue('geo') as unknown as [number, number] | null;
  const place = /^(.*?),\s*(.*?),?\s*(\d{5})\s+(.+)$/.exec(event.location ?? '');
  if (!event.uid) return reject('UID', 'no UID');
  if (!event.summary) return reject('SUMMARY', 'no title');
  if (start === undefined || !Number.isFinite(start)) return reject('DTSTART', `not a date and time in Paris, UTC or a zone the calendar defines: "${raw(component, 'dtstart')}"`);
  if (end === undefined || end <= start) return reject('DTEND', `not a date and time after the start: "${raw(component, 'dtend')}"`);
  if (!Array.isArray(geo) || !geo.every(Number.isFinite)) return reject('GEO', 'missing coordinates (GEO:latitude;longitude)');
  if (!place) return reject('LOCATION', `expected "place, address, postal code commune": "${event.location ?? ''}"`);
  const seats = text('x-relais-places') ? Number(text('x-relais-places')) : undefined;
  const categories = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  const base: Omit<WorkshopSession, 'id' | 'startsAt' | 'endsAt'> = {
    title: event.summary,
    themes: categories.map((t) => t.trim()).filter(Boolean),
    placeName: place[1]!,
    address: place[2]!,
    postalCode: place[3]!,
    commune: place[4]!,
    latitude: geo[0],
    longitude: geo[1],
    ...(seats !== undefined && Number.isInteger(seats) ? { seats } : {}),
    seatsTaken: 0,
    price: text('x-relais-prix') || 'Gratuit',
    ...(event.organizer ? { organiser: event.organizer.replace(/^mailto:/i, '') } : {}),
    ...(text('contact') ? { contact: text('contact') } : {}),
    demo: /^(oui|true|1)$/i.test(text('x-relais-demo')),
  };
  let starts: number[];
  try {
    starts = occurrences(event);
  } catch (e) {
    return reject('RRULE', `unreadable rule: "${text('rrule')}" (${(e as Error).message})`);
  }
  for (const at of starts) {
    result.sessions.push({ ...base, id: `${ATELIERS_SOURCE}:${event.uid}:${new Date(at).toISOString().slice(0, 10)}`, startsAt: at, endsAt: at + (end - start) });
  }
}

/** A property's value as written (ical.js would roll a 13th month over into the next year). */
function raw(component: ICAL.Component, name: string): string {
  const value = component.getFirstProperty(name)?.jCal[3];
  return typeof value === 'string' ? value : '';
}

/** "2027-03-18" or "2027-03-18T14:00:00", with a real month, day and time. */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/.exec(value);
  return !!m && +m[2]! >= 1 && +m[2]! <= 12 && +m[3]! >= 1 && +m[3]! <= 31 && +(m[4] ?? 0) <= 23 && +(m[5] ?? 0) <= 59;
}

/** Start times of every occurrence (RRULE, RDATE, minus EXDATE, as ical.js expands them), 52 at most. */
function occurrences(event: ICAL.Event): number[] {
  if (!event.isRecurring()) return [epochOf(event.startDate)!];
  const iterator = event.iterator();
  const out: number[] = [];
  for (let next = iterator.next(); next && out.length < MAX_OCCURRENCES; next = iterator.next()) {
    const at = epochOf(next);
    if (at !== undefined) out.push(at);
  }
  return out;
}
