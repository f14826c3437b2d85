// Reads the official France Services list (ANCT CSV: id_fs, lib_fs, adresse, h_lundi… h_samedi, prise_rdv…) into
// places, with a report naming the line and field of every rejected record and of every value left out.
import { formatPhoneFr } from '../format.js';
import { parseDayHours, weekToOsmHours, type WeeklyHours } from '../hours.js';
import { FRANCE_SERVICES_OFFER, type Place } from '../types.js';
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
export { FRANCE_SERVICES_OFFER };
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
  const weeks = new Map<string, WeeklyHours>();
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
      ...weekly(r, line, result.warnings, (week) => weeks.set(`${FRANCE_SERVICES_SOURCE}:${id}`, week)),
      appointment: /^oui$/i.test(r['prise_rdv'] ?? ''),
      ...(r['format_fs'] ? { format: r['format_fs'] } : {}),
      ...(r['commentaire'] ? { comment: r['commentaire'] } : {}),
      ...(r['insee_dep'] ? { departement: r['insee_dep'] } : {}),
    });
  }
  if (options.findCommune && options.stopWording) {
    const stops = result.places.flatMap((p) => (p.comment ? itinerantStops(p, p.comment, options.findCommune!, options.stopWording!, weeks.get(p.id)) : []));
    result.places.push(...stops);
  }
  return result;
}

/** Monday to Saturday from the source, Sunday closed; left out entirely if any day cannot be read. */
function weekly(r: Record<string, string>, line: number, warnings: ImportProblem[], keep: (week: WeeklyHours) => void): { hours?: string } {
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
  if (days.every((d) => d.length === 0)) return {};
  keep(days);
  return { hours: weekToOsmHours(days) };
}
