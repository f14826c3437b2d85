// « Transférer un appel »: the agent tells Relais what the caller needs (the same hand-off as POST /api/handoffs),
// then transfers the call to the department's Relais number, shown here; the caller is not asked again.
import type { Hono } from 'hono';
import * as z from 'zod';
import { Checkbox, Csrf, Field, Select, TextArea } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { HANDOFF_NEEDS } from '../../conversation/call-context.js';
import { handoffSchema, newHandoff, toE164 } from '../../conversation/handoff.js';
import { formatPhoneFr } from '../../directory/format.js';
import type { HandoffRecord } from '../../db/scoped-repository.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { allow } from '../auth/allow.js';
import { errorPage } from './error.js';
import { formatDateTime } from '../format.js';

const NEED_LABELS: Record<(typeof HANDOFF_NEEDS)[number], string> = {
  lieu: 'Trouver un lieu près de chez elle',
  demarche: 'Comprendre une démarche',
  apprendre: 'Apprendre le numérique',
  materiel: 'Du matériel',
  arnaque: 'Un doute sur une arnaque',
};

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, message)
    .optional()
    .transform((v) => v || undefined);

export const transferSchema = z.object({
  caller: z
    .string()
    .trim()
    .min(1, "Indiquez le numéro d'où la personne appelle.")
    .max(30, 'Ce numéro est trop long.')
    .refine((v) => toE164(v) !== undefined, 'Indiquez un numéro de téléphone, par exemple 06 12 34 56 78.'),
  commune: optionalText(80, 'Ce nom est trop long (80 caractères au plus).').refine((v) => v === undefined || v.length >= 2, 'Indiquez une commune ou un code postal.'),
  need: z.enum(['', ...HANDOFF_NEEDS], { message: 'Choisissez un besoin dans la liste.' }).transform((v) => v || undefined),
  procedure: optionalText(120, 'Ce texte est trop long (120 caractères au plus).'),
  slowSpeech: z
    .string()
    .optional()
    .transform((v) => v === 'oui'),
  note: optionalText(200, 'La note est trop longue (200 caractères au plus).'),
});

function TransferForm({ form, csrf }: { form: FormState; csrf: string }) {
  return (
    <form method="post" action="/espace/transfert" novalidate>
      <Csrf token={csrf} />
      <Field form={form} name="caller" label="Numéro de la personne" hint="Le numéro d'où elle vous appelle." type="tel" maxLength={30} />
      <Field form={form} name="commune" label="Commune ou code postal (facultatif)" maxLength={80} />
      <Select form={form} name="need" label="Besoin (facultatif)" options={[['', 'Je ne sais pas'], ...HANDOFF_NEEDS.map((n) => [n, NEED_LABELS[n]] as const)]} />
      <Field form={form} name="procedure" label="Démarche, avec ses mots (facultatif)" hint="Par exemple : carte Vitale." maxLength={120} />
      <Checkbox form={form} name="slowSpeech" label="Parler plus lentement (la personne entend mal)" />
      <TextArea form={form} name="note" label="Note pour la personne qui reprendra l'appel (facultative)" maxLength={200} />
      <button type="submit" class="fr-btn">
        Préparer le transfert
      </button>
    </form>
  );
}

function HandoffDone({ handoff, transferTo }: { handoff: HandoffRecord; transferTo: string | undefined }) {
  return (
    <div class="fr-callout">
      <h2 class="fr-callout__title">Transférez maintenant l'appel</h2>
      <p class="fr-callout__text">
        {transferTo ? `Numéro à composer : ${transferTo}.` : "Votre département n'a pas encore de numéro Relais : indiquez-le dans les réglages."}
      </p>
      <p>{`Le contexte attend l'appel du ${formatPhoneFr(handoff.callerAddress) ?? handoff.callerAddress} jusqu'à ${formatDateTime(handoff.expiresAt)}.`}</p>
      <p class="fr-text--sm">{`Référence : ${handoff.id}${handoff.usedAt ? ' (appel reçu)' : ''}`}</p>
    </div>
  );
}

export function transfertRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  const guard = allow('handoffs');
  const transferNumber = (departement: string) => {
    const number = deps.departments.get(departement)?.voiceNumber;
    return number ? (formatPhoneFr(number) ?? number) : undefined;
  };
  const page = (c: { var: WorkspaceEnv['Variables'] }, form: FormState) => (
    <Layout title="Transférer un appel" user={c.var.user} current="/espace/transfert" csrf={c.var.csrf}>
      <p>Dites à Relais ce que la personne cherche : elle n'aura pas à le répéter.</p>
      <TransferForm form={form} csrf={c.var.csrf} />
    </Layout>
  );

  app.get('/transfert', guard, (c) => c.html(page(c, emptyForm())));

  app.post('/transfert', guard, async (c) => {
    const result = readForm(transferSchema, await c.req.parseBody());
    if (!result.ok) return c.html(page(c, result), 400);
    const { caller, ...rest } = result.data;
    if (rest.commune && (await deps.directory.geocode(rest.commune)).type === 'notFound') {
      return c.html(page(c, { values: result.values, errors: { commune: `Aucune commune ne s'appelle « ${rest.commune} ». Vérifiez l'orthographe ou donnez le code postal.` } }), 400);
    }
    // The API's own schema, so that a hand-off from this page is exactly one the API would have accepted.
    const input = handoffSchema.safeParse({ caller, ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== false)) });
    if (!input.success) return c.html(page(c, { values: result.values, errors: { caller: 'Ces informations ne sont pas valables.' } }), 400);
    const handoff = newHandoff(input.data, deps.clock.now());
    await c.var.scoped.handoffs.create(handoff);
    deps.logger.info('handoff.registered', { id: handoff.id, by: c.var.user.id });
    return c.redirect(`/espace/transfert/${handoff.id}`, 303);
  });

  app.get('/transfert/:id', guard, async (c) => {
    const handoff = await c.var.scoped.handoffs.get(c.req.param('id'));
    if (!handoff) return c.html(errorPage('Transfert introuvable', "Ce transfert n'existe pas dans votre département."), 404);
    return c.html(
      <Layout title="Transférer un appel" user={c.var.user} current="/espace/transfert" csrf={c.var.csrf}>
        <HandoffDone handoff={handoff} transferTo={transferNumber(c.var.user.departement)} />
        <p>
          <a class="fr-link" href="/espace/transfert">
            Préparer un autre transfert
          </a>
        </p>
      </Layout>,
    );
  });
}
