// « Chercher un lieu »: for someone on the phone, the places near a commune or postal code, found by the very service
// the conversations use (same answers, distances and hours), and « Envoyer par SMS » to the number the agent types.
import { withPreposition } from '../../engine/template.js';
import type { Hono } from 'hono';
import * as z from 'zod';
import { Checkbox, Csrf, Field, Select } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { Table } from '../components/table.js';
import { emptyForm, formValues, readForm, type FormState } from '../forms.js';
import type { ServiceResult } from '../../engine/effects.js';
import { frenchMobile } from '../../conversation/send-sms.service.js';
import { formatPhoneFr } from '../../directory/format.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { allow } from '../auth/allow.js';
import { can } from '../auth/roles.js';
import { agentOrientation, OrientForm, orientSchema } from './lieux-orienter.js';
import { createOrientation } from '../../orientations/create.js';

export const PLACE_NEEDS = [
  ['demarches', 'Une démarche administrative'],
  ['apprendre', 'Apprendre le numérique'],
  ['materiel', 'Du matériel'],
  ['internet', 'Un accès à internet'],
] as const;

const yes = z
  .string()
  .optional()
  .transform((v) => v === 'oui');

export const searchSchema = z.object({
  commune: z.string().trim().min(2, 'Indiquez une commune ou un code postal.').max(80, 'Ce nom est trop long (80 caractères au plus).'),
  need: z.enum(PLACE_NEEDS.map(([v]) => v) as [string, ...string[]], { message: 'Choisissez un besoin dans la liste.' }),
  seniors: yes,
  free: yes,
  openNow: yes,
  withoutAppointment: yes,
  openOn: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .pipe(z.iso.date({ message: 'Choisissez un jour, par exemple 01/12/2026.' }).optional()),
});
type Search = z.output<typeof searchSchema>;

const smsSchema = z.object({
  to: z
    .string()
    .trim()
    .min(1, 'Indiquez le numéro de portable de la personne.')
    .max(30, 'Ce numéro est trop long.')
    .transform((v, ctx) => frenchMobile(v) ?? (ctx.addIssue({ code: 'custom', message: 'Indiquez un numéro de portable français, par exemple 06 12 34 56 78.' }), z.NEVER)),
});

export interface PlaceLine {
  name: string;
  address: string;
  distance: string;
  phone: string;
  opening: string;
  appointment: string;
}

type Outcome = { type: 'found'; commune: string; places: PlaceLine[] } | { type: 'none'; commune: string; vars: Record<string, string> };

/** Runs the conversation's search with the page's filters. `notFound` is a commune error, said beside the field. */
export async function searchPlaces(deps: WorkspaceDeps, search: Search): Promise<Outcome | 'notFound'> {
  const result: ServiceResult = await deps.findPlaces({
    query: search.commune,
    need: search.need,
    limit: '10',
    ...(search.seniors ? { public: 'seniors' } : {}),
    ...(search.free ? { free: 'yes' } : {}),
    ...(search.openNow ? { openNow: 'yes' } : {}),
    ...(search.withoutAppointment ? { withoutAppointment: 'yes' } : {}),
    ...(search.openOn ? { openOn: search.openOn } : {}),
  });
  const commune = result.vars?.['commune'] ?? search.commune;
  if (result.outcome === 'found') return { type: 'found', commune, places: (result.items ?? []) as unknown as PlaceLine[] };
  if (result.outcome === 'none') return { type: 'none', commune, vars: result.vars ?? {} };
  return 'notFound';
}

/** The SMS sent to the person: plain words, no link (seniors distrust links in SMS). */
export function placesSms(commune: string, places: PlaceLine[]): string {
  const lines = places.slice(0, 3).map((p, i) => `${i + 1}. ${p.name}, ${p.address}${p.phone ? `. Tél. ${p.phone}` : ''}${p.opening ? `. ${p.opening}` : ''}`);
  return `Relais : voici où trouver de l'aide près ${withPreposition('de', commune)}.\n${lines.join('\n')}`;
}

