// What every imported table shares: rows keyed on the source's id, upserted in atomic batches (a re-import updates,
// never duplicates), the ids a source holds, and deletion of the ids a new import no longer lists.
import type { DatabaseHandle, Statement } from './database.js';

export interface UpsertReport {
  inserted: number;
  updated: number;
}

const BATCH = 200;

/** `columns`, `id` first, are the import's columns: any other column (seats already booked) survives an update. */
export function sourceTable<T extends { id: string }>(
  { atomic }: DatabaseHandle,
  table: string,
  columns: string[],
  rowOf: (source: string, item: T, importedAt: number) => unknown[],
) {
  const upsertSql =
    `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) ` +
    `on conflict (id) do update set ${columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')}`;

  const idsOf = async (source: string): Promise<string[]> =>
    ((await atomic([{ sql: `select id from ${table} where source = ?`, params: [source] }]))[0] as { id: string }[]).map((r) => r.id);

  return {
    idsOf,

    async upsert(source: string, list: T[], importedAt: number, onProgress?: (done: number) => void): Promise<UpsertReport> {
      const known = new Set(await idsOf(source));
      for (let i = 0; i < list.length; i += BATCH) {
        await atomic(list.slice(i, i + BATCH).map((item): Statement => ({ sql: upsertSql, params: rowOf(source, item, importedAt) })));
        onProgress?.(Math.min(i + BATCH, list.length));
      }
      const inserted = list.filter((item) => !known.has(item.id)).length;
      return { inserted, updated: list.length - inserted };
    },

    /** Deletes the source's rows not in `keepIds` (the `--replace` option), each with its dependent rows. */
    async deleteOthers(source: string, keepIds: Set<string>, dependents: (ids: string[]) => Statement[] = () => []): Promise<number> {
      const stale = (await idsOf(source)).filter((id) => !keepIds.has(id));
      for (let i = 0; i < stale.length; i += BATCH) {
        const chunk = stale.slice(i, i + BATCH);
        await atomic([...dependents(chunk), { sql: `delete from ${table} where id in (${chunk.map(() => '?').join(', ')})`, params: chunk }]);
      }
      return stale.length;
    },
  };
}
