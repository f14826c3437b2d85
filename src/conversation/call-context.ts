// What is already known when a call begins, from whoever transferred it: a hand-off registered by a department's
// agent, SIP headers, or the webhook URL's query. One schema for the three, so each is validated the same way.
import * as z from 'zod';
import type { Vars } from '../engine/effects.js';

/** What the agent may say the caller needs; each opens the matching journey without asking again. */
export const HANDOFF_NEEDS = ['lieu', 'demarche', 'apprendre', 'materiel', 'arnaque'] as const;
type HandoffNeed = (typeof HANDOFF_NEEDS)[number];

/** The search need (nearestPlaces) behind each hand-off need. */
const PLACE_NEED: Partial<Record<HandoffNeed, string>> = { lieu: 'demarches', demarche: 'demarches', apprendre: 'apprendre', materiel: 'materiel' };

const yes = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false', 'oui', 'non', 'yes', 'no'])]).transform((v) => v === true || ['1', 'true', 'oui', 'yes'].includes(String(v)));

export const callContextSchema = z.object({
  /** Commune name or postal code (« Mende », « 48000 »). */
  commune: z.string().trim().min(2, 'commune: a commune name or a postal code').max(80).optional(),
  need: z.enum(HANDOFF_NEEDS, { message: `need: one of ${HANDOFF_NEEDS.join(', ')}` }).optional(),
  /** The procedure in the agent's words (« carte Vitale », « déclaration d'impôts »). */
  procedure: z.string().trim().min(2).max(120).optional(),
  /** The caller hears poorly: Relais speaks more slowly from the start. */
  slowSpeech: yes.optional(),
  /** One line for whoever takes the call if it is transferred back to a person. */
  note: z.string().trim().max(200).optional(),
});

export type CallContext = z.infer<typeof callContextSchema>;

/** Reads loose key-value context (SIP headers, query parameters): unknown keys ignored, bad values reported. */
export function readLooseContext(raw: Record<string, string>): { context: CallContext; problems: string[] } {
  const candidate = { commune: raw['commune'], need: raw['need'], procedure: raw['procedure'], slowSpeech: raw['slow'], note: raw['note'] };
  const context: CallContext = {};
  const problems: string[] = [];
  // Field by field: one bad value must not throw away the good ones, nor the call.
  for (const [key, value] of Object.entries(candidate)) {
    if (value === undefined || value === '') continue;
    const parsed = callContextSchema.shape[key as keyof CallContext].safeParse(value);
    if (parsed.success) Object.assign(context, { [key]: parsed.data });
    else problems.push(`${key}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { context, problems };
}

/** The conversation variables a context fills: the flow then skips the questions they answer. */
export function contextVars(context: CallContext): Vars {
  const vars: Vars = {};
  if (context.commune) vars['location'] = context.commune;
  if (context.need) {
    vars['handoffNeed'] = context.need;
    const placeNeed = PLACE_NEED[context.need];
    if (placeNeed) vars['need'] = placeNeed;
  }
  if (context.procedure) {
    vars['procedureQuery'] = context.procedure;
    vars['handoffNeed'] ??= 'demarche';
  }
  if (context.slowSpeech) vars['slower'] = '1';
  if (context.note) vars['agentNote'] = context.note;
  return vars;
}

export const isEmptyContext = (context: CallContext): boolean => Object.values(context).every((v) => v === undefined || v === false);
