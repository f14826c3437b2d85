// An invited person opens their one-time link and chooses a password; the link then no longer works.
import type { Hono } from 'hono';
import * as z from 'zod';
import { Field } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { hashPassword, sha256Hex } from '../auth/crypto.js';
import { signIn } from '../auth/session.js';
import type { WorkspaceDeps } from '../context.js';
import { errorPage } from './error.js';

export const MIN_PASSWORD_LENGTH = 12;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `Choisissez un mot de passe d'au moins ${MIN_PASSWORD_LENGTH} caractères.`)
  .max(200, 'Ce mot de passe est trop long (200 caractères au plus).');

const choosePasswordSchema = z
  .object({ password: passwordSchema, confirmation: z.string() })
  .refine((v) => v.password === v.confirmation, { path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' });

function InvitationPage({ token, email, form }: { token: string; email: string; form: FormState }) {
  return (
    <Layout title="Créer votre mot de passe">
      <p>Vous êtes invité dans l'espace Relais du département avec l'adresse {email}.</p>
      <form method="post" action={`/espace/invitation/${encodeURIComponent(token)}`} novalidate>
        <Field form={form} name="password" label="Mot de passe" hint={`Au moins ${MIN_PASSWORD_LENGTH} caractères.`} type="password" autocomplete="new-password" />
        <Field form={form} name="confirmation" label="Le même mot de passe, une seconde fois" type="password" autocomplete="new-password" />
        <button type="submit" class="fr-btn">
          Créer mon compte
        </button>
      </form>
    </Layout>
  );
}

const expired = () => errorPage('Lien expiré', "Ce lien d'invitation n'est plus valable. Demandez-en un nouveau à l'administrateur de votre département.");

export function invitationRoutes(app: Hono, deps: WorkspaceDeps) {
  app.get('/invitation/:token', async (c) => {
    const token = c.req.param('token');
    const invitation = await deps.accounts.findInvitation(await sha256Hex(token), deps.clock.now());
    if (!invitation) return c.html(expired(), 404);
    return c.html(<InvitationPage token={token} email={invitation.email} form={emptyForm()} />);
  });

  app.post('/invitation/:token', async (c) => {
    const token = c.req.param('token');
    const tokenHash = await sha256Hex(token);
    const invitation = await deps.accounts.findInvitation(tokenHash, deps.clock.now());
    if (!invitation) return c.html(expired(), 404);
    const result = readForm(choosePasswordSchema, await c.req.parseBody());
    if (!result.ok) return c.html(<InvitationPage token={token} email={invitation.email} form={result} />, 400);
    const id = crypto.randomUUID();
    const accepted = await deps.accounts.acceptInvitation(tokenHash, { id, passwordHash: await hashPassword(result.data.password), at: deps.clock.now() });
    if (!accepted) return c.html(expired(), 404);
    const user = await deps.accounts.findByEmail(invitation.email);
    if (user) await signIn(c, deps, user.id);
    return c.redirect('/espace/accueil', 303);
  });
}
