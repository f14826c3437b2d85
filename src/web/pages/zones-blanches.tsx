// « Zones blanches »: the department's communes drawn from their positions, its places and itinerant stops, and the
// communes where people asked and nothing was within reach, sized by the requests (all under five drawn alike).
// A commune's link shows what was asked there (needs, counts), never who. Pure SVG, no tiles, no network.
import { withPreposition } from '../../engine/template.js';
import type { Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { needLabels, outcomeLabels } from '../../../data/activity-labels.fr.js';
import { FACT_KINDS } from '../../activity/facts.js';
import { shown, SMALL_COUNT } from '../../activity/figures.js';
import { fitProjection } from '../../activity/projection.js';
import type { CommuneRow } from '../../db/activity-repository.js';
import { allow } from '../auth/allow.js';
import { FigureTable } from '../components/bar-chart.js';
import { Layout } from '../components/layout.js';
import type { WorkspaceDeps, WorkspaceEnv } from '../context.js';
import { periodQuery, readPeriod } from '../activity-period.js';
import { PeriodForm, scopeName } from './activite.js';

const SIZE = 640;

interface CommuneFigures {
  code: string;
  name: string;
  whiteZones: number;
  asked: { label: string; n: number }[];
}

/** Per commune: white-zone requests and everything asked there (needs and outcomes), from the period's totals. */
export function communeFigures(rows: CommuneRow[], nameOf: (code: string) => string): CommuneFigures[] {
  const byCode = new Map<string, CommuneFigures>();
  for (const r of rows) {
    const c = byCode.get(r.commune) ?? { code: r.commune, name: nameOf(r.commune), whiteZones: 0, asked: [] };
    if (r.kind === FACT_KINDS.outcome && r.code === 'white-zone') c.whiteZones += r.n;
    const label = r.kind === FACT_KINDS.need ? `Besoin : ${needLabels[r.code] ?? r.code}` : (outcomeLabels[r.code] ?? r.code);
    c.asked.push({ label, n: r.n });
    byCode.set(r.commune, c);
  }
  return [...byCode.values()].sort((a, b) => b.whiteZones - a.whiteZones || a.name.localeCompare(b.name, 'fr'));
}

function WhiteZoneMap({ departement, communes, deps, query }: { departement: string; communes: CommuneFigures[]; deps: WorkspaceDeps; query: string }) {
  const atlas = deps.atlas!;
  const all = atlas.communesOf(departement).filter((c) => Number.isFinite(c.latitude));
  const places = atlas.placesOf(departement);
  const project = fitProjection(all, SIZE, SIZE);
  const byCode = new Map(all.map((c) => [c.code, c]));
  const zones = communes.filter((c) => c.whiteZones > 0 && byCode.has(c.code));
  const radius = (n: number) => (n < SMALL_COUNT ? 7 : Math.min(30, 7 + 3 * Math.sqrt(n - SMALL_COUNT + 1)));
  return (
    <figure class="fr-mb-4w" style="margin-left: 0">
      <svg role="group" aria-labelledby="carte-titre" viewBox={`0 0 ${SIZE} ${SIZE}`} width="100%" style="max-width: 640px; background: #f6f6f6">
        <title id="carte-titre">{`Carte du ${scopeName(departement)} : ${all.length} communes, ${places.length} lieux d’aide, ${zones.length} communes en zone blanche`}</title>
        <g aria-hidden="true">
          {all.map((c) => {
            const p = project(c);
            return <circle cx={p.x} cy={p.y} r="1.6" fill="#929292" />;
          })}
          {places.map((pl) => {
            const p = project(pl);
            return pl.itinerant ? (
              <path d={`M${p.x} ${p.y - 6} L${p.x + 5.5} ${p.y + 4} L${p.x - 5.5} ${p.y + 4} Z`} fill="#18753c" />
            ) : (
              <rect x={p.x - 4} y={p.y - 4} width="8" height="8" fill="#000091" />
            );
          })}
        </g>
        {zones.map((z) => {
          const p = project(byCode.get(z.code)!);
          return (
            <a href={`/espace/zones-blanches?${query}&commune=${z.code}#commune`} aria-label={`${z.name} : ${shown(z.whiteZones)} demandes sans lieu à portée`}>
              <circle cx={p.x} cy={p.y} r={radius(z.whiteZones)} fill="#ce0500" fill-opacity="0.55" stroke="#ce0500" stroke-width="1.5" />
            </a>
          );
        })}
      </svg>
      <figcaption class="fr-text--sm">
        Points gris : les communes. Carrés bleus : les lieux d’aide. Triangles verts : les arrêts des services itinérants. Cercles rouges : les communes où des
        personnes ont demandé de l’aide sans lieu à portée, plus grands quand les demandes sont plus nombreuses (toutes les communes de moins de 5 demandes
        ont la même taille). Cliquez sur un cercle pour voir ce qui y a été demandé.
      </figcaption>
    </figure>
  );
}

function CommuneDetail({ commune }: { commune: CommuneFigures }) {
  return (
    <section id="commune" class="fr-mb-4w" tabindex={-1}>
      <h2>{`Ce qui a été demandé ${withPreposition('a', commune.name)}`}</h2>
      <FigureTable caption={`Demandes ${withPreposition('a', commune.name)}`} headers={['Demande', 'Nombre']} rows={commune.asked.map((a) => [a.label, shown(a.n)])} />
    </section>
  );
}

export function zonesBlanchesRoutes(app: Hono<WorkspaceEnv>, deps: WorkspaceDeps) {
  app.get('/zones-blanches', allow('activity'), async (c) => {
    const asked = readPeriod(c.req.query(), deps.clock.now());
    const activity = c.var.scoped.activity;
    const page = (status: 200 | 400, body: Child) =>
      c.html(
        <Layout title="Zones blanches" user={c.var.user} current="/espace/activite" csrf={c.var.csrf}>
          <PeriodForm form={asked.form} action="/espace/zones-blanches" national={activity.national} />
          {body}
        </Layout>,
        status,
      );
    if (!asked.ok) return page(400, <p>Corrigez la période pour voir la carte.</p>);
    const departement = activity.scopeOf(asked.departement);
    if (!departement) return page(200, <p>Choisissez un département pour voir sa carte.</p>);
    const nameOf = (code: string) => deps.atlas?.communeName(code) ?? code;
    const communes = communeFigures(await activity.byCommune(asked.period, asked.departement), nameOf);
    const zones = communes.filter((z) => z.whiteZones > 0);
    const chosen = communes.find((z) => z.code === c.req.query('commune'));
    const query = periodQuery(asked.form);
    return page(
      200,
      <>
        <p>{`Les communes du ${scopeName(departement)} où des personnes ont demandé de l’aide et où aucun lieu n’était à portée. Moins de 5 demandes : « < 5 ».`}</p>
        {deps.atlas ? <WhiteZoneMap departement={departement} communes={communes} deps={deps} query={query} /> : <p>La carte n’est pas disponible sur ce serveur.</p>}
        {chosen ? <CommuneDetail commune={chosen} /> : null}
        <h2>Communes en zone blanche</h2>
        {zones.length === 0 ? (
          <p>Aucune demande en zone blanche sur la période.</p>
        ) : (
          <FigureTable
            caption="Communes en zone blanche"
            headers={['Commune', 'Code INSEE', 'EPCI', 'Demandes sans lieu à portée']}
            rows={zones.map((z) => [z.name, z.code, deps.atlas?.epciOf(z.code)?.name ?? '', shown(z.whiteZones)])}
          />
        )}
      </>,
    );
  });
}
