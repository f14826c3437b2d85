// Rebuilds activity facts from what the tables already hold (the message log, white-zone signals, callback requests,
// bookings), for the days before the first fact recorded live. Run once after the upgrade (`npm run
// activity:backfill`); running it again replaces what it wrote before, so it is idempotent.
import { CHANNELS, FACT_KINDS } from '../activity/facts.js';
import type { DatabaseHandle, Statement } from './database.js';
import { rebuildDailyStatements } from './activity-repository.js';

/** A day in Paris from an epoch-ms column, as facts are dated (summer or winter offset alike, to the hour). */
const day = (column: string) => `cast((${column} + case when cast(strftime('%m', ${column} / 1000, 'unixepoch') as integer) between 4 and 10 then 7200000 else 3600000 end) / 86400000 as integer)`;
const channel = (column: string) => `case ${column} ${Object.entries(CHANNELS).map(([name, code]) => `when '${name}' then ${code}`).join(' ')} else null end`;
const SESSION_MS = 24 * 3_600_000;

export interface BackfillReport {
  /** Facts rebuilt, by kind. */
  facts: Record<string, number>;
  /** Days before this one were rebuilt (the first day of live facts, or tomorrow). */
  beforeDay: number;
}

/** `communeCode(name, departement)`: white-zone signals name their commune; facts carry its INSEE code. */
export async function backfillActivity(handle: DatabaseHandle, today: number, communeCode: (name: string, departement: string) => string | undefined): Promise<BackfillReport> {
  const [live] = await handle.atomic([{ sql: 'select min(day) as first from activity_facts where backfilled = 0', params: [] }]);
  // Without live facts yet, everything so far (today included); else the days before the first live one.
  const beforeDay = (live as { first: number | null }[])[0]?.first ?? today + 1;
  const insert = 'insert into activity_facts (day, kind, code, detail, value, channel, departement, commune, backfilled) ';
  const statements: Statement[] = [
    { sql: 'delete from activity_facts where backfilled = 1', params: [] },
    { sql: `delete from activity_daily where kind = ${FACT_KINDS.segments} and day < ?`, params: [beforeDay] },
    // Conversations: a person's first message, and the first after a day's silence, on each channel.
    {
      sql:
        insert +
        `select d, ${FACT_KINDS.conversation}, 'start', case when previous is null then 'new' else 'returning' end, null, ${channel('channel')}, departement, null, 1 from (` +
        `select ${day('m.created_at')} as d, m.channel, c.departement, m.created_at, lag(m.created_at) over (partition by m.conversation_id order by m.created_at, m.id) as previous ` +
        "from messages m left join conversations c on c.id = m.conversation_id where m.direction = 'in') " +
        `where (previous is null or created_at - previous > ${SESSION_MS}) and d < ?`,
      params: [beforeDay],
    },
    {
      sql: insert + `select ${day('created_at')}, ${FACT_KINDS.outcome}, 'callback-requested', null, null, ${channel('channel')}, departement, null, 1 from callback_requests where ${day('created_at')} < ?`,
      params: [beforeDay],
    },
    {
      sql:
        insert +
        `select ${day('done_at')}, ${FACT_KINDS.callback}, outcome, null, max(0, (done_at - created_at) / 60000), ${channel('channel')}, departement, null, 1 ` +
        `from callback_requests where status = 'done' and outcome is not null and done_at is not null and ${day('done_at')} < ?`,
      params: [beforeDay],
    },
    { sql: insert + `select ${day('created_at')}, ${FACT_KINDS.outcome}, 'workshop-booked', null, null, null, departement, null, 1 from bookings where ${day('created_at')} < ?`, params: [beforeDay] },
    // SMS segments: counted in the daily table only, as live.
    {
      sql:
        'insert into activity_daily (departement, day, kind, code, detail, channel, commune, n, total) ' +
        `select coalesce(c.departement, ''), ${day('m.created_at')} as d, ${FACT_KINDS.segments}, 'sms', '', ${CHANNELS.sms}, '', count(*), sum(m.segments) ` +
        "from messages m left join conversations c on c.id = m.conversation_id where m.direction = 'out' and m.segments > 0 and m.channel = 'sms' " +
        `and ${day('m.created_at')} < ? group by 1, 2 ` +
        'on conflict (departement, day, kind, code, detail, channel, commune) do update set n = excluded.n, total = excluded.total',
      params: [beforeDay],
    },
  ];
  // White zones: the signals name their commune; the facts want its INSEE code.
  const [signals] = await handle.atomic([
    { sql: `select ${day('created_at')} as d, commune, departement, need, channel from signals where name = 'white-zone' and ${day('created_at')} < ?`, params: [beforeDay] },
  ]);
  for (const s of signals as { d: number; commune: string | null; departement: string | null; need: string | null; channel: string }[]) {
    const code = s.commune && s.departement ? communeCode(s.commune, s.departement) : undefined;
    statements.push({
      sql: insert + `values (?, ${FACT_KINDS.outcome}, 'white-zone', ?, null, ?, ?, ?, 1), (?, ${FACT_KINDS.need}, ?, null, null, ?, ?, ?, 1)`,
      params: [s.d, s.need ?? '', CHANNELS[s.channel as keyof typeof CHANNELS] ?? null, s.departement, code ?? null, s.d, s.need || 'lieu', CHANNELS[s.channel as keyof typeof CHANNELS] ?? null, s.departement, code ?? null],
    });
  }
  await handle.atomic([...statements, ...rebuildDailyStatements()]);
  const [counts] = await handle.atomic([{ sql: 'select kind, count(*) as n from activity_facts where backfilled = 1 group by kind', params: [] }]);
  const facts: Record<string, number> = {};
  for (const row of counts as { kind: number; n: number }[]) facts[Object.entries(FACT_KINDS).find(([, v]) => v === row.kind)?.[0] ?? String(row.kind)] = row.n;
  return { facts, beforeDay };
}
