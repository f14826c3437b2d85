// Imported places in the database: idempotent upserts keyed on the source's id, deletion only when asked.
import { FRANCE_SERVICES_OFFER, type Place, type PlaceService, type Public } from '../directory/types.js';
import { weekToOsmHours, type WeeklyHours } from '../directory/hours.js';
import type { DatabaseHandle } from './database.js';
import { sourceTable } from './source-table.js';
import { places } from './schema.js';

/** How each import source is credited in answers (Licence Ouverte asks for the source). */
const SOURCE_CREDITS: Record<string, string> = {
  'france-services': 'ANCT, liste des espaces France Services (Licence Ouverte 2.0)',
  lieux: 'lieux de médiation numérique, standard national (Licence Ouverte 2.0)',
};

const COLUMNS = [
  'id', 'source', 'source_id', 'name', 'address', 'postal_code', 'commune', 'latitude', 'longitude', 'phone',
  'services', 'hours_json', 'appointment', 'format', 'comment', 'france_services', 'publics', 'free', 'imported_at',
];
export function createPlaceRepository(handle: DatabaseHandle) {
  const { db } = handle;
  const table = sourceTable(handle, 'places', COLUMNS, row);
  return {
    /** Inserts new places and updates known ones, in batches, each batch atomic. */
    upsert: table.upsert,
    /** Deletes a source's places that are not in `keepIds` (the `--replace` option). Returns how many. */
    deleteOthers: (source: string, keepIds: Set<string>) => table.deleteOthers(source, keepIds),
    count: async (source: string) => (await table.idsOf(source)).length,

    async all(): Promise<Place[]> {
      const rows = await db.select().from(places);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        address: r.address,
        postalCode: r.postalCode,
        commune: r.commune,
        latitude: r.latitude,
        longitude: r.longitude,
        ...(r.phone ? { phone: r.phone } : {}),
        // France Services imported before their offer was recorded carry « demarches » only: their charter says more.
        services: r.franceServices ? [...new Set([...(JSON.parse(r.services) as PlaceService[]), ...FRANCE_SERVICES_OFFER])] : (JSON.parse(r.services) as PlaceService[]),
        source: SOURCE_CREDITS[r.source] ?? r.source,
        franceServices: r.franceServices,
        ...(r.hoursJson ? { hours: hoursOf(r.hoursJson) } : {}),
        ...(r.appointment !== null ? { appointment: r.appointment } : {}),
        ...(r.format ? { format: r.format } : {}),
        ...(r.comment ? { comment: r.comment } : {}),
        ...(r.publics ? { publics: JSON.parse(r.publics) as Public[] } : {}),
        ...(r.free !== null ? { free: r.free } : {}),
        updatedAt: r.importedAt,
      }));
    },
  };
}

/** OSM hours, stored as a JSON string; rows imported before OSM became the one model hold the daily ranges. */
function hoursOf(json: string): string {
  const value = JSON.parse(json) as string | WeeklyHours;
  return typeof value === 'string' ? value : weekToOsmHours(value);
}

function row(source: string, p: Place, importedAt: number): unknown[] {
  return [
    p.id, source, p.id.slice(source.length + 1), p.name, p.address, p.postalCode, p.commune, p.latitude, p.longitude, p.phone ?? null,
    JSON.stringify(p.services), p.hours ? JSON.stringify(p.hours) : null, p.appointment === undefined ? null : p.appointment ? 1 : 0,
    p.format ?? null, p.comment ?? null, p.franceServices ? 1 : 0, p.publics ? JSON.stringify(p.publics) : null,
    p.free === undefined ? null : p.free ? 1 : 0, importedAt,
  ];
}
