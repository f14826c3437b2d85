// POST /api/handoffs: a department's agent registers what a caller needs before transferring the call, so that
// Relais does not ask again. Bearer-token authenticated (HANDOFF_API_TOKEN, or a department's API token); the
// hand-off is valid a few minutes and used once.
import { Hono } from 'hono';
import type { z } from 'zod';
import { constantTimeEqual } from '../channels/twilio/signature.js';
import { handoffSchema, newHandoff } from '../conversation/handoff.js';
import type { AppDeps } from './create-app.js';
import { sha256Hex } from '../web/auth/crypto.js';

/** « field: message », once: the context schema's own messages already name their field. */
function problemOf(issue: z.core.$ZodIssue): string {
  const field = issue.path.join('.') || '(body)';
  return issue.message.startsWith(`${field}:`) ? issue.message : `${field}: ${issue.message}`;
}

export function handoffRoutes(deps: AppDeps): Hono {
  const routes = new Hono();
  routes.post('/handoffs', async (c) => {
    const token = deps.config.handoffApiToken;
    const given = /^Bearer (.+)$/i.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    // A department's API token (Réglages) attaches the hand-off to that department; the server-wide token attaches none.
    const departement = given && deps.placesApi ? await deps.placesApi.departmentOfApiToken(await sha256Hex(given)) : undefined;
    if (!token && !departement) return c.json({ error: 'hand-offs are refused: HANDOFF_API_TOKEN is not set on this server' }, 403);
    if (!departement && (!given || !token || !constantTimeEqual(given, token))) {
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
    await deps.calls.registerHandoff({ ...handoff, ...(departement ? { departement } : {}) });
    deps.logger.info('handoff.registered', { id: handoff.id, validMinutes: parsed.data.validMinutes });
    return c.json({ id: handoff.id, caller: handoff.caller, expiresAt: new Date(handoff.expiresAt).toISOString() }, 201);
  });
  return routes;
}
