// POST /api/handoffs: a department's agent registers what a caller needs before transferring the call, so that
// Relais does not ask again. Bearer-token authenticated; the hand-off is valid a few minutes and used once.
import { Hono } from 'hono';
import { z } from 'zod';
import { constantTimeEqual } from '../channels/twilio/signature.js';
import { callContextSchema } from '../conversation/call-context.js';
import { parsePhoneFr } from '../directory/format.js';
import type { AppDeps } from './create-app.js';

/** How long a hand-off waits for the call, by default and at most. */
const HANDOFF_DEFAULT_MINUTES = 10;
const HANDOFF_MAX_MINUTES = 30;

const handoffSchema = callContextSchema.extend({
  /** The caller's number, as the agent has it: « 06 12 34 56 78 », « +33612345678 ». */
  caller: z.string({ message: 'caller is required' }).transform((value, ctx) => {
    const e164 = toE164(value);
    if (!e164) ctx.addIssue({ code: 'custom', message: 'caller: a phone number such as "06 12 34 56 78" or "+33612345678"' });
    return e164 ?? '';
  }),
  validMinutes: z.number().int().min(1).max(HANDOFF_MAX_MINUTES).default(HANDOFF_DEFAULT_MINUTES),
});

/** A French number (any form) or an E.164 number, as Twilio will show it in `From`. */
function toE164(value: string): string | undefined {
  const french = parsePhoneFr(value);
  if (french) return french.number;
  const compact = value.replace(/[\s.()-]/g, '');
  return /^\+\d{8,15}$/.test(compact) ? compact : undefined;
}

/** « field: message », once: the context schema's own messages already name their field. */
function problemOf(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.') || '(body)';
  return issue.message.startsWith(`${field}:`) ? issue.message : `${field}: ${issue.message}`;
}

/** Whose token this is: the global one (any department) or a department's own; every token compared in constant time. */
function tokenHolder(given: string, global: string | undefined, departmentTokens: { token: string; departement: string }[]): { departement?: string } | undefined {
  let holder: { departement?: string } | undefined;
  if (global && constantTimeEqual(given, global)) holder = {};
  for (const { token, departement } of departmentTokens) if (constantTimeEqual(given, token)) holder ??= { departement };
  return holder;
}

export function handoffRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.post('/handoffs', async (c) => {
    const departmentTokens = [...(deps.departments?.values() ?? [])].flatMap((d) => (d.handoffTokens ?? []).map((token) => ({ token, departement: d.code })));
    if (!deps.config.handoffApiToken && departmentTokens.length === 0) {
      return c.json({ error: 'hand-offs are refused: neither HANDOFF_API_TOKEN nor a department\'s handoffTokens is set on this server' }, 403);
    }
    const given = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    const holder = given ? tokenHolder(given, deps.config.handoffApiToken, departmentTokens) : undefined;
    if (!holder) {
      deps.logger.warn('handoff.refused', { present: given !== '' });
      return c.json({ error: 'missing or invalid bearer token' }, 401, { 'WWW-Authenticate': 'Bearer' });
    }
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json({ error: 'the body must be a JSON object' }, 400);
    }
    const parsed = handoffSchema.safeParse(body);
    if (!parsed.success) {
      return c.json({ error: 'invalid hand-off', problems: parsed.error.issues.map(problemOf) }, 400);
    }
    const { caller, validMinutes, ...context } = parsed.data;
    const at = deps.clock.now();
    const id = crypto.randomUUID();
    const expiresAt = at + validMinutes * 60_000;
    await deps.calls.registerHandoff({ id, caller, context, at, expiresAt, ...(holder.departement ? { departement: holder.departement } : {}) });
    deps.logger.info('handoff.registered', { id, validMinutes, departement: holder.departement });
    return c.json({ id, caller, expiresAt: new Date(expiresAt).toISOString(), ...(holder.departement ? { departement: holder.departement } : {}) }, 201);
  });
  return routes;
}
