// The period of the activity pages, from the query string (`?du=YYYY-MM-DD&au=YYYY-MM-DD`): a zod schema whose French
// errors are shown beside the fields. Without dates, the last three months up to today.
import * as z from 'zod';
import { dayOf, dayOfIso, isoDay } from '../activity/facts.js';
import type { ActivityPeriod } from '../db/activity-repository.js';
import { readForm, type FormState } from './forms.js';

/** The longest period asked at once: five years of daily totals. */
const MAX_DAYS = 5 * 366;

const date = (what: string) =>
  z
    .string()
    .trim()
    .refine((v) => dayOfIso(v) !== undefined, `La date ${what} n’est pas une date valide : écrivez-la comme 2026-09-01.`);

export const periodSchema = z
  .object({
    du: date('de début'),
    au: date('de fin'),
    departement: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^(|\d{2}|2[AB]|97\d)$/, 'Écrivez le code du département (48, 2A, 974), ou rien pour toute la France.')
      .default(''),
  })
  .superRefine((v, ctx) => {
    const from = dayOfIso(v.du);
    const to = dayOfIso(v.au);
    if (from === undefined || to === undefined) return;
    if (to < from) ctx.addIssue({ code: 'custom', path: ['au'], message: 'La date de fin doit venir après la date de début.' });
    else if (to - from > MAX_DAYS) ctx.addIssue({ code: 'custom', path: ['au'], message: 'La période est trop longue : cinq ans au plus.' });
  });

export type PeriodRequest = { ok: true; period: ActivityPeriod; form: FormState; departement: string } | { ok: false; form: FormState };

/** Reads the period asked in the query string; missing dates default to the last three months. */
export function readPeriod(query: Record<string, string>, now: number): PeriodRequest {
  const today = dayOf(now);
  const values = { du: query['du'] ?? isoDay(today - 91), au: query['au'] ?? isoDay(today), departement: query['departement'] ?? '' };
  const result = readForm(periodSchema, values);
  if (!result.ok) return { ok: false, form: { values: result.values, errors: result.errors } };
  return {
    ok: true,
    period: { from: dayOfIso(result.data.du)!, to: dayOfIso(result.data.au)! },
    form: { values: result.values, errors: {} },
    departement: result.data.departement,
  };
}

/** The query string of a period, to link the CSV, the report and the map to the same period. */
export const periodQuery = (form: FormState) =>
  new URLSearchParams(Object.entries({ du: form.values['du'] ?? '', au: form.values['au'] ?? '', departement: form.values['departement'] ?? '' }).filter(([, v]) => v)).toString();
