// POST /api/handoffs: a department's agent registers what a caller needs before transferring the call, so that
// Relais does not ask again. Bearer-token authenticated (HANDOFF_API_TOKEN, or a department's API token); the
// hand-off is valid a few minutes and used once.
import { Hono } from 'hono';
import type * as z from 'zod';
import { constantTimeEqual } from '../channels/twilio/signature.js';
import { handoffSchema, newHandoff } from '../conversation/handoff.js';
import type { AppDeps } from './create-app.js';
import { sha256Hex } from '../web/auth/crypto.js';

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
    const given = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    // A department's API token (Réglages, hashed at rest) attaches the hand-off to that department, as its
    // settings' handoffTokens do; the server-wide HANDOFF_API_TOKEN attaches none.
    const apiDepartement = given && deps.placesApi ? await deps.placesApi.departmentOfApiToken(await sha256Hex(given)) : undefined;
    if (!apiDepartement && !deps.config.handoffApiToken && departmentTokens.length === 0) {
      return c.json({ error: 'hand-offs are refused: neither HANDOFF_API_TOKEN nor a department\'s token is set on this server' }, 403);
    }
    const holder = apiDepartement ? { departement: apiDepartement } : given ? tokenHolder(given, deps.config.handoffApiToken, departmentTokens) : undefined;
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
    const handoff = newHandoff(parsed.data, deps.clock.now());
    await deps.calls.registerHandoff({ ...handoff, ...(holder.departement ? { departement: holder.departement } : {}) });
    deps.logger.info('handoff.registered', { id: handoff.id, validMinutes: parsed.data.validMinutes, departement: holder.departement });
    return c.json({ id: handoff.id, caller: handoff.caller, expiresAt: new Date(handoff.expiresAt).toISOString(), ...(holder.departement ? { departement: holder.departement } : {}) }, 201);
  });
  return routes;
}
