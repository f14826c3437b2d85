// Departments in the database: seeded from the JSON settings (DEPARTMENTS_FILE / DEPARTMENTS), then edited by each
// department's administrator in Réglages. The database is the reference once a department exists.
import { departmentSchema, type DepartmentConfig } from '../directory/departments.js';
import type { DatabaseHandle } from './database.js';

export function createDepartmentRepository({ atomic }: DatabaseHandle) {
  const run = async (sql: string, params: unknown[]) => (await atomic([{ sql, params }]))[0] ?? [];
  return {
    /** Inserts the departments the JSON names and the database does not have yet; never overwrites an edit. */
    async seed(configs: Iterable<DepartmentConfig>, at: number): Promise<void> {
      const statements = [...configs].map((d) => ({
        sql: 'insert into departments (code, name, settings, updated_at) values (?, ?, ?, ?) on conflict (code) do nothing',
        params: [d.code, d.name, JSON.stringify(d), at],
      }));
      if (statements.length > 0) await atomic(statements);
    },

    /** Every department, validated again (a row edited by hand that no longer validates is skipped, not trusted). */
    async all(): Promise<Map<string, DepartmentConfig>> {
      const rows = (await run('select settings from departments order by code', [])) as { settings: string }[];
      const map = new Map<string, DepartmentConfig>();
      for (const row of rows) {
        const parsed = departmentSchema.safeParse(JSON.parse(row.settings));
        if (parsed.success) map.set(parsed.data.code, parsed.data);
      }
      return map;
    },

    async save(config: DepartmentConfig, at: number): Promise<void> {
      await run(
        'insert into departments (code, name, settings, updated_at) values (?, ?, ?, ?) on conflict (code) do update set name = excluded.name, settings = excluded.settings, updated_at = excluded.updated_at',
        [config.code, config.name, JSON.stringify(config), at],
      );
    },
  };
}

export type DepartmentRepository = ReturnType<typeof createDepartmentRepository>;
