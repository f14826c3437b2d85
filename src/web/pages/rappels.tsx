// « Rappels à faire »: the department's people waiting for a call back, oldest first, one line per person, with what
// their conversation was about; take one, then close it with an outcome and a note.
import type { Context as HonoContext, Hono } from 'hono';
import * as z from 'zod';
import { Csrf, Select, TextArea } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { Table } from '../components/table.js';
import { emptyForm, readForm, type FormState } from '../forms.js';
import { CALLBACK_OUTCOMES, type CallbackItem } from '../../db/scoped-repository.js';
import { formatPhoneFr } from '../../directory/format.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { allow } from '../auth/allow.js';
import { errorPage } from './error.js';
import { formatDateTime } from '../format.js';

const CHANNELS: Record<string, string> = { sms: 'SMS', voice: 'Téléphone', whatsapp: 'WhatsApp' };
const NEEDS: Record<string, string> = { demarches: 'une démarche', apprendre: 'apprendre le numérique', materiel: 'du matériel', internet: 'un accès à internet' };

export const closeSchema = z.object({
  outcome: z.enum(CALLBACK_OUTCOMES, { message: 'Choisissez comment le rappel s’est passé.' }),
  note: z.string().trim().max(500, 'La note est trop longue (500 caractères au plus).').default(''),
});

const idSchema = z.coerce.number().int().positive();

function Context({ item, stage }: { item: CallbackItem; stage: string }) {
  const v = item.context;
  const facts = [
    v['answerInWriting'] === 'yes' ? 'Répondre par écrit (SMS) : la personne entend mal, ne pas appeler' : '',
    v['commune'] || v['location'] ? `Commune : ${v['commune'] || v['location']}` : '',
    v['need'] ? `Besoin : ${NEEDS[v['need']] ?? v['need']}` : '',
    v['procedureTitle'] || v['procedureQuery'] ? `Démarche : ${v['procedureTitle'] || v['procedureQuery']}` : '',
    `Où en était la conversation : ${stage}`,
  ].filter(Boolean);
  return (
    <ul class="fr-mb-0">
      {facts.map((f) => (
        <li>{f}</li>
      ))}
    </ul>
  );
}

function Actions({ item, csrf, userId, form }: { item: CallbackItem; csrf: string; userId: string; form: FormState | undefined }) {
  if (item.assignedTo !== userId) {
    return (
      <form method="post" action={`/espace/rappels/${item.id}/prendre`}>
        <Csrf token={csrf} />
        <button type="submit" class="fr-btn fr-btn--sm" aria-label={`Prendre le rappel de ${formatPhoneFr(item.contactAddress) ?? item.contactAddress}`}>
          Prendre
        </button>
      </form>
    );
  }
  const state = form ?? emptyForm();
  return (
    <form method="post" action={`/espace/rappels/${item.id}/terminer`} novalidate>
      <Csrf token={csrf} />
      <Select
        form={{ values: state.values, errors: state.errors }}
        name="outcome"
        label="Résultat"
        options={[['', 'Choisir'], ...CALLBACK_OUTCOMES.map((o) => [o, o[0]!.toUpperCase() + o.slice(1)] as const)]}
      />
      <TextArea form={state} name="note" label="Note (facultative)" maxLength={500} />
      <button type="submit" class="fr-btn fr-btn--sm">
        Terminer
      </button>
    </form>
  );
}

export function RappelsPage(props: { items: CallbackItem[]; stageOfStep: (stepId: string) => string; csrf: string; user: WorkspaceEnv['Variables']['user']; notice?: string; failed?: { id: number; form: FormState } }) {
  const { items, csrf, user } = props;
  return (
    <Layout title="Rappels à faire" user={user} current="/espace/rappels" csrf={csrf} notice={props.notice ? { type: 'success', text: props.notice } : undefined}>
      <p>Les personnes qui ont demandé à parler à quelqu'un, la plus ancienne demande en premier.</p>
      <Table
        caption="Personnes à rappeler"
        empty="Personne n'attend de rappel pour le moment."
        headers={['Personne', 'Demandé le', 'Canal', 'Contexte', 'Suivi', 'Action']}
        rows={items.map((item) => [
          <>
            <strong>{formatPhoneFr(item.contactAddress) ?? item.contactAddress}</strong>
            {item.times > 1 ? <p class="fr-text--sm fr-mb-0">{`A demandé ${item.times} fois`}</p> : null}
          </>,
          formatDateTime(item.firstAskedAt),
          CHANNELS[item.channel] ?? item.channel,
          <Context item={item} stage={props.stageOfStep(item.stepId)} />,
          item.assignedEmail ? `Pris par ${item.assignedEmail}` : 'Personne',
          <Actions item={item} csrf={csrf} userId={user.id} form={props.failed?.id === item.id ? props.failed.form : undefined} />,
        ])}
      />
    </Layout>
  );
}

export function rappelsRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  const guard = allow('callbacks');
  const render = async (c: HonoContext<WorkspaceEnv>, extra: { notice?: string; failed?: { id: number; form: FormState } } = {}) =>
    <RappelsPage items={await c.var.scoped.callbacks.list()} stageOfStep={deps.stageOfStep} csrf={c.var.csrf} user={c.var.user} {...extra} />;

  app.get('/rappels', guard, async (c) => c.html(await render(c, c.req.query('fait') ? { notice: 'Rappel terminé.' } : {})));

  app.post('/rappels/:id/prendre', guard, async (c) => {
    const id = idSchema.safeParse(c.req.param('id'));
    if (!id.success || !(await c.var.scoped.callbacks.take(id.data, deps.clock.now()))) return c.html(errorPage('Rappel introuvable', "Ce rappel n'existe pas ou est déjà terminé."), 404);
    return c.redirect('/espace/rappels', 303);
  });

  app.post('/rappels/:id/terminer', guard, async (c) => {
    const id = idSchema.safeParse(c.req.param('id'));
    if (!id.success) return c.html(errorPage('Rappel introuvable', "Ce rappel n'existe pas ou est déjà terminé."), 404);
    const result = readForm(closeSchema, await c.req.parseBody());
    if (!result.ok) return c.html(await render(c, { failed: { id: id.data, form: result } }), 400);
    if (!(await c.var.scoped.callbacks.close(id.data, result.data.outcome, result.data.note, deps.clock.now()))) {
      return c.html(errorPage('Rappel introuvable', "Ce rappel n'existe pas ou est déjà terminé."), 404);
    }
    return c.redirect('/espace/rappels?fait=1', 303);
  });
}
