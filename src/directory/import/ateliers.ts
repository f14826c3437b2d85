// Reads workshop sessions from CSV (one row per session, read by csv-parse) or iCalendar (ateliers-ics.ts, read by
// ical.js), with a report naming the line (CSV) or event (ICS) and the field of every rejected record.
import { parisLocalToEpoch } from '../hours.js';
import type { WorkshopSession } from '../workshops.js';
import { csvRecords } from './csv.js';
import { ATELIERS_SOURCE, parseIcs, type SessionsParse } from './ateliers-ics.js';

export { ATELIERS_SOURCE, type SessionsParse };

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
