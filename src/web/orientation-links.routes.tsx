// The links without an account: /o/:token, where the receiving place accepts (with a time) or refuses an
// orientation, once; /fiche/:token, the printable orientation sheet. Tokens are unguessable, expiring, kept as
// hashes. A tampered, expired, used or mismatched link gets a kind page and changes nothing.
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { answerAuthor } from '../../data/orientations.fr.js';
import type { Orientation } from '../db/orientation-repository.js';
import { changeOrientationStatus, type ChangeResult } from '../orientations/change-status.js';
import type { StatusChange } from '../orientations/statuses.js';
import { tokenHash } from '../orientations/tokens.js';
import { AnswerForms, OrientationFacts, acceptSchema, refuseSchema } from './components/orientation-answer.js';
import { Layout } from './components/layout.js';
import type { WorkspaceDeps } from './context.js';
import { emptyForm, readForm, type FormState } from './forms.js';
import { SheetPage } from './pages/fiche.js';

function KindPage({ title, text }: { title: string; text: string }) {
  return (
    <Layout title={title}>
      <p>{text}</p>
      <p>Pour toute question, appelez la plateforme du département : son numéro figure dans le message qui vous a donné ce lien.</p>
    </Layout>
  );
}

const page = (c: Context, title: string, text: string, status: 200 | 400 | 403 | 404 | 409 | 410): Promise<Response> => Promise.resolve(c.html(<KindPage title={title} text={text} />, status));

export function orientationLinkRoutes(deps: WorkspaceDeps): Hono {
  const app = new Hono();
  const { repository, events, procedures } = deps.orientations;
  const now = () => deps.clock.now();
  const publicOrigin = deps.publicBaseUrl ? new URL(deps.publicBaseUrl).origin : undefined;
  const originCheck = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === publicOrigin });
  app.use('*', async (c, next) => {
    try {
      await originCheck(c, next);
    } catch (error) {
      if (!(error instanceof HTTPException) || error.status !== 403) throw error;
      return page(c, 'Formulaire refusé', "Ce formulaire ne vient pas de la page de Relais. Ouvrez de nouveau le lien et recommencez.", 403);
    }
    // The person's number may be on these pages: never cached, framed, or sent to another site.
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Frame-Options', 'DENY');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
  });

  /** The token's orientation if the link still works; else the kind page that says why. */
  async function open(c: Context, token: string): Promise<{ orientation: Orientation; hash: string } | { response: Promise<Response> }> {
    const hash = await tokenHash(token);
    const found = await repository.findToken(hash, 'answer');
    if (!found) return { response: page(c, 'Lien introuvable', "Ce lien n'est pas valable. Vérifiez qu'il est complet, ou demandez-en un nouveau à la plateforme du département.", 404) };
    if (found.usedAt !== null) {
      return { response: page(c, 'Réponse déjà donnée', `Ce lien a déjà servi : la réponse est enregistrée (orientation « ${found.orientation.status} »). Merci.`, 410) };
    }
    if (found.expiresAt <= now()) return { response: page(c, 'Lien expiré', "Ce lien a expiré. Appelez la plateforme du département pour répondre à cette orientation.", 410) };
    return { orientation: found.orientation, hash };
  }

  const answerPage = (c: Context, token: string, orientation: Orientation, forms: { accept?: FormState; refuse?: FormState } = {}, status: 200 | 400 = 200) =>
    c.html(
      <Layout title="Une personne vous est orientée">
        <p>Relais vous oriente une personne. Merci de répondre une fois : la personne et celui qui l'oriente seront prévenus.</p>
        <OrientationFacts orientation={orientation} />
        <AnswerForms action={`/o/${encodeURIComponent(token)}`} hidden={{ orientation: orientation.id }} accept={forms.accept ?? emptyForm()} refuse={forms.refuse ?? emptyForm()} />
      </Layout>,
      status,
    );

  app.get('/o/:token', async (c) => {
    const opened = await open(c, c.req.param('token'));
    if ('response' in opened) return opened.response;
    if (opened.orientation.personContact) await repository.logLinkAccess(opened.orientation, 'lien de réponse du lieu', now());
    return answerPage(c, c.req.param('token'), opened.orientation);
  });

  app.post('/o/:token', async (c) => {
    const token = c.req.param('token');
    const opened = await open(c, token);
    if ('response' in opened) return opened.response;
    const body = await c.req.parseBody();
    // A link answers for its own orientation only: an id from another page (another place's link) changes nothing.
    if (body['orientation'] !== opened.orientation.id) return page(c, 'Lien refusé', "Ce lien ne correspond pas à cette orientation. Rien n'a été modifié.", 403);
    // Answered meanwhile through another link (or by the platform): the other answer won.
    if (opened.orientation.status !== 'envoyée') return answered(c, { outcome: 'conflict', current: opened.orientation.status });
    const change = readAnswer(body);
    if ('form' in change) return answerPage(c, token, opened.orientation, change.form, 400);
    const result = await changeOrientationStatus({ repository, events, now }, opened.orientation, change.change, { hash: opened.hash });
    return answered(c, result);
  });

  app.get('/fiche/:token', async (c) => {
    const found = await repository.findToken(await tokenHash(c.req.param('token')), 'sheet');
    if (!found || found.expiresAt <= now()) return page(c, 'Fiche introuvable', "Cette fiche n'est plus disponible. Demandez-la de nouveau à la personne qui vous a orienté.", 404);
    const procedure = found.orientation.procedureId ? procedures.find((p) => p.id === found.orientation.procedureId) : undefined;
    return c.html(<SheetPage orientation={found.orientation} documents={procedure?.documents ?? []} />);
  });

  return app;
}

/** The posted answer as a status change, or the form to show again with its French errors. */
export function readAnswer(body: Record<string, unknown>): { change: StatusChange } | { form: { accept?: FormState; refuse?: FormState } } {
  if (body['decision'] === 'refuser') {
    const refused = readForm(refuseSchema, body);
    return refused.ok ? { change: { to: 'refusée', author: answerAuthor, refusalReason: refused.data.refusalReason } } : { form: { refuse: refused } };
  }
  const accepted = readForm(acceptSchema, body);
  return accepted.ok ? { change: { to: 'acceptée', author: answerAuthor, appointment: accepted.data.appointment } } : { form: { accept: accepted } };
}

export function answered(c: Context, result: ChangeResult) {
  switch (result.outcome) {
    case 'changed':
      return page(c, 'Merci, votre réponse est enregistrée', `L'orientation est maintenant « ${result.orientation.status} ». La personne qui l'a envoyée est prévenue.`, 200);
    case 'conflict':
      return page(c, 'Une réponse est déjà arrivée', `Une autre réponse a été enregistrée juste avant la vôtre : l'orientation est « ${result.current} ». Rien d'autre n'a été modifié.`, 409);
    case 'refused':
      return page(c, 'Réponse impossible', result.reason, 409);
    case 'notFound':
      return page(c, 'Orientation introuvable', "Cette orientation n'existe plus.", 404);
  }
}
