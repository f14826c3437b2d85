// The online geocoder's persistent cache, in the same database on both runtimes.
import { eq } from 'drizzle-orm';
import type { Commune } from '../directory/types.js';
import type { GeocodeCache } from '../directory/online-resolver.js';
import type { DatabaseHandle } from './database.js';
import { geocodeCache } from './schema.js';

export function createGeocodeCache({ db, atomic }: DatabaseHandle): GeocodeCache {
  return {
    async get(query) {
      const rows = await db.select({ result: geocodeCache.result }).from(geocodeCache).where(eq(geocodeCache.query, query));
      const row = rows[0];
      return row ? { commune: row.result ? (JSON.parse(row.result) as Commune) : null } : undefined;
    },
    async set(query, commune, at) {
      await atomic([
        {
          sql: 'insert into geocode_cache (query, result, fetched_at) values (?, ?, ?) on conflict (query) do update set result = excluded.result, fetched_at = excluded.fetched_at',
          params: [query, commune ? JSON.stringify(commune) : null, at],
        },
      ]);
    },
  };
}
