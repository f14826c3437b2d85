// The activity figures' tables: raw anonymous facts and their daily totals. No phone number, no free text: kept
// after SUPPRIMER and the retention purge (src/activity/facts.ts says what each column holds).
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One row per fact, compact: integer codes for kind, channel and initiator, the day instead of an instant. Read by the
 * backfill and the rebuild of the daily table only, so it carries no index beyond its rowid.
 */
export const activityFacts = sqliteTable('activity_facts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  day: integer('day').notNull(),
  kind: integer('kind').notNull(),
  code: text('code').notNull(),
  detail: text('detail'),
  value: integer('value'),
  channel: integer('channel'),
  departement: text('departement'),
  commune: text('commune'),
  /** The commune's EPCI (SIREN), when the runtime knows the map from communes to EPCI. */
  epci: text('epci'),
  initiator: integer('initiator'),
  ageBand: text('age_band'),
  situation: text('situation'),
  /** 1 for facts rebuilt from the message log by `npm run activity:backfill` (replaced when it runs again). */
  backfilled: integer('backfilled').notNull().default(0),
});

/**
 * The figures the dashboard reads: facts counted per department, day, kind, code, detail, channel and commune,
 * maintained in the same atomic unit as each insert. The commune is kept only for the kinds the map needs (needs and
 * outcomes); elsewhere it is empty, so the table stays small.
 */
export const activityDaily = sqliteTable(
  'activity_daily',
  {
    departement: text('departement').notNull(),
    day: integer('day').notNull(),
    kind: integer('kind').notNull(),
    code: text('code').notNull(),
    detail: text('detail').notNull(),
    channel: integer('channel').notNull(),
    commune: text('commune').notNull(),
    /** How many facts. */
    n: integer('n').notNull(),
    /** The sum of their values (segments, minutes). */
    total: integer('total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.departement, t.day, t.kind, t.code, t.detail, t.channel, t.commune] })],
);
