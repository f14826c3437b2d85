// Reads the official France Services list (ANCT CSV: id_fs, lib_fs, adresse, h_lundi… h_samedi, prise_rdv…) into
// places, with a report naming the line and field of every rejected record and of every value left out.
import { formatPhoneFr } from '../format.js';
import { parseDayHours, type WeeklyHours } from '../hours.js';
import type { Place, PlaceService } from '../types.js';
import { csvRecords } from './csv.js';
import { itinerantStops, type FindCommune, type StopWording } from './itinerant-stops.js';

export interface ImportProblem {
  line: number;
  field: string;
  reason: string;
}

export interface ImportParse {
  places: Place[];
  /** Records left out entirely. */
  rejected: ImportProblem[];
  /** Records kept without one value (unreadable hours, an invalid phone number). */
  warnings: ImportProblem[];
}

export const FRANCE_SERVICES_SOURCE = 'france-services';
/**
 * What every France Services offers by its charter: help with procedures, and computers with internet in free
 * access. It also orients to learning (workshops, digital mediators): see nearest-places.service.ts.
 */
export const FRANCE_SERVICES_OFFER: PlaceService[] = ['demarches', 'internet', 'materiel'];
const REQUIRED_COLUMNS = ['id_fs', 'lib_fs', 'adresse', 'code_postal', 'lib_com', 'latitude', 'longitude'];
const DAYS = ['h_lundi', 'h_mardi', 'h_mercredi', 'h_jeudi', 'h_vendredi', 'h_samedi'];

/**
 * `findCommune`, when given, places itinerant services (buses, itinerant agents, multi-site) at the stops their
 * comment names, as extra places with the stop's day.
 */
export function parseFranceServicesCsv(text: string, options: { findCommune?: FindCommune; stopWording?: StopWording } = {}): ImportParse {
  const rows = csvRecords(text);
  const result: ImportParse = { places: [], rejected: [], warnings: [] };
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (rows.length > 0 && missing.length > 0) {
    return { ...result, rejected: [{ line: 1, field: missing.join(', '), reason: 'missing column(s): is this the France Services list?' }] };
  }
  const seen = new Set<string>();
  for (const { line, record: r } of rows) {
    const reject = (field: string, reason: string) => result.rejected.push({ line, field, reason });
    const id = r['id_fs'] ?? '';
    const latitude = Number(r['latitude']);
    const longitude = Number(r['longitude']);
    if (!/^\d+$/.test(id)) { reject('id_fs', `not a numeric id: "${id}"`); continue; }
    if (seen.has(id)) { reject('id_fs', `duplicate id ${id}`); continue; }
    if (!r['lib_fs']) { reject('lib_fs', 'empty name'); continue; }
    if (!/^\d{5}$/.test(r['code_postal'] ?? '')) { reject('code_postal', `not a postal code: "${r['code_postal']}"`); continue; }
    if (r['latitude'] === '' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) { reject('latitude', `not a latitude: "${r['latitude']}"`); continue; }
    if (r['longitude'] === '' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) { reject('longitude', `not a longitude: "${r['longitude']}"`); continue; }
    seen.add(id);

    const phone = formatPhoneFr(r['telephone']);
    if (r['telephone'] && !phone) result.warnings.push({ line, field: 'telephone', reason: `not a French phone number: "${r['telephone']}"` });
    result.places.push({
      id: `${FRANCE_SERVICES_SOURCE}:${id}`,
      name: r['lib_fs']!,
      address: [r['adresse'], r['complement_adresse']].filter(Boolean).join(', '),
      postalCode: r['code_postal']!,
      commune: r['lib_com'] ?? '',
      latitude,
      longitude,
      ...(phone ? { phone } : {}),
      services: FRANCE_SERVICES_OFFER,
      source: 'ANCT, liste des espaces France Services (Licence Ouverte 2.0)',
      franceServices: true,
      ...weekly(r, line, result.warnings),
      appointment: /^oui$/i.test(r['prise_rdv'] ?? ''),
      ...(r['format_fs'] ? { format: r['format_fs'] } : {}),
      ...(r['commentaire'] ? { comment: r['commentaire'] } : {}),
      ...(r['insee_dep'] ? { departement: r['insee_dep'] } : {}),
    });
  }
  if (options.findCommune && options.stopWording) {
    const stops = result.places.flatMap((p) => (p.comment ? itinerantStops(p, p.comment, options.findCommune!, options.stopWording!) : []));
    result.places.push(...stops);
  }
  return result;
}

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

/** Monday to Saturday from the source, Sunday closed; left out entirely if any day cannot be read. */
function weekly(r: Record<string, string>, line: number, warnings: ImportProblem[]): { weeklyHours?: WeeklyHours; hours?: string } {
  const days: WeeklyHours = [];
  for (const column of DAYS) {
    const parsed = parseDayHours(r[column] ?? '');
    if (!parsed) {
      warnings.push({ line, field: column, reason: `hours not readable or placeholder: "${r[column]}"` });
      return {};
    }
    days.push(parsed);
  }
  days.push([]);
  return days.every((d) => d.length === 0) ? {} : { weeklyHours: days, hours: weekToOsmHours(days) };
}
