// The understanding model's settings, shared by both runtimes' environment readers.

/** A small, fast model that supports structured outputs: a reading is a classification, not prose. */
export const DEFAULT_UNDERSTANDING_MODEL = 'gpt-4o-mini';
/** Requests per department per day when OPENAI_DAILY_BUDGET is unset. */
export const DEFAULT_DAILY_BUDGET = 200;

/** OPENAI_DAILY_BUDGET as a number of requests: unset is the default; anything but a whole number ≥ 0 is refused. */
export function dailyBudgetOf(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_DAILY_BUDGET;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Invalid configuration:\n- OPENAI_DAILY_BUDGET: a whole number of requests, e.g. 200 (got "${value}")`);
  return n;
}
