// One orientation: what it says, its history (each status with its time and author), and what the user's role may do
// next: the place's answer link or the sheet's (shown once), the answer itself (a structure, or the platform after a
// call), the follow-through (honorée, non honorée, clôturée). The administrator also sees who opened it.
import type { Context, Hono } from 'hono';
import * as z from 'zod';
import type { Orientation, OrientationEvent } from '../../db/orientation-repository.js';
import type { OrientationFollowUp } from '../../db/followup-scope.js';
import { changeOrientationStatus } from '../../orientations/change-status.js';
import { TRANSITIONS, type OrientationStatus } from '../../orientations/statuses.js';
import { ANSWER_TOKEN_DAYS, issueToken, SHEET_TOKEN_DAYS } from '../../orientations/tokens.js';
import { allow } from '../auth/allow.js';
import { can, ROLES } from '../auth/roles.js';
import { Csrf } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { AnswerForms, OrientationFacts } from '../components/orientation-answer.js';
import { Table } from '../components/table.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { formatDateTime } from '../format.js';
import { emptyForm, type FormState } from '../forms.js';
import { readAnswer } from '../orientation-links.routes.js';
import { errorPage } from './error.js';
import { sheetSms } from '../../../data/orientations.fr.js';
import { followUpLabels } from '../../../data/followups.fr.js';
import { fillTemplate } from '../../engine/template.js';
import { formatPhoneFr, frenchMobileE164 } from '../../directory/format.js';

const FOLLOW_THROUGH: OrientationStatus[] = ['honorée', 'non honorée', 'clôturée'];
const statusSchema = z.object({ to: z.enum(FOLLOW_THROUGH as [OrientationStatus, ...OrientationStatus[]]) });

interface DetailState {
  notice?: { type: 'success' | 'error' | 'info'; text: string };
  link?: { label: string; url: string };
  forms?: { accept?: FormState; refuse?: FormState };
}

/** The orientation's 7-day check and evaluation: whom they ask, when, and their state; or why there are none. */
function FollowUps({ followUps }: { followUps: OrientationFollowUp[] }) {
  return (
    <Table
      caption="Suivis de l'orientation"
      empty={followUpLabels.noneForOrientation}
      headers={['Suivi', 'Auprès de', 'Prévu le', 'État']}
      rows={followUps.map((f) => [
        followUpLabels.kinds[f.kind] ?? f.kind,
        followUpLabels.askedOf[f.askedOf] ?? f.askedOf,
        formatDateTime(f.dueAt),
        `${followUpLabels.statuses[f.status] ?? f.status}${f.lastError && f.status !== 'pending' ? ` (${f.lastError})` : ''}`,
      ])}
    />
  );
}

