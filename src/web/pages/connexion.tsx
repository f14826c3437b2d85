// « Se connecter »: email and password, with a rate limit per account and per address so that passwords cannot be
// guessed, and the same answer whether the account exists or not.
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import { Field } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { hashPassword, verifyPassword } from '../auth/crypto.js';
import { signIn } from '../auth/session.js';
import type { WorkspaceDeps } from '../context.js';

/** Failures counted over this window; past the limits, sign-in waits until the window has passed. */
const WINDOW_MS = 15 * 60_000;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 20;

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, 'Indiquez votre adresse électronique.')
    .max(200, 'Cette adresse est trop longue.')
    .pipe(z.email('Indiquez une adresse électronique valide, par exemple nom@departement.fr.')),
  password: z.string().min(1, 'Indiquez votre mot de passe.').max(200, 'Ce mot de passe est trop long.'),
});

// Checked when the email is unknown, so that the answer takes as long as for a real account.
const decoyHash = hashPassword('relais-decoy-password');

function LoginPage({ form, message }: { form: FormState; message?: string | undefined }) {
  return (
    <Layout title="Se connecter" notice={message ? { type: 'error', text: message } : undefined}>
      <form method="post" action="/espace/connexion" novalidate>
        <fieldset class="fr-fieldset">
          <legend class="fr-fieldset__legend">Votre compte de l'espace Relais</legend>
          <Field form={form} name="email" label="Adresse électronique" type="email" autocomplete="username" />
          <Field form={form} name="password" label="Mot de passe" type="password" autocomplete="current-password" />
        </fieldset>
        <button type="submit" class="fr-btn">
          Se connecter
        </button>
      </form>
    </Layout>
  );
}

export const clientIpOf = (deps: WorkspaceDeps, c: Context) =>
  deps.clientIp?.(c) ?? c.req.header('cf-connecting-ip') ?? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() ?? 'inconnue';

export function connexionRoutes(app: Hono, deps: WorkspaceDeps) {
  app.get('/connexion', (c) => c.html(<LoginPage form={emptyForm()} />));

  app.post('/connexion', async (c) => {
    const result = readForm(loginSchema, await c.req.parseBody());
    if (!result.ok) return c.html(<LoginPage form={result} />, 400);
    const { email, password } = result.data;
    const at = deps.clock.now();
    const ip = clientIpOf(deps, c);
    const failures = await deps.accounts.loginFailuresSince(email, ip, at - WINDOW_MS);
    if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT || failures.byIp >= MAX_FAILURES_PER_ADDRESS) {
      deps.logger.warn('workspace.login.limited', { byEmail: failures.byEmail, byIp: failures.byIp });
      const message = 'Trop de tentatives de connexion. Par sécurité, attendez quinze minutes avant de réessayer.';
      return c.html(<LoginPage form={emptyForm({ email })} message={message} />, 429);
    }
    const user = await deps.accounts.findByEmail(email);
    const valid = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
    if (!user || !valid || user.disabled_at !== null) {
      await deps.accounts.recordLoginFailure(email, ip, at);
      return c.html(<LoginPage form={emptyForm({ email })} message="Adresse électronique ou mot de passe incorrect." />, 401);
    }
    await deps.accounts.clearLoginFailures(email);
    await signIn(c, deps, user.id);
    deps.logger.info('workspace.login', { user: user.id });
    return c.redirect('/espace', 303);
  });
}
