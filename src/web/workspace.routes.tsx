// The department's workspace under /espace: public pages (sign-in, invitation), then everything else behind a live
// session, CSRF-checked, each page guarded by the permission it needs. Without SESSION_SECRET it answers 503.
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import type { WorkspaceDeps, WorkspaceEnv } from './context.js';
import { requireSession, signOut } from './auth/session.js';
import { can } from './auth/roles.js';
import { connexionRoutes } from './pages/connexion.js';
import { invitationRoutes } from './pages/invitation.js';
import { rappelsRoutes } from './pages/rappels.js';
import { suivisRoutes } from './pages/suivis.js';
import { lieuxRoutes } from './pages/lieux.js';
import { transfertRoutes } from './pages/transfert.js';
import { reglagesRoutes } from './pages/reglages.js';
import { activiteRoutes } from './pages/activite.js';
import { activiteCsvRoutes } from './pages/activite-csv.js';
import { rapportRoutes } from './pages/activite-rapport.js';
import { zonesBlanchesRoutes } from './pages/zones-blanches.js';
import { errorPage } from './pages/error.js';
import { ROLES } from './auth/roles.js';
import { orientationsRoutes } from './pages/orientations.js';

/** The ways to reach a page, as seen in the browser: its own origin and the public address behind a proxy. */
function allowedOrigins(publicBaseUrl: string | undefined) {
  const publicOrigin = publicBaseUrl ? new URL(publicBaseUrl).origin : undefined;
  return (origin: string, c: { req: { url: string } }) => origin === new URL(c.req.url).origin || origin === publicOrigin;
}

export function workspaceRoutes(deps: WorkspaceDeps): Hono {
  const app = new Hono();
  if (!deps.sessionSecret) {
    app.all('*', (c) =>
      c.html(
        errorPage(
          'Espace indisponible',
          "L'espace du département n'est pas encore activé sur ce serveur : la personne qui l'installe doit définir la variable SESSION_SECRET. Les SMS, les appels et WhatsApp fonctionnent normalement.",
        ),
        503,
      ),
    );
    return app;
  }

  app.get('/dsfr/*', async (c) => {
    const path = c.req.path.replace(/^\/espace\/dsfr\//, '');
    const response = path.includes('..') ? undefined : await deps.assets?.(path);
    return response ?? c.text('not found', 404);
  });

  const originCheck = csrf({ origin: allowedOrigins(deps.publicBaseUrl) });
  app.use('*', async (c, next) => {
    try {
      return await originCheck(c, next);
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      deps.logger.warn('workspace.origin.refused', { path: c.req.path });
      return c.html(errorPage('Formulaire refusé', "Ce formulaire ne vient pas de l'espace Relais. Ouvrez la page depuis l'espace et recommencez."), 403);
    }
  });
  app.use('*', async (c, next) => {
    await next();
    // Pages hold personal data: never cached, never framed, their URLs never sent to another site.
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Referrer-Policy', 'same-origin');
  });

  connexionRoutes(app, deps);
  invitationRoutes(app, deps);

  const signedIn = new Hono<WorkspaceEnv>();
  signedIn.use('*', requireSession(deps));
  signedIn.get('/', (c) => c.redirect(ROLES[c.var.user.role].home, 303));
  signedIn.get('/accueil', (c) => c.redirect(ROLES[c.var.user.role].home, 303));
  signedIn.post('/deconnexion', async (c) => {
    await signOut(c, deps);
    return c.redirect('/espace/connexion', 303);
  });
  rappelsRoutes(signedIn, deps);
  suivisRoutes(signedIn);
  lieuxRoutes(signedIn, deps);
  transfertRoutes(signedIn, deps);
  reglagesRoutes(signedIn, deps);
  orientationsRoutes(signedIn, deps);
  activiteCsvRoutes(signedIn, deps);
  rapportRoutes(signedIn, deps);
  activiteRoutes(signedIn, deps);
  zonesBlanchesRoutes(signedIn, deps);
  signedIn.all('*', (c) => c.html(errorPage('Page introuvable', "Cette page n'existe pas dans votre espace."), 404));
  app.route('/', signedIn);
  return app;
}
