// Loads what the activity pages show for a period: the figures (masked by the page), the trends, the communes. One
// place for the dashboard, the report and the CSV, so they never disagree.
import * as labels from '../../data/activity-labels.fr.js';
import { procedures } from '../../data/procedures/index.js';
import { figuresOf, trendsOf, type Figures, type Labels } from '../activity/figures.js';
import type { ActivityPeriod } from '../db/activity-repository.js';
import type { ScopedRepository } from '../db/scoped-repository.js';
import type { WorkspaceDeps } from './context.js';

const procedureTitles = new Map(procedures.map((p) => [p.id, p.title]));

export function labelsOf(deps: Pick<WorkspaceDeps, 'atlas'>): Labels {
  return {
    channel: labels.channelLabels,
    need: labels.needLabels,
    outcome: labels.outcomeLabels,
    initiator: labels.initiatorLabels,
    orientation: labels.orientationLabels,
    callback: labels.callbackLabels,
    visit: labels.visitLabels,
    evaluation: labels.evaluationLabels,
    profile: labels.profileLabels,
    procedure: (id) => procedureTitles.get(id) ?? id,
    place: (id) => deps.atlas?.placeName(id) ?? id,
  };
}

export interface ActivityView {
  figures: Figures;
  trends: ReturnType<typeof trendsOf>;
  /** The department shown, or undefined for all of France. */
  departement: string | undefined;
}

export async function loadActivity(scoped: ScopedRepository, deps: Pick<WorkspaceDeps, 'atlas'>, period: ActivityPeriod, requested: string): Promise<ActivityView> {
  const [totals, days] = await Promise.all([scoped.activity.totals(period, requested), scoped.activity.byDay(period, requested)]);
  return { figures: figuresOf(totals, labelsOf(deps)), trends: trendsOf(days), departement: scoped.activity.scopeOf(requested) };
}
