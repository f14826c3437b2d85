// Reads the activity figures from the daily totals, for one department or (for a national role) all of them; records
// facts for other features (referrals, follow-ups, callbacks closed in the workspace); rebuilds the daily totals.
import type { ActivityFact, ActivityRecorder } from '../activity/facts.js';
import { FACT_KINDS } from '../activity/facts.js';
import type { TotalLike } from '../activity/figures.js';
import type { DatabaseHandle } from './database.js';
import { activityStatements, type FactOptions } from './activity-statements.js';

/** Totals over a period, one row per kind, code, detail and channel: what the figures are computed from. */
export type TotalRow = TotalLike;

/** Needs and outcomes per commune (the map and its table). */
export interface CommuneRow {
  commune: string;
  kind: number;
  code: string;
  n: number;
}

/** Totals per day for the trends. */
export interface DayRow {
  day: number;
  kind: number;
  n: number;
}

/** A row of the export: totals per month, commune, kind, code, detail and channel. */
export interface ExportRow extends TotalRow {
  departement: string;
  month: string;
  commune: string;
}

export interface ActivityPeriod {
  /** First and last day included (days since 1970-01-01). */
  from: number;
  to: number;
}

/** `departement` undefined: every department (the national view). */
export function createActivityReader(handle: DatabaseHandle) {
  const run = async <T>(sql: string, params: unknown[]) => ((await handle.atomic([{ sql, params }]))[0] ?? []) as T[];
  const scope = (departement: string | undefined, period: ActivityPeriod) =>
    departement === undefined
      ? { where: 'day between ? and ?', params: [period.from, period.to] }
      : { where: 'departement = ? and day between ? and ?', params: [departement, period.from, period.to] };

  return {
    async totals(departement: string | undefined, period: ActivityPeriod): Promise<TotalRow[]> {
      const s = scope(departement, period);
      return run<TotalRow>(`select kind, code, detail, channel, sum(n) as n, sum(total) as total from activity_daily where ${s.where} group by kind, code, detail, channel`, s.params);
    },

    async byCommune(departement: string | undefined, period: ActivityPeriod): Promise<CommuneRow[]> {
      const s = scope(departement, period);
      return run<CommuneRow>(
        `select commune, kind, code, sum(n) as n from activity_daily where ${s.where} and kind in (${FACT_KINDS.need}, ${FACT_KINDS.outcome}) and commune != '' group by commune, kind, code`,
        s.params,
      );
    },

    async byDay(departement: string | undefined, period: ActivityPeriod): Promise<DayRow[]> {
      const s = scope(departement, period);
      return run<DayRow>(
        `select day, kind, sum(n) as n from activity_daily where ${s.where} and kind in (${FACT_KINDS.conversation}, ${FACT_KINDS.orientation}) group by day, kind order by day`,
        s.params,
      );
    },

    async exportRows(departement: string | undefined, period: ActivityPeriod): Promise<ExportRow[]> {
      const s = scope(departement, period);
      return run<ExportRow>(
        "select departement, strftime('%Y-%m', day * 86400, 'unixepoch') as month, commune, kind, code, detail, channel, sum(n) as n, sum(total) as total " +
          `from activity_daily where ${s.where} and kind != ${FACT_KINDS.segments} group by departement, month, commune, kind, code, detail, channel order by departement, month, kind, code, detail, commune, channel`,
        s.params,
      );
    },
  };
}
export type ActivityReader = ReturnType<typeof createActivityReader>;

/** The recorder other features call: `recordActivity(fact)` writes the fact and its daily total at once. */
export function createActivityRecorder(handle: DatabaseHandle, options: Pick<FactOptions, 'epciOf'> = {}): ActivityRecorder {
  return {
    async recordActivity(facts: ActivityFact | ActivityFact[]) {
      const list = Array.isArray(facts) ? facts : [facts];
      if (list.length > 0) await handle.atomic(activityStatements(list, options));
    },
  };
}

/** Rebuilds the daily totals from the raw facts (after a backfill); the segments, kept only there, are kept. */
export function rebuildDailyStatements() {
  return [
    { sql: `delete from activity_daily where kind != ${FACT_KINDS.segments}`, params: [] },
    {
      sql:
        'insert into activity_daily (departement, day, kind, code, detail, channel, commune, n, total) ' +
        "select coalesce(departement, ''), day, kind, code, coalesce(detail, ''), coalesce(channel, 0), " +
        `case when kind in (${FACT_KINDS.need}, ${FACT_KINDS.outcome}) then coalesce(commune, '') else '' end, count(*), sum(coalesce(value, 1)) ` +
        `from activity_facts where kind != ${FACT_KINDS.segments} group by 1, 2, 3, 4, 5, 6, 7`,
      params: [],
    },
  ];
}
