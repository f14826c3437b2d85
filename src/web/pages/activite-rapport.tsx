// `/espace/activite/rapport`: one A4 page summarising the period for a conférence des financeurs meeting — people,
// channels, needs, outcomes, referrals, follow-ups, callbacks, white zones — in tables only (every count under five
// shown « < 5 »), with the browser's print button. Its own small frame: no menu, print styles for A4.
import type { Hono } from 'hono';
import { emptyLabels } from '../../../data/activity-labels.fr.js';
import { isoDay } from '../../activity/facts.js';
import { frenchDate, shown, type Share } from '../../activity/figures.js';
import { allow } from '../auth/allow.js';
import { FigureTable } from '../components/bar-chart.js';
import { ASSETS } from '../components/layout.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { loadActivity } from '../activity-figures.js';
import { readPeriod } from '../activity-period.js';
import { delayText, scopeName } from './activite.js';
import { communeFigures } from './zones-blanches.js';
import { errorPage } from './error.js';

const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
body { font-size: 0.8rem; }
.rapport { max-width: 190mm; margin: 0 auto; padding: 1rem; }
.rapport h1 { font-size: 1.4rem; margin-bottom: 0.3rem; }
.rapport h2 { font-size: 1rem; margin: 0.6rem 0 0.2rem; }
.rapport .fr-table { margin-bottom: 0.4rem; }
.rapport .fr-table table { font-size: 0.75rem; }
.rapport .fr-table th, .rapport .fr-table td { padding: 0.15rem 0.4rem; }
.colonnes { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
@media print { .sans-impression { display: none; } }
`;

const top = (shares: Share[], n = 6) => shares.slice(0, n).map((s) => [s.label, shown(s.n)]);

export function rapportRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  app.get('/activite/rapport', allow('activity'), async (c) => {
    const asked = readPeriod(c.req.query(), deps.clock.now());
    if (!asked.ok) return c.html(errorPage('Période invalide', Object.values(asked.form.errors).join(' ')), 400);
    const view = await loadActivity(c.var.scoped, deps, asked.period, asked.departement);
    const f = view.figures;
    const zones = communeFigures(await c.var.scoped.activity.byCommune(asked.period, asked.departement), (code) => deps.atlas?.communeName(code) ?? code).filter((z) => z.whiteZones > 0);
    const title = `Relais : activité du ${frenchDate(isoDay(asked.period.from))} au ${frenchDate(isoDay(asked.period.to))}`;
    const block = (caption: string, rows: string[][], empty = emptyLabels.generic) =>
      rows.length === 0 ? (
        <>
          <h2>{caption}</h2>
          <p>{empty}</p>
        </>
      ) : (
        <>
          <h2>{caption}</h2>
          <FigureTable caption={caption} headers={['', 'Nombre']} rows={rows} />
        </>
      );
    return c.html(
      <html lang="fr" data-fr-scheme="light">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} · Relais`}</title>
          <link rel="stylesheet" href={`${ASSETS}/dsfr.min.css`} />
          <style>{PRINT_CSS}</style>
        </head>
        <body>
          <main class="rapport" id="contenu">
            <h1>{title}</h1>
            <p>{`${scopeName(view.departement)[0]!.toUpperCase()}${scopeName(view.departement).slice(1)}. Chiffres anonymes : moins de 5 personnes s’écrit « < 5 ».`}</p>
            <p class="sans-impression">
              <a class="fr-link" href={`/espace/activite?${new URLSearchParams(c.req.query()).toString()}`}>
                Revenir au tableau de bord
              </a>{' '}
              (imprimez cette page avec la commande Imprimer de votre navigateur.)
            </p>
            <div class="colonnes">
              <div>
                {block('Les personnes', [
                  ['Personnes accompagnées (conversations)', shown(f.conversations)],
                  ['Nouvelles personnes', shown(f.newPeople)],
                  ...top(f.byChannel).map(([l, n]) => [`Par ${l}`, n!]),
                ])}
                {block('Qui a sollicité Relais', top(f.initiators))}
                {block('Besoins exprimés', top(f.needs))}
                {block('Démarches les plus demandées', top(f.procedures, 5))}
              </div>
              <div>
                {block('Résultats', top(f.outcomes, 8))}
                {block('Orientations', top(f.orientationsByStatus), emptyLabels.orientations)}
                {block('Suivis', top(f.visits), emptyLabels.followUps)}
                {block(
                  'Rappels',
                  f.callbacks.closed === 0
                    ? []
                    : [
                        ['Rappels terminés', shown(f.callbacks.closed)],
                        ['Personnes jointes', shown(f.callbacks.answered)],
                        ['Délai moyen', f.callbacks.meanDelayMinutes === undefined ? 'non indiqué' : delayText(f.callbacks.meanDelayMinutes)],
                      ],
                  emptyLabels.callbacks,
                )}
                {block('Zones blanches (communes)', zones.slice(0, 6).map((z) => [z.name, shown(z.whiteZones)]), 'Aucune demande en zone blanche sur la période.')}
                {block('SMS', [['Segments envoyés', shown(f.smsSegments)]])}
              </div>
            </div>
          </main>
        </body>
      </html>,
    );
  });
}
