// The model's per-department daily budget (OPENAI_DAILY_BUDGET requests per department per day). One statement
// counts and checks at once (an upsert whose update stops at the limit, RETURNING the count), so two processes or
// isolates asking together can never both pass the last request. Same SQL on better-sqlite3 and D1.
import type { ModelBudget } from '../knowledge/understanding/model-reader.js';
import type { DatabaseHandle } from './database.js';

/** The day a request counts for: the department's day is a French one. */
const parisDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

export function createModelBudget({ atomic }: DatabaseHandle, dailyRequests: number): ModelBudget & { used(departement: string, at: number): Promise<number> } {
  const dayOf = (at: number) => parisDay.format(new Date(at));
  async function used(departement: string, at: number): Promise<number> {
    const [rows] = await atomic([{ sql: 'select requests from model_usage where departement = ? and day = ?', params: [departement, dayOf(at)] }]);
    return (rows?.[0] as { requests?: number } | undefined)?.requests ?? 0;
  }
  return {
    async take(departement, at) {
      if (dailyRequests <= 0) return false;
      const [rows] = await atomic([
        {
          sql: `insert into model_usage (departement, day, requests) values (?, ?, 1)
                on conflict (departement, day) do update set requests = requests + 1 where model_usage.requests < ?
                returning requests`,
          params: [departement, dayOf(at), dailyRequests],
        },
      ]);
      return (rows?.length ?? 0) > 0;
    },
    async hasLeft(departement, at) {
      return dailyRequests > 0 && (await used(departement, at)) < dailyRequests;
    },
    used,
  };
}
