// Imported places in the database: idempotent upserts keyed on the source's id, deletion only when asked.
import { eq } from 'drizzle-orm';
import type { Place, PlaceService, Public } from '../directory/types.js';
import type { WeeklyHours } from '../directory/hours.js';
import type { DatabaseHandle, Statement } from './database.js';
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
const UPSERT =
  `insert into places (${COLUMNS.join(', ')}) values (${COLUMNS.map(() => '?').join(', ')}) ` +
  `on conflict (id) do update set ${COLUMNS.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

export interface UpsertReport {
  inserted: number;
  updated: number;
}

export function createPlaceRepository({ db, atomic }: DatabaseHandle) {
  return {
    /** Inserts new places and updates known ones, in batches, each batch atomic. */
    async upsert(source: string, list: Place[], importedAt: number, onProgress?: (done: number) => void): Promise<UpsertReport> {
      const known = new Set((await db.select({ id: places.id }).from(places).where(eq(places.source, source))).map((r) => r.id));
      for (let i = 0; i < list.length; i += 200) {
        const batch = list.slice(i, i + 200);
        await atomic(batch.map((p): Statement => ({ sql: UPSERT, params: row(source, p, importedAt) })));
        onProgress?.(Math.min(i + 200, list.length));
      }
      const inserted = list.filter((p) => !known.has(p.id)).length;
      return { inserted, updated: list.length - inserted };
    },

    /** Deletes a source's places that are not in `keepIds` (the `--replace` option). Returns how many. */
    async deleteOthers(source: string, keepIds: Set<string>): Promise<number> {
      const stale = (await db.select({ id: places.id }).from(places).where(eq(places.source, source))).map((r) => r.id).filter((id) => !keepIds.has(id));
      for (let i = 0; i < stale.length; i += 200) {
        const chunk = stale.slice(i, i + 200);
        await atomic([{ sql: `delete from places where id in (${chunk.map(() => '?').join(', ')})`, params: chunk }]);
      }
      return stale.length;
    },

    async count(source?: string): Promise<number> {
      const rows = await (source ? db.select({ id: places.id }).from(places).where(eq(places.source, source)) : db.select({ id: places.id }).from(places));
      return rows.length;
    },

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
        services: JSON.parse(r.services) as PlaceService[],
        source: SOURCE_CREDITS[r.source] ?? r.source,
        franceServices: r.franceServices,
        ...(r.hoursJson ? { weeklyHours: JSON.parse(r.hoursJson) as WeeklyHours } : {}),
        ...(r.appointment !== null ? { appointment: r.appointment } : {}),
        ...(r.format ? { format: r.format } : {}),
        ...(r.comment ? { comment: r.comment } : {}),
        ...(r.publics ? { publics: JSON.parse(r.publics) as Public[] } : {}),
        ...(r.free !== null ? { free: r.free } : {}),
      }));
    },
  };
}

function row(source: string, p: Place, importedAt: number): unknown[] {
  return [
    p.id, source, p.id.slice(source.length + 1), p.name, p.address, p.postalCode, p.commune, p.latitude, p.longitude, p.phone ?? null,
    JSON.stringify(p.services), p.weeklyHours ? JSON.stringify(p.weeklyHours) : null, p.appointment === undefined ? null : p.appointment ? 1 : 0,
    p.format ?? null, p.comment ?? null, p.franceServices ? 1 : 0, p.publics ? JSON.stringify(p.publics) : null,
    p.free === undefined ? null : p.free ? 1 : 0, importedAt,
  ];
}
