// Sessions in a cookie (HttpOnly; Secure; SameSite=Lax) naming a server-side row: revocable, with idle and absolute
// expiry. Every form of a signed-in page carries a CSRF token bound to the session (an HMAC under SESSION_SECRET).
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { equalBytes, hmacSha256, randomToken, sha256Hex } from './crypto.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { errorPage } from '../pages/error.js';

export const SESSION_COOKIE = 'relais_session';

const encoder = new TextEncoder();
export const csrfTokenFor = (secret: string, sessionIdHash: string) => hmacSha256(secret, `csrf:${sessionIdHash}`);

/** Starts a session for this user and sets its cookie. */
export async function signIn(c: Context, deps: WorkspaceDeps, userId: string): Promise<void> {
  const token = randomToken();
  await deps.accounts.startSession({ idHash: await sha256Hex(token), userId, at: deps.clock.now(), policy: deps.sessionPolicy });
  setCookie(c, SESSION_COOKIE, token, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/espace', maxAge: Math.floor(deps.sessionPolicy.absoluteMs / 1000) });
}

export async function signOut(c: Context, deps: WorkspaceDeps): Promise<void> {
  const token = getCookie(c, SESSION_COOKIE);
  if (token) await deps.accounts.revokeSession(await sha256Hex(token), deps.clock.now());
  deleteCookie(c, SESSION_COOKIE, { path: '/espace', secure: true });
}

/**
 * Loads the signed-in user and their scoped repository. A request without a live session is sent to the sign-in
 * page; a post whose CSRF token does not match the session is refused (403).
 */
export function requireSession(deps: WorkspaceDeps): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    const secret = deps.sessionSecret!;
    const token = getCookie(c, SESSION_COOKIE);
    const idHash = token ? await sha256Hex(token) : undefined;
    const user = idHash ? await deps.accounts.resumeSession(idHash, deps.clock.now(), deps.sessionPolicy) : undefined;
    if (!user || !idHash) {
      if (token) deleteCookie(c, SESSION_COOKIE, { path: '/espace', secure: true });
      return c.redirect('/espace/connexion', 303);
    }
    const csrf = await csrfTokenFor(secret, idHash);
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody();
      const given = typeof body['csrf'] === 'string' ? body['csrf'] : '';
      if (!equalBytes(encoder.encode(given), encoder.encode(csrf))) {
        deps.logger.warn('workspace.csrf.refused', { path: c.req.path });
        return c.html(errorPage('Formulaire refusé', 'Ce formulaire a expiré ou ne vient pas de cet espace. Rechargez la page et recommencez.'), 403);
      }
    }
    c.set('user', user);
    c.set('csrf', csrf);
    c.set('scoped', deps.forUser(user));
    await next();
  };
}
