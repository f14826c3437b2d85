// « Réglages » (administrators): the department's settings, its users and invitations, the workshop import with its
// report line by line, and the API tokens of the platform's own tools.
import type { Context, Hono } from 'hono';
import { Checkbox, Csrf, Field, Select } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { Table } from '../components/table.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { randomToken, sha256Hex } from '../auth/crypto.js';
import { ROLES, ROLE_NAMES, isRole } from '../auth/roles.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { allow } from '../auth/allow.js';
import { errorPage } from './error.js';
import { formatDateTime } from '../format.js';
import { inviteSchema, RELAIS_NUMBER_FIELDS, settingsSchema, tokenSchema } from './reglages-forms.js';
import { importWorkshops, ImportReport, type WorkshopImport } from './reglages-import.js';
import { StructureFields, StructuresSection, structuresRoutes } from './reglages-structures.js';
import { STRUCTURE_ROLES } from '../auth/roles.js';

const INVITATION_DAYS = 7;

interface PageState {
  settings?: FormState;
  invite?: FormState;
  token?: FormState;
  /** Shown once: the invitation link, the new API token. */
  invitationLink?: string;
  newToken?: string;
  importResult?: WorkshopImport;
  importError?: string;
  notice?: string;
  structure?: FormState;
}

const settingsValues = (config: Record<string, unknown> | undefined): Record<string, string> => ({
  ...Object.fromEntries(Object.entries(config ?? {}).map(([k, v]) => [k, String(v)])),
  // On unless the department switched it off.
  modelUnderstanding: config?.['modelUnderstanding'] === false ? '' : 'oui',
});