function DetailPage(props: {
  orientation: Orientation;
  history: OrientationEvent[];
  followUps: OrientationFollowUp[];
  access?: { userEmail: string; at: number }[];
  c: Context<WorkspaceEnv>;
  state: DetailState;
}) {
  const { orientation: o, c, state } = props;
  const base = `/espace/orientations/${o.id}`;
  const scope = ROLES[c.var.user.role].orientations;
  const canAnswer = o.status === 'envoyée' && (scope === 'receiver' || scope === 'department');
  const canSend = scope !== 'receiver';
  const next = TRANSITIONS[o.status].filter((s) => FOLLOW_THROUGH.includes(s));
  return (
    <Layout title={`Orientation vers ${o.placeName}`} user={c.var.user} current="/espace/orientations" csrf={c.var.csrf} notice={state.notice}>
      <p>
        <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href="/espace/orientations">
          Toutes les orientations
        </a>
      </p>
      <OrientationFacts orientation={o} />
      {state.link ? (
        <div class="fr-alert fr-alert--info fr-mb-3w" role="status">
          <p>{`${state.link.label} Il ne sera plus affiché :`}</p>
          <p>
            <code id="lien-orientation">{state.link.url}</code>
          </p>
        </div>
      ) : null}
      {canAnswer ? <AnswerForms action={`${base}/reponse`} hidden={{ csrf: c.var.csrf }} accept={state.forms?.accept ?? emptyForm()} refuse={state.forms?.refuse ?? emptyForm()} /> : null}
      {canSend ? (
        <div class="fr-btns-group fr-btns-group--inline fr-mb-3w">
          {o.status === 'envoyée' ? (
            <form method="post" action={`${base}/lien`}>
              <Csrf token={c.var.csrf} />
              <button type="submit" class="fr-btn fr-btn--secondary">
                Créer le lien de réponse pour le lieu
              </button>
            </form>
          ) : null}
          <form method="post" action={`${base}/fiche`}>
            <Csrf token={c.var.csrf} />
            <button type="submit" class="fr-btn fr-btn--secondary">
              Fiche d'orientation à imprimer
            </button>
          </form>
          {o.personContact ? (
            <form method="post" action={`${base}/fiche-sms`}>
              <Csrf token={c.var.csrf} />
              <button type="submit" class="fr-btn fr-btn--secondary">
                Envoyer la fiche par SMS à la personne
              </button>
            </form>
          ) : null}
          {next.map((to) => (
            <form method="post" action={`${base}/statut`}>
              <Csrf token={c.var.csrf} />
              <input type="hidden" name="to" value={to} />
              <button type="submit" class="fr-btn fr-btn--tertiary">{`Marquer « ${to} »`}</button>
            </form>
          ))}
        </div>
      ) : null}
      <h2>Historique</h2>
      <Table
        caption="Historique de l'orientation"
        empty="Aucun changement."
        headers={['Quand', 'Statut', 'Par qui', 'Détail']}
        rows={props.history.map((e) => [formatDateTime(e.at), e.toStatus, e.author, e.detail ?? ''])}
      />
      <h2>Suivis</h2>
      <FollowUps followUps={props.followUps} />
      {props.access ? (
        <>
          <h2>Consultations</h2>
          <Table
            caption="Qui a ouvert cette orientation (données personnelles)"
            empty="Personne n'a encore ouvert cette orientation."
            headers={['Quand', 'Qui']}
            rows={props.access.map((a) => [formatDateTime(a.at), a.userEmail])}
          />
        </>
      ) : null}
    </Layout>
  );
}

const notFound = () => errorPage('Orientation introuvable', "Cette orientation n'existe pas, ou vous n'y avez pas accès.");

