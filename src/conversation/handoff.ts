// A hand-off: what a department's agent registers before transferring a caller, so that Relais does not ask again.
// One schema and one constructor for the API (POST /api/handoffs) and the workspace's « Transférer un appel ».
import * as z from 'zod';
import { callContextSchema, type CallContext } from './call-context.js';
import { parsePhoneFr } from '../directory/format.js';

/** How long a hand-off waits for the call, by default and at most. */
export const HANDOFF_DEFAULT_MINUTES = 10;
export const HANDOFF_MAX_MINUTES = 30;

export const handoffSchema = callContextSchema.extend({
  /** The caller's number, as the agent has it: « 06 12 34 56 78 », « +33612345678 ». */
  caller: z.string({ message: 'caller is required' }).transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) ctx.addIssue({ code: 'custom', message: 'caller: a phone number such as "06 12 34 56 78" or "+33612345678"' });
    return e164 ?? '';
  }),
  validMinutes: z.number().int().min(1).max(HANDOFF_MAX_MINUTES).default(HANDOFF_DEFAULT_MINUTES),
});

export interface NewHandoff {
  id: string;
  caller: string;
  context: CallContext;
  at: number;
  expiresAt: number;
}

/** A hand-off ready to store, from validated input. */
export function newHandoff(input: z.output<typeof handoffSchema>, at: number): NewHandoff {
  const { caller, validMinutes, ...context } = input;
  return { id: crypto.randomUUID(), caller, context, at, expiresAt: at + validMinutes * 60_000 };
}

/** A French number (any form) or an E.164 number, as Twilio will show it in `From`. */
export function toE164(value: string): string | undefined {
  const french = parsePhoneFr(value);
  if (french) return french.number;
  const compact = value.replace(/[\s.()-]/g, '');
  return /^\+\d{8,15}$/.test(compact) ? compact : undefined;
}
