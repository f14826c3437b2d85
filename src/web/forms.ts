// A workspace form is a zod schema: the same schema validates the post and gives the French error shown beside each
// field; a failed post re-renders the form with what was typed.
import type * as z from 'zod';

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

/** The posted fields as strings (files are read by their own handlers). */
export function formValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    const one = Array.isArray(value) ? value[0] : value;
    if (typeof one === 'string') values[key] = one;
  }
  return values;
}

/** Validates posted values; each field's first issue becomes its French error. */
export function readForm<S extends z.ZodType>(schema: S, body: Record<string, unknown>): FormResult<z.output<S>> {
  const values = formValues(body);
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data, values };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= issue.message;
  }
  return { ok: false, errors, values };
}

/** A form's state while it is shown: what was typed and what was wrong. */
export interface FormState {
  values: FormValues;
  errors: FieldErrors;
}

export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });
