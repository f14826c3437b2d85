// Facts as SQL: one multi-row insert into the raw table and one upsert per distinct daily key, so the dashboard reads
// totals and never scans facts. Plain statements, so a turn (or a referral's change) writes its facts in its own
// atomic unit, guarded like every other statement of it.
import { CHANNELS, FACT_KINDS, INITIATORS, dayOf, type ActivityFact } from '../activity/facts.js';
import type { Statement } from './database.js';

/** Kinds whose daily totals keep the commune (the map and the communes' table read them). */
const KINDS_BY_COMMUNE = new Set<number>([FACT_KINDS.need, FACT_KINDS.outcome]);
/** Kinds counted in the daily table only (no raw row): a fact every turn would weigh on storage. */
const DAILY_ONLY = new Set<number>([FACT_KINDS.segments]);

export interface FactOptions {
  /** A condition every statement must meet (the turn's « this turn won »), with its parameters. */
  guard?: { sql: string; params: unknown[] };
  /** The commune's EPCI (SIREN), when the runtime knows it. */
  epciOf?: ((commune: string) => string | undefined) | undefined;
  /** Marks the raw rows as rebuilt from the log (the backfill replaces them when run again). */
  backfilled?: boolean;
}

export function activityStatements(facts: readonly ActivityFact[], options: FactOptions = {}): Statement[] {
  if (facts.length === 0) return [];
  const where = options.guard ? ` where ${options.guard.sql}` : '';
  const guardParams = options.guard?.params ?? [];
  const statements: Statement[] = [];
  const raw = facts.filter((f) => !DAILY_ONLY.has(FACT_KINDS[f.kind]));
  if (raw.length > 0) {
    statements.push({
      sql:
        'insert into activity_facts (day, kind, code, detail, value, channel, departement, commune, epci, initiator, age_band, situation, backfilled) ' +
        `select column1, column2, column3, column4, column5, column6, column7, column8, column9, column10, column11, column12, column13 from (values ${raw.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')})${where}`,
      params: [
        ...raw.flatMap((f) => [
          dayOf(f.at),
          FACT_KINDS[f.kind],
          f.code,
          f.detail || null,
          f.value ?? null,
          f.channel ? CHANNELS[f.channel] : null,
          f.departement || null,
          f.commune || null,
          (f.commune && options.epciOf?.(f.commune)) || null,
          f.initiator ? INITIATORS[f.initiator] : null,
          f.ageBand || null,
          f.situation || null,
          options.backfilled ? 1 : 0,
        ]),
        ...guardParams,
      ],
    });
  }
  for (const row of dailyRows(facts)) {
    statements.push({
      sql:
        'insert into activity_daily (departement, day, kind, code, detail, channel, commune, n, total) ' +
        `select ?, ?, ?, ?, ?, ?, ?, ?, ?${where || ' where 1'} ` +
        'on conflict (departement, day, kind, code, detail, channel, commune) do update set n = n + excluded.n, total = total + excluded.total',
      params: [...row, ...guardParams],
    });
  }
  return statements;
}

/** Facts folded by their daily key: [departement, day, kind, code, detail, channel, commune, n, total]. */
export function dailyRows(facts: readonly ActivityFact[]): unknown[][] {
  const rows = new Map<string, unknown[]>();
  for (const f of facts) {
    const kind = FACT_KINDS[f.kind];
    const key = [f.departement ?? '', dayOf(f.at), kind, f.code, f.detail ?? '', f.channel ? CHANNELS[f.channel] : 0, KINDS_BY_COMMUNE.has(kind) ? (f.commune ?? '') : ''];
    const id = key.join('\u0000');
    const row = rows.get(id);
    const value = f.value ?? 1;
    if (row) {
      row[7] = (row[7] as number) + 1;
      row[8] = (row[8] as number) + value;
    } else rows.set(id, [...key, 1, value]);
  }
  return [...rows.values()];
}