function SearchForm({ form }: { form: FormState }) {
  return (
    <form method="get" action="/espace/lieux" novalidate class="fr-mb-4w">
      <Field form={form} name="commune" label="Commune ou code postal" hint="Par exemple : Mende, ou 48000." maxLength={80} />
      <Select form={form} name="need" label="Besoin" options={[['', 'Choisir'], ...PLACE_NEEDS]} />
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend fr-text--regular">Filtres</legend>
        <Checkbox form={form} name="seniors" label="Accueille les personnes âgées" />
        <Checkbox form={form} name="free" label="Gratuit" />
        <Checkbox form={form} name="openNow" label="Ouvert maintenant" />
        <Checkbox form={form} name="withoutAppointment" label="Sans rendez-vous" />
      </fieldset>
      <Field form={form} name="openOn" type="date" label="Ouvert le" hint="Facultatif : un jour où la personne peut y aller." />
      <button type="submit" class="fr-btn">
        Chercher
      </button>
    </form>
  );
}

function Results({ outcome, form, smsForm, csrf, orientForm }: { outcome: Outcome; form: FormState; smsForm: FormState; csrf: string; orientForm?: FormState | undefined }) {
  if (outcome.type === 'none') {
    const v = outcome.vars;
    return (
      <div class="fr-callout">
        <p class="fr-callout__text">
          {`Aucun lieu à moins de ${v['radiusKm'] ?? ''} km ${withPreposition('de', outcome.commune)}.`}
          {v['farName'] ? ` Le plus proche : ${v['farName']}, à ${v['farDistance']}${v['farPhone'] ? `, tél. ${v['farPhone']}` : ''}.` : ''}
          {v['itinerant'] ? ` Services itinérants : ${v['itinerant']}.` : ''}
        </p>
      </div>
    );
  }
  return (
    <>
      <h2>{`Près ${withPreposition('de', outcome.commune)}`}</h2>
      <Table
        caption={`Lieux près ${withPreposition('de', outcome.commune)}, du plus proche au plus loin`}
        empty="Aucun lieu."
        headers={['Lieu', 'Adresse', 'Distance', 'Téléphone', 'Horaires']}
        rows={outcome.places.map((p) => [p.name, p.address, p.distance, p.phone || '—', [p.opening, p.appointment].filter(Boolean).join(' ') || '—'])}
      />
      <h2>Envoyer par SMS</h2>
      <form method="post" action="/espace/lieux/sms" novalidate>
        <Csrf token={csrf} />
        {Object.entries(form.values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <Field form={smsForm} name="to" label="Numéro de portable de la personne" hint="Les trois lieux les plus proches lui seront envoyés." type="tel" maxLength={30} />
        <button type="submit" class="fr-btn fr-btn--secondary">
          Envoyer par SMS
        </button>
      </form>
      {orientForm ? <OrientForm places={outcome.places} form={orientForm} searchValues={form.values} csrf={csrf} /> : null}
    </>
  );
}

export function lieuxRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  const guard = allow('places');
  const page = (c: { var: WorkspaceEnv['Variables'] }, form: FormState, content?: unknown, notice?: { type: 'success' | 'error'; text: string }) => (
    <Layout title="Chercher un lieu" user={c.var.user} current="/espace/lieux" csrf={c.var.csrf} notice={notice}>
      <SearchForm form={form} />
      {content as never}
    </Layout>
  );

  app.get('/lieux', guard, async (c) => {
    const query = c.req.query();
    if (Object.keys(query).length === 0) return c.html(page(c, emptyForm({ need: 'demarches' })));
    const result = readForm(searchSchema, query);
    if (!result.ok) return c.html(page(c, result), 400);
    const outcome = await searchPlaces(deps, result.data);
    if (outcome === 'notFound') return c.html(page(c, { values: result.values, errors: { commune: `Aucune commune ne s'appelle « ${result.data.commune} ». Vérifiez l'orthographe ou donnez le code postal.` } }), 400);
    const orientForm = can(c.var.user.role, 'orientations') ? emptyForm() : undefined;
    return c.html(page(c, emptyForm(result.values), <Results outcome={outcome} form={emptyForm(result.values)} smsForm={emptyForm()} csrf={c.var.csrf} orientForm={orientForm} />));
  });

  app.post('/lieux/sms', guard, async (c) => {
    const body = await c.req.parseBody();
    const search = readForm(searchSchema, body);
    const { csrf: _csrf, to: _to, ...searchValues } = formValues(body);
    if (!search.ok) return c.html(page(c, search), 400);
    const outcome = await searchPlaces(deps, search.data);
    if (outcome === 'notFound' || outcome.type !== 'found') return c.html(page(c, { values: searchValues, errors: { commune: 'Aucun lieu à envoyer pour cette commune.' } }), 400);
    const sms = readForm(smsSchema, body);
    const show = (smsForm: FormState, status: number, notice?: { type: 'success' | 'error'; text: string }) =>
      c.html(page(c, emptyForm(searchValues), <Results outcome={outcome} form={emptyForm(searchValues)} smsForm={smsForm} csrf={c.var.csrf} />, notice), status as 200);
    if (!sms.ok) return show({ values: { to: sms.values['to'] ?? '' }, errors: sms.errors }, 400);
    const to = sms.data.to;
    if (await deps.isOptedOut(to)) {
      return show({ values: { to: sms.values['to'] ?? '' }, errors: { to: "Cette personne a demandé à ne plus recevoir de SMS de Relais (STOP) : rien n'a été envoyé." } }, 409);
    }
    if (!deps.smsSender) return show(emptyForm({ to: sms.values['to'] ?? '' }), 503, { type: 'error', text: "L'envoi de SMS n'est pas configuré sur ce serveur : rien n'a été envoyé." });
    const sent = await deps.smsSender.send(to, placesSms(outcome.commune, outcome.places));
    if (!sent.ok) {
      deps.logger.error('workspace.sms.failed', { status: sent.status });
      return show(emptyForm({ to: sms.values['to'] ?? '' }), 502, { type: 'error', text: "Le SMS n'a pas pu partir. Réessayez dans un instant." });
    }
    deps.logger.info('workspace.sms.sent', { sid: sent.sid, by: c.var.user.id });
    return show(emptyForm(), 200, { type: 'success', text: `SMS envoyé au ${formatPhoneFr(to) ?? to}.` });
  });

  app.post('/lieux/orienter', guard, allow('orientations'), async (c) => {
    const body = await c.req.parseBody();
    const search = readForm(searchSchema, body);
    const { csrf: _csrf, rank: _rank, consent: _consent, contact: _contact, ...searchValues } = formValues(body);
    if (!search.ok) return c.html(page(c, search), 400);
    const outcome = await searchPlaces(deps, search.data);
    if (outcome === 'notFound' || outcome.type !== 'found') return c.html(page(c, { values: searchValues, errors: { commune: 'Aucun lieu à prévenir pour cette commune.' } }), 400);
    const orient = readForm(orientSchema, body);
    const place = orient.ok ? (outcome.places[orient.data.rank - 1] as (PlaceLine & { placeId?: string; hours?: string }) | undefined) : undefined;
    if (!orient.ok || !place?.placeId) {
      const errors = orient.ok ? { rank: 'Ce lieu n’est plus dans la liste : choisissez-en un autre.' } : orient.errors;
      const shown = { values: { rank: orient.values['rank'] ?? '', consent: orient.values['consent'] ?? '', contact: orient.values['contact'] ?? '' }, errors };
      return c.html(page(c, emptyForm(searchValues), <Results outcome={outcome} form={emptyForm(searchValues)} smsForm={emptyForm()} csrf={c.var.csrf} orientForm={shown} />), 400);
    }
    const at = deps.clock.now();
    const { repository, events } = deps.orientations;
    const orientation = agentOrientation(
      c.var.user,
      {
        place: { ...place, placeId: place.placeId },
        need: search.data.need,
        commune: outcome.commune,
        contact: orient.data.contact,
        placeStructureId: await repository.structureOfPlace(c.var.user.departement, place.placeId),
      },
      at,
      c.var.user.role === 'relay' ? await repository.relayById(c.var.user.id) : undefined,
    );
    await createOrientation({ repository, events }, orientation, at);
    return c.redirect(`/espace/orientations/${orientation.id}`, 303);
  });
}