async function ReglagesPage({ c, state, now }: { c: Context<WorkspaceEnv>; state: PageState; now: number }) {
  const scoped = c.var.scoped;
  const csrf = c.var.csrf;
  const [config, users, invitations, tokens] = await Promise.all([scoped.settings.get(), scoped.users.list(), scoped.invitations.pending(now), scoped.apiTokens.list()]);
  const settings = state.settings ?? emptyForm(settingsValues(config));
  const roleOptions = ROLE_NAMES.map((k) => [k, ROLES[k].label] as const);
  return (
    <Layout title="Réglages" user={c.var.user} current="/espace/reglages" csrf={csrf} notice={state.notice ? { type: 'success', text: state.notice } : undefined}>
      <h2 id="departement">Le département</h2>
      <form method="post" action="/espace/reglages" novalidate>
        <Csrf token={csrf} />
        <Field form={settings} name="name" label="Nom du département" maxLength={80} />
        <Field form={settings} name="platformPhone" label="Numéro de la plateforme téléphonique" type="tel" />
        <Field form={settings} name="platformHours" label="Horaires de la plateforme, en français" hint="Par exemple : du lundi au vendredi, de 9 h à 17 h." />
        <Field form={settings} name="platformOpeningHours" label="Horaires de la plateforme, pour les transferts" hint="Au format Mo-Fr 09:00-12:00,13:30-17:00." />
        <Field form={settings} name="homeHelpName" label="Aide à domicile : nom (CLIC, services autonomie…)" />
        <Field form={settings} name="homeHelpPhone" label="Aide à domicile : numéro" type="tel" />
        <Field form={settings} name="whiteZoneRadiusKm" label="Rayon de zone blanche, en kilomètres" hint="Au-delà, une commune est en zone blanche." type="number" />
        <Field form={settings} name="voiceNumber" label="Numéro Relais du département : téléphone" hint="Au format international, par exemple +33466000099." type="tel" />
        <Field form={settings} name="smsNumber" label="Numéro Relais du département : SMS" type="tel" />
        <Field form={settings} name="whatsappNumber" label="Numéro Relais du département : WhatsApp" type="tel" />
        <Checkbox
          form={settings}
          name="modelUnderstanding"
          label="Comprendre les messages confus avec un modèle d’IA (OpenAI), quand Relais n’y arrive pas seul : le message seul lui est envoyé, numéros et adresses e-mail masqués"
        />
        <button type="submit" class="fr-btn">
          Enregistrer les réglages
        </button>
      </form>

      <h2 id="utilisateurs" class="fr-mt-6w">Les utilisateurs</h2>
      <Table
        caption="Utilisateurs du département"
        empty="Aucun utilisateur."
        headers={['Adresse', 'Rôle', 'Depuis', 'Action']}
        rows={users.map((u) => [
          u.email,
          isRole(u.role) ? ROLES[u.role].label : u.role,
          u.disabledAt ? `Retiré le ${formatDateTime(u.disabledAt)}` : formatDateTime(u.createdAt),
          u.disabledAt || u.id === c.var.user.id ? '—' : (
            <form method="post" action={`/espace/reglages/utilisateurs/${u.id}/retirer`}>
              <Csrf token={csrf} />
              <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" aria-label={`Retirer ${u.email}`}>
                Retirer
              </button>
            </form>
          ),
        ])}
      />
      {invitations.length > 0 ? (
        <Table caption="Invitations en attente" empty="" headers={['Adresse', 'Rôle', "Valable jusqu'au"]} rows={invitations.map((i) => [i.email, isRole(i.role) ? ROLES[i.role].label : i.role, formatDateTime(i.expiresAt)])} />
      ) : null}
      {state.invitationLink ? (
        <div class="fr-alert fr-alert--info fr-mb-3w" role="status">
          <p>Donnez ce lien à la personne invitée. Il ne sera plus affiché, et ne sert qu'une fois :</p>
          <p>
            <code id="lien-invitation">{state.invitationLink}</code>
          </p>
        </div>
      ) : null}
      <h3>Inviter quelqu'un</h3>
      <form method="post" action="/espace/reglages/invitations" novalidate>
        <Csrf token={csrf} />
        <Field form={state.invite ?? emptyForm({ role: 'agent' })} name="email" label="Adresse électronique" type="email" />
        <Select form={state.invite ?? emptyForm({ role: 'agent' })} name="role" label="Rôle" options={roleOptions} />
        <StructureFields form={state.invite ?? emptyForm({ role: 'agent' })} structures={await scoped.structures.list()} />
        <button type="submit" class="fr-btn">
          Créer le lien d'invitation
        </button>
      </form>

      <StructuresSection csrf={csrf} structures={await scoped.structures.list()} form={state.structure} />

      <h2 id="ateliers" class="fr-mt-6w">Importer les ateliers</h2>
      <p>Un fichier CSV ou iCalendar (ICS), comme pour la commande d'import. Seuls les ateliers du département sont gardés.</p>
      <form method="post" action="/espace/reglages/ateliers" enctype="multipart/form-data">
        <Csrf token={csrf} />
        <div class={`fr-upload-group${state.importError ? ' fr-input-group--error' : ''}`}>
          <label class="fr-label" for="champ-fichier">
            Fichier des ateliers
            <span class="fr-hint-text">Formats acceptés : .csv, .ics. Un mégaoctet au plus.</span>
          </label>
          <input class="fr-upload" type="file" id="champ-fichier" name="fichier" accept=".csv,.ics,text/csv,text/calendar" aria-describedby={state.importError ? 'erreur-fichier' : undefined} />
          {state.importError ? (
            <p class="fr-error-text" id="erreur-fichier">
              {state.importError}
            </p>
          ) : null}
        </div>
        <button type="submit" class="fr-btn fr-mt-2w">
          Importer
        </button>
      </form>
      {state.importResult ? <ImportReport result={state.importResult} /> : null}

      <h2 id="jetons" class="fr-mt-6w">Jetons d'accès à l'API</h2>
      <p>Pour les outils de la plateforme (GET /api/places). Un jeton n'est montré qu'une fois, à sa création.</p>
      {state.newToken ? (
        <div class="fr-alert fr-alert--info fr-mb-3w" role="status">
          <p>Copiez ce jeton maintenant : il ne sera plus affiché.</p>
          <p>
            <code id="nouveau-jeton">{state.newToken}</code>
          </p>
        </div>
      ) : null}
      <Table
        caption="Jetons du département"
        empty="Aucun jeton."
        headers={['Nom', 'Créé le', 'État']}
        rows={tokens.map((t) => [
          t.label,
          formatDateTime(t.createdAt),
          t.revokedAt ? (
            `Révoqué le ${formatDateTime(t.revokedAt)}`
          ) : (
            <form method="post" action={`/espace/reglages/jetons/${t.id}/revoquer`}>
              <Csrf token={csrf} />
              <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" aria-label={`Révoquer le jeton ${t.label}`}>
                Révoquer
              </button>
            </form>
          ),
        ])}
      />
      <form method="post" action="/espace/reglages/jetons" novalidate>
        <Csrf token={csrf} />
        <Field form={state.token ?? emptyForm()} name="label" label="Nom du nouveau jeton" maxLength={80} />
        <button type="submit" class="fr-btn">
          Créer un jeton
        </button>
      </form>
    </Layout>
  );
}

