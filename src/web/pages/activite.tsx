// « Activité »: the department's figures for a period (a national role sees every department, or one), as accessible
// server-drawn charts each with its table, every count under five shown « < 5 ». The period comes from the query
// string (`?du=YYYY-MM-DD&au=YYYY-MM-DD`); a bad date gets its French error beside the field.
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { emptyLabels } from '../../../data/activity-labels.fr.js';
import { shown, type Share } from '../../activity/figures.js';
import { allow } from '../auth/allow.js';
import { BarChart, FigureTable } from '../components/bar-chart.js';
import { Field } from '../components/field.js';
import { Layout } from '../components/layout.js';
import type { FormState } from '../forms.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { loadActivity, type ActivityView } from '../activity-figures.js';
import { periodQuery, readPeriod } from '../activity-period.js';

/** The period form, shared by the dashboard and the map. */
export function PeriodForm({ form, action, national }: { form: FormState; action: string; national: boolean }) {
  return (
    <form method="get" action={action} class="fr-mb-4w" novalidate>
      <fieldset class="fr-fieldset">
        <legend class="fr-fieldset__legend">Période</legend>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <Field form={form} name="du" label="Du" hint="Format : 2026-09-01" type="date" />
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <Field form={form} name="au" label="Au" hint="Format : 2026-11-30" type="date" />
        </div>
        {national ? (
          <div class="fr-fieldset__element fr-fieldset__element--inline">
            <Field form={form} name="departement" label="Département" hint="Vide : toute la France" maxLength={3} />
          </div>
        ) : null}
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <button type="submit" class="fr-btn">
            Afficher
          </button>
        </div>
      </fieldset>
    </form>
  );
}

const rows = (shares: Share[]) => shares.map((s) => [s.label, shown(s.n)]);

function KeyFigures({ view }: { view: ActivityView }) {
  const f = view.figures;
  const outcome = (code: string) => f.outcomes.find((o) => o.code === code)?.n ?? 0;
  const tiles: [string, number][] = [
    ['Personnes accompagnées (conversations)', f.conversations],
    ['Nouvelles personnes', f.newPeople],
    ['Lieux d’aide donnés', outcome('places-given')],
    ['Zones blanches signalées', outcome('white-zone')],
    ['Rappels demandés', outcome('callback-requested')],
    ['Segments SMS envoyés', f.smsSegments],
  ];
  return (
    <FigureTable caption="Chiffres clés" headers={['Chiffre', 'Nombre']} rows={tiles.map(([label, n]) => [label, shown(n)])} />
  );
}

export function ActivitySections({ view }: { view: ActivityView }) {
  const f = view.figures;
  const meanDelay = f.callbacks.meanDelayMinutes;
  return (
    <>
      <h2>Chiffres clés</h2>
      <KeyFigures view={view} />

      <h2>Les personnes</h2>
      <BarChart title="Conversations par canal" shares={f.byChannel} empty={emptyLabels.generic} />
      <BarChart title="Qui a sollicité Relais" shares={f.initiators} empty={emptyLabels.generic} />
      {f.profile.map((p) => (
        <BarChart title={`Situation : ${p.label.toLowerCase()}`} shares={p.values} empty={emptyLabels.generic} />
      ))}

      <h2>Besoins et démarches</h2>
      <BarChart title="Besoins exprimés" shares={f.needs} empty={emptyLabels.generic} />
      <BarChart title="Démarches expliquées" shares={f.procedures.slice(0, 15)} empty={emptyLabels.generic} />

      <h2>Résultats</h2>
      <BarChart title="Ce que les personnes ont obtenu" shares={f.outcomes} empty={emptyLabels.generic} />

      <h2>Orientations</h2>
      <BarChart title="Orientations par statut" shares={f.orientationsByStatus} empty={emptyLabels.orientations} />
      <BarChart title="Orientations envoyées par lieu d’accueil" shares={f.orientationsByPlace} empty={emptyLabels.orientations} />

      <h2>Suivis</h2>
      <BarChart title="Après l’orientation : la personne y est-elle allée ?" shares={f.visits} empty={emptyLabels.followUps} />
      {f.evaluations.map((e) => (
        <BarChart title={`Évaluation à froid : ${e.question}`} shares={e.answers} empty={emptyLabels.followUps} unit="Réponses" />
      ))}
      {f.satisfaction.map((e) => (
        <BarChart title={`Satisfaction, question ${e.question}`} shares={e.answers} empty={emptyLabels.generic} unit="Réponses" />
      ))}

      <h2>Rappels</h2>
      {f.callbacks.closed === 0 ? (
        <p>{emptyLabels.callbacks}</p>
      ) : (
        <>
          <BarChart title="Rappels terminés par résultat" shares={f.callbacks.byOutcome} empty={emptyLabels.callbacks} />
          <p>
            {`Personnes jointes : ${shown(f.callbacks.answered)}. Délai moyen entre la demande et le rappel : ${
              meanDelay === undefined ? 'non indiqué (moins de 5 rappels)' : delayText(meanDelay)
            }.`}
          </p>
        </>
      )}

      <h2>Coût des SMS</h2>
      <p>{`Segments SMS envoyés sur la période : ${shown(f.smsSegments)}.`}</p>

      <h2>Tendances</h2>
      <BarChart title="Conversations par mois" shares={view.trends.months} empty={emptyLabels.generic} />
      <BarChart title="Conversations par semaine" shares={view.trends.weeks} empty={emptyLabels.generic} />
    </>
  );
}

export function delayText(minutes: number): string {
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.round(minutes / 6) / 10;
  return hours < 48 ? `${String(hours).replace('.', ',')} heures` : `${Math.round(hours / 24)} jours`;
}

export const scopeName = (departement: string | undefined) => (departement ? `département ${departement}` : 'toute la France');

export function activiteRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  app.get('/activite', allow('activity'), async (c) => {
    const asked = readPeriod(c.req.query(), deps.clock.now());
    const national = c.var.scoped.activity.national;
    const page = (status: 200 | 400, body: Child) =>
      c.html(
        <Layout title="Activité" user={c.var.user} current="/espace/activite" csrf={c.var.csrf}>
          <PeriodForm form={asked.form} action="/espace/activite" national={national} />
          {body}
        </Layout>,
        status,
      );
    if (!asked.ok) return page(400, <p>Corrigez la période pour voir les chiffres.</p>);
    const view = await loadActivity(c.var.scoped, deps, asked.period, asked.departement);
    const query = periodQuery(asked.form);
    return page(
      200,
      <>
        <p>
          {`Chiffres du ${scopeName(view.departement)}, anonymes : aucun numéro, aucun nom, aucun message. Moins de 5 personnes : « < 5 ».`}
        </p>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-mb-4w">
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/espace/activite.csv?${query}`}>
              Télécharger le tableau (CSV)
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/espace/activite/rapport?${query}`}>
              Rapport à imprimer
            </a>
          </li>
          <li>
            <a class="fr-btn fr-btn--secondary" href={`/espace/zones-blanches?${query}`}>
              Carte des zones blanches
            </a>
          </li>
        </ul>
        <ActivitySections view={view} />
      </>,
    );
  });
}
