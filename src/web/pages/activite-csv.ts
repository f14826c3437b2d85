// `/espace/activite.csv`: the period's figures as French spreadsheets open them (UTF-8 with a byte-order mark, `;`
// between fields), one row per month, commune, kind, code and channel, with the conseiller numérique activity
// report's fields where they apply (place, date, type of support, themes, continuation). Counts under five: « < 5 ».
import type { Hono } from 'hono';
import { stringify } from 'csv-stringify/sync';
import * as labels from '../../../data/activity-labels.fr.js';
import { CHANNEL_OF_CODE, KIND_OF_CODE, type FactKind } from '../../activity/facts.js';
import { shown } from '../../activity/figures.js';
import type { ExportRow } from '../../db/activity-repository.js';
import { allow } from '../auth/allow.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { labelsOf } from '../activity-figures.js';
import { readPeriod } from '../activity-period.js';
import { errorPage } from './error.js';

export const CSV_COLUMNS = [
  'Période du',
  'Période au',
  'Mois',
  'Département',
  'Code commune (INSEE)',
  'Commune',
  'EPCI (SIREN)',
  'EPCI',
  'Canal',
  'Type',
  'Code',
  'Libellé',
  'Détail',
  'Type d’accompagnement',
  'Thème',
  'Suite donnée',
  'Nombre',
] as const;

const KIND_LABELS: Record<FactKind, string> = {
  conversation: 'Conversation',
  need: 'Besoin',
  procedure: 'Démarche',
  outcome: 'Résultat',
  initiator: 'Qui sollicite',
  profile: 'Situation',
  segments: 'Segments SMS',
  callback: 'Rappel',
  orientation: 'Orientation',
  suivi: 'Suivi',
  satisfaction: 'Satisfaction',
};

export function activityCsv(rows: ExportRow[], period: { du: string; au: string }, deps: Pick<WorkspaceDeps, 'atlas'>): string {
  const l = labelsOf(deps);
  const lines = rows.map((r) => {
    const kind = KIND_OF_CODE.get(r.kind) ?? 'outcome';
    const epci = r.commune ? deps.atlas?.epciOf(r.commune) : undefined;
    const label = codeLabel(kind, r.code, l);
    const theme = kind === 'need' || kind === 'procedure' ? label : '';
    const continuation = kind === 'outcome' || kind === 'orientation' || kind === 'callback' ? label : '';
    const support = kind === 'outcome' && r.code === 'workshop-booked' ? labels.supportTypeLabels.collective : kind === 'orientation' || kind === 'suivi' ? labels.supportTypeLabels.individual : labels.supportTypeLabels.oneOff;
    return [
      period.du,
      period.au,
      r.month,
      r.departement,
      r.commune,
      r.commune ? (deps.atlas?.communeName(r.commune) ?? '') : '',
      epci?.code ?? '',
      epci?.name ?? '',
      l.channel[CHANNEL_OF_CODE.get(r.channel) ?? ''] ?? '',
      KIND_LABELS[kind],
      r.code,
      label,
      detailLabel(kind, r.code, r.detail, l),
      support,
      theme,
      continuation,
      shown(r.n),
    ];
  });
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...lines], { delimiter: ';', record_delimiter: '\r\n' })}`;
}

function codeLabel(kind: FactKind, code: string, l: ReturnType<typeof labelsOf>): string {
  switch (kind) {
    case 'need':
      return l.need[code] ?? code;
    case 'procedure':
      return l.procedure(code);
    case 'outcome':
      return l.outcome[code] ?? code;
    case 'initiator':
      return l.initiator[code] ?? code;
    case 'orientation':
      return l.orientation[code] ?? code;
    case 'callback':
      return l.callback[code] ?? code;
    case 'profile':
      return l.profile[code]?.label ?? code;
    default:
      return code;
  }
}

function detailLabel(kind: FactKind, code: string, detail: string, l: ReturnType<typeof labelsOf>): string {
  if (kind === 'profile') return l.profile[code]?.values[detail] ?? detail;
  if (kind === 'orientation') return detail ? l.place(detail) : '';
  if (kind === 'suivi' && code === 'visite') return l.visit[detail] ?? detail;
  if (kind === 'outcome') return l.need[detail] ?? detail;
  if (kind === 'conversation') return detail === 'new' ? 'Nouvelle personne' : detail === 'returning' ? 'Personne déjà venue' : detail;
  return detail;
}

export function activiteCsvRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  app.get('/activite.csv', allow('activity'), async (c) => {
    const asked = readPeriod(c.req.query(), deps.clock.now());
    if (!asked.ok) return c.html(errorPage('Période invalide', Object.values(asked.form.errors).join(' ')), 400);
    const rows = await c.var.scoped.activity.exportRows(asked.period, asked.departement);
    const csv = activityCsv(rows, { du: asked.form.values['du']!, au: asked.form.values['au']! }, deps);
    const scope = c.var.scoped.activity.scopeOf(asked.departement) ?? 'france';
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="relais-activite-${scope}-${asked.form.values['du']}-${asked.form.values['au']}.csv"`,
    });
  });
}