export function reglagesRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  const guard = allow('settings');
  const show = async (c: Context<WorkspaceEnv>, state: PageState, status = 200) => c.html(await ReglagesPage({ c, state, now: deps.clock.now() }), status as 200);

  app.get('/reglages', guard, (c) => show(c, c.req.query('enregistre') ? { notice: 'Réglages enregistrés.' } : {}));

  app.post('/reglages', guard, async (c) => {
    const result = readForm(settingsSchema, await c.req.parseBody());
    if (!result.ok) return show(c, { settings: result }, 400);
    const own = c.var.user.departement;
    // A Relais number names one department: taken by another, it would send their people here.
    const errors: Record<string, string> = {};
    for (const field of RELAIS_NUMBER_FIELDS) {
      const number = result.data[field];
      if (!number) continue;
      const taken = [...deps.departments.values()].some((d) => d.code !== own && [d.voiceNumber, d.smsNumber, d.whatsappNumber].includes(number));
      if (taken) errors[field] = 'Ce numéro est déjà celui d’un autre département.';
    }
    if (Object.keys(errors).length > 0) return show(c, { settings: { values: result.values, errors } }, 400);
    const config = Object.fromEntries(Object.entries(result.data).filter(([, v]) => v !== undefined)) as typeof result.data;
    const previous = await c.var.scoped.settings.get();
    // Settings this page does not edit (the phone voice and pace) are kept.
    const saved = await c.var.scoped.settings.save({ ...(previous?.voice ? { voice: previous.voice } : {}), ...(previous?.speechRatePercent ? { speechRatePercent: previous.speechRatePercent } : {}), ...config }, deps.clock.now());
    deps.departments.set(saved.code, saved);
    return c.redirect('/espace/reglages?enregistre=1', 303);
  });

  app.post('/reglages/invitations', guard, async (c) => {
    const result = readForm(inviteSchema, await c.req.parseBody());
    if (!result.ok) return show(c, { invite: result }, 400);
    const existing = await deps.accounts.findByEmail(result.data.email);
    if (existing && existing.disabled_at === null) return show(c, { invite: { values: result.values, errors: { email: 'Cette personne a déjà un compte.' } } }, 400);
    const token = randomToken();
    const at = deps.clock.now();
    const { structureId, phone } = result.data;
    const needsStructure = (STRUCTURE_ROLES as readonly string[]).includes(result.data.role);
    if (needsStructure && !(await c.var.scoped.structures.list()).some((s) => s.id === structureId)) {
      return show(c, { invite: { values: result.values, errors: { structureId: 'Choisissez une structure de votre département.' } } }, 400);
    }
    await c.var.scoped.invitations.create({
      id: crypto.randomUUID(),
      tokenHash: await sha256Hex(token),
      email: result.data.email,
      role: result.data.role,
      at,
      expiresAt: at + INVITATION_DAYS * 86_400_000,
      ...(needsStructure ? { structureId } : {}),
      ...(result.data.role === 'relay' && phone ? { phone } : {}),
    });
    const base = deps.publicBaseUrl?.replace(/\/+$/, '') ?? new URL(c.req.url).origin;
    return show(c, { invitationLink: `${base}/espace/invitation/${token}`, notice: `Invitation créée pour ${result.data.email}.` });
  });

  structuresRoutes(app, guard, show, () => deps.clock.now());

  app.post('/reglages/utilisateurs/:id/retirer', guard, async (c) => {
    if (!(await c.var.scoped.users.remove(c.req.param('id'), deps.clock.now()))) return c.html(errorPage('Utilisateur introuvable', "Cet utilisateur n'existe pas dans votre département."), 404);
    return show(c, { notice: 'Utilisateur retiré : ses sessions sont fermées.' });
  });

  app.post('/reglages/ateliers', guard, async (c) => {
    const body = await c.req.parseBody();
    const outcome = await importWorkshops(deps, c.var.user.departement, body['fichier']);
    if (typeof outcome === 'string') return show(c, { importError: outcome }, 400);
    return show(c, { importResult: outcome });
  });

  app.post('/reglages/jetons', guard, async (c) => {
    const result = readForm(tokenSchema, await c.req.parseBody());
    if (!result.ok) return show(c, { token: result }, 400);
    const token = `relais_${randomToken()}`;
    await c.var.scoped.apiTokens.create({ id: crypto.randomUUID(), label: result.data.label, tokenHash: await sha256Hex(token), at: deps.clock.now() });
    return show(c, { newToken: token, notice: 'Jeton créé.' });
  });

  app.post('/reglages/jetons/:id/revoquer', guard, async (c) => {
    if (!(await c.var.scoped.apiTokens.revoke(c.req.param('id'), deps.clock.now()))) return c.html(errorPage('Jeton introuvable', "Ce jeton n'existe pas dans votre département."), 404);
    return show(c, { notice: 'Jeton révoqué.' });
  });
}
