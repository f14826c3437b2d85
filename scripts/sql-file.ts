// SQL files for D1: the commands that write to a Worker's database produce SQL that `wrangler d1 execute` applies.

/** A statement with its values written in, for a SQL file: strings quoted with doubled quotes, no other escapes. */
export function inlineSql(sql: string, params: unknown[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const v = params[i++];
    if (v === null || v === undefined) return 'NULL';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'NULL';
    if (typeof v === 'boolean') return v ? '1' : '0';
    return `'${String(v).replace(/'/g, "''")}'`;
  });
}