export function orientationDetailRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  const guard = allow('orientations');
  const { repository, events, procedures } = deps.orientations;
  const now = () => deps.clock.now();
  const base = (deps.publicBaseUrl ?? '').replace(/\/+$/, '');

  async function show(c: Context<WorkspaceEnv>, state: DetailState = {}, status: 200 | 400 | 409 = 200) {
    const o = await c.var.scoped.orientations.open(c.req.param('id') ?? '', now());
    if (!o) return c.html(notFound(), 404);
    const access = can(c.var.user.role, 'orientationAccessLog') ? await c.var.scoped.orientations.accessLog(o.id) : undefined;
    const followUps = await c.var.scoped.followUps.ofOrientation(o.id);
    return c.html(<DetailPage orientation={o} history={await repository.history(o.id)} followUps={followUps} c={c} state={state} {...(access ? { access } : {})} />, status);
  }

  /** The orientation if this user may act on it (in scope), else undefined. */
  const inScope = (c: Context<WorkspaceEnv>) => c.var.scoped.orientations.open(c.req.param('id') ?? '', now());

  app.get('/orientations/:id', guard, (c) => show(c));

  app.post('/orientations/:id/lien', guard, async (c) => {
    const o = await inScope(c);
    if (!o || ROLES[c.var.user.role].orientations === 'receiver') return c.html(notFound(), 404);
    const token = await issueToken(repository, o.id, 'answer', now(), ANSWER_TOKEN_DAYS);
    return show(c, { link: { label: `Donnez ce lien au lieu (valable ${ANSWER_TOKEN_DAYS} jours, une seule réponse).`, url: `${base}/o/${token}` } });
  });

  app.post('/orientations/:id/fiche', guard, async (c) => {
    const o = await inScope(c);
    if (!o || ROLES[c.var.user.role].orientations === 'receiver') return c.html(notFound(), 404);
    const token = await issueToken(repository, o.id, 'sheet', now(), SHEET_TOKEN_DAYS);
    return show(c, { link: { label: `La fiche à imprimer ou à montrer (valable ${SHEET_TOKEN_DAYS} jours).`, url: `${base}/fiche/${token}` } });
  });

  // The sheet's short SMS version, to the person who agreed to be called: plain words, no link (seniors distrust them).
  app.post('/orientations/:id/fiche-sms', guard, async (c) => {
    const o = await inScope(c);
    if (!o || !o.personContact || ROLES[c.var.user.role].orientations === 'receiver') return c.html(notFound(), 404);
    const mobile = frenchMobileE164(o.personContact);
    const error = !mobile
      ? "Le numéro de la personne n'est pas un portable : donnez-lui la fiche imprimée."
      : (await deps.isOptedOut(mobile))
        ? 'Cette personne a demandé à ne plus recevoir de SMS.'
        : !deps.smsSender
          ? "L'envoi de SMS n'est pas configuré sur ce serveur."
          : undefined;
    if (error || !mobile || !deps.smsSender) return show(c, { notice: { type: 'error', text: error ?? '' } }, 409);
    const documents = procedures.find((p) => p.id === o.procedureId)?.documents ?? [];
    const text = fillTemplate(sheetSms, { place: o.placeName, address: o.placeAddress, phone: o.placePhone ?? '', appointment: o.appointment ?? '', documents: documents.join(', '), sender: o.senderLabel });
    const sent = await deps.smsSender.send(mobile, text);
    if (!sent.ok) return show(c, { notice: { type: 'error', text: "Le SMS n'a pas pu partir. Réessayez plus tard." } }, 409);
    return show(c, { notice: { type: 'success', text: `Fiche envoyée par SMS au ${formatPhoneFr(mobile)}.` } });
  });

  app.post('/orientations/:id/statut', guard, async (c) => {
    const o = await inScope(c);
    const parsed = statusSchema.safeParse(await c.req.parseBody());
    if (!o || !parsed.success || ROLES[c.var.user.role].orientations === 'receiver') return c.html(notFound(), 404);
    const result = await changeOrientationStatus({ repository, events, now }, o, { to: parsed.data.to, author: c.var.user.email });
    if (result.outcome === 'changed') return show(c, { notice: { type: 'success', text: `Orientation marquée « ${parsed.data.to} ».` } });
    const text = result.outcome === 'refused' ? result.reason : result.outcome === 'conflict' ? `Quelqu'un l'a changée avant vous : elle est « ${result.current} ».` : 'Orientation introuvable.';
    return show(c, { notice: { type: 'error', text } }, 409);
  });

  app.post('/orientations/:id/reponse', guard, async (c) => {
    const o = await inScope(c);
    if (!o || ROLES[c.var.user.role].orientations === 'sender') return c.html(notFound(), 404);
    const answer = readAnswer({ ...(await c.req.parseBody()) });
    if ('form' in answer) return show(c, { forms: answer.form }, 400);
    const result = await changeOrientationStatus({ repository, events, now }, o, { ...answer.change, author: c.var.user.email });
    if (result.outcome === 'changed') return show(c, { notice: { type: 'success', text: `Réponse enregistrée : « ${result.orientation.status} ». L'envoyeur est prévenu.` } });
    const text = result.outcome === 'refused' ? result.reason : result.outcome === 'conflict' ? `Une autre réponse est arrivée avant la vôtre : elle est « ${result.current} ».` : 'Orientation introuvable.';
    return show(c, { notice: { type: 'error', text } }, 409);
  });
}
