// « Orientations »: the list a role may see (the department's for the platform, one's own and one's structure's for a
// relay, the inbox of a structure's staff), filtered by status, place, need and date, with the counts by status.
import type { Hono } from 'hono';
import * as z from 'zod';
import type { Orientation } from '../../db/orientation-repository.js';
import { ORIENTATION_STATUSES } from '../../orientations/statuses.js';
import { allow } from '../auth/allow.js';
import { ROLES } from '../auth/roles.js';
import { Field, Select } from '../components/field.js';
import { Layout } from '../components/layout.js';
import { NEED_LABELS } from '../components/orientation-answer.js';
import { Table } from '../components/table.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { formatDateTime } from '../format.js';
import { readForm, type FormState } from '../forms.js';
import { orientationDetailRoutes } from './orientation-detail.js';
import { parisLocalToEpoch } from '../../directory/hours.js';

const day = z
  .string()
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2})?$/, 'Une date, par exemple 2026-11-24.')
  .default('');

export const filterSchema = z.object({
  statut: z.enum(['', ...ORIENTATION_STATUSES], { message: 'Choisissez un statut dans la liste.' }).default(''),
  lieu: z.string().trim().max(100, 'Cent caractères au plus.').default(''),
  besoin: z.enum(['', ...Object.keys(NEED_LABELS)] as [string, ...string[]], { message: 'Choisissez un besoin dans la liste.' }).default(''),
  du: day,
  au: day,
});

const epochOfDay = (text: string, plusDays = 0) => {
  const [y, m, d] = text.split('-').map(Number);
  return parisLocalToEpoch(y!, m!, d! + plusDays, 0, 0);
};

const SCOPE_TEXT = {
  department: 'Les orientations de votre département, la plus récente en premier.',
  sender: 'Les orientations que vous et votre structure avez envoyées.',
  receiver: 'Les personnes orientées vers votre structure.',
};

function OrientationsPage(props: { items: Orientation[]; counts: Record<string, number>; filters: FormState; user: WorkspaceEnv['Variables']['user']; csrf: string }) {
  const { items, counts, filters } = props;
  return (
    <Layout title="Orientations" user={props.user} current="/espace/orientations" csrf={props.csrf}>
      <p>{SCOPE_TEXT[ROLES[props.user.role].orientations]}</p>
      <ul class="fr-tags-group fr-mb-2w" aria-label="Nombre d'orientations par statut">
        {ORIENTATION_STATUSES.map((s) => (
          <li>
            <p class="fr-tag">{`${s} : ${counts[s] ?? 0}`}</p>
          </li>
        ))}
      </ul>
      <form method="get" action="/espace/orientations" novalidate class="fr-mb-3w">
        <div class="fr-grid-row fr-grid-row--gutters">
          <div class="fr-col-12 fr-col-md-2">
            <Select form={filters} name="statut" label="Statut" options={[['', 'Tous'], ...ORIENTATION_STATUSES.map((s) => [s, s] as const)]} />
          </div>
          <div class="fr-col-12 fr-col-md-3">
            <Field form={filters} name="lieu" label="Lieu" />
          </div>
          <div class="fr-col-12 fr-col-md-3">
            <Select form={filters} name="besoin" label="Besoin" options={[['', 'Tous'], ...Object.entries(NEED_LABELS)]} />
          </div>
          <div class="fr-col-6 fr-col-md-2">
            <Field form={filters} name="du" label="Du" type="date" />
          </div>
          <div class="fr-col-6 fr-col-md-2">
            <Field form={filters} name="au" label="Au" type="date" />
          </div>
        </div>
        <button type="submit" class="fr-btn fr-btn--secondary">
          Filtrer
        </button>
      </form>
      <Table
        caption="Orientations"
        empty="Aucune orientation pour ces critères."
        headers={['Envoyée le', 'Lieu', 'Besoin', 'Par', 'Statut', '']}
        rows={items.map((o) => [
          formatDateTime(o.createdAt),
          o.placeName,
          [NEED_LABELS[o.need ?? ''] ?? '', o.procedureTitle ?? ''].filter(Boolean).join(' : '),
          o.senderLabel,
          <strong>{o.status}</strong>,
          <a class="fr-link" href={`/espace/orientations/${o.id}`} aria-label={`Voir l'orientation vers ${o.placeName} du ${formatDateTime(o.createdAt)}`}>
            Voir
          </a>,
        ])}
      />
    </Layout>
  );
}

export function orientationsRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  app.get('/orientations', allow('orientations'), async (c) => {
    const form = readForm(filterSchema, c.req.query());
    const scoped = c.var.scoped.orientations;
    const f = form.ok ? form.data : { statut: '', lieu: '', besoin: '', du: '', au: '' };
    const items = await scoped.list({
      status: f.statut || undefined,
      place: f.lieu || undefined,
      need: f.besoin || undefined,
      from: f.du ? epochOfDay(f.du) : undefined,
      to: f.au ? epochOfDay(f.au, 1) : undefined,
    });
    const filters: FormState = { values: form.values, errors: form.ok ? {} : form.errors };
    return c.html(<OrientationsPage items={items} counts={await scoped.counts()} filters={filters} user={c.var.user} csrf={c.var.csrf} />, form.ok ? 200 : 400);
  });
  orientationDetailRoutes(app, deps);
}
