// The knowledge flow services: find a procedure, deliver it step by step, and turn assessment answers into a
// recommendation. French wording comes from data/ (procedures, recommendation sentences), never from here.
import type { ServiceResult, Vars } from '../engine/effects.js';
import { fillTemplate } from '../engine/template.js';
import type { ProcedureMatcher } from './match-procedure.js';
import type { Procedure } from './procedure-schema.js';
import { recommend, type AssessmentAnswers, type Reason, type Route } from './recommend.js';

export interface RecommendationWording {
  sentence: { because: string; without: string; and: string };
  routeSentences: Record<Route, string>;
  reasonPhrases: Record<Reason, string>;
  routeNeeds: Record<Route, string>;
}

/**
 * `findProcedure`: input `query`. Outcomes `found`, `ambiguous` (two candidates to choose from), `notFound`, and
 * `situation` (`situationText`) when the entry found does not cover what the query says happened (a lost card).
 */
export function findProcedureService(
  matcher: ProcedureMatcher,
  situations?: { uncovered: (procedureId: string, text: string) => string | undefined; phrases: Record<string, string> },
) {
  return async (input: Vars): Promise<ServiceResult> => {
    const query = input['query'] ?? '';
    const match = matcher.match(query);
    const uncovered = match.type === 'found' ? situations?.uncovered(match.procedure.id, query) : undefined;
    if (uncovered) return { outcome: 'situation', vars: { situationText: situations!.phrases[uncovered] ?? '' } };
    if (match.type === 'found') return { outcome: 'found', vars: procedureVars(match.procedure) };
    if (match.type === 'ambiguous') {
      const [a, b] = match.candidates;
      return { outcome: 'ambiguous', vars: { candidate1Id: a.id, candidate1: a.title, candidate2Id: b.id, candidate2: b.title } };
    }
    return { outcome: 'notFound' };
  };
}

/** `selectProcedure`: input `id` (one of the candidates offered). Outcome `found` or `notFound`. */
export function selectProcedureService(procedures: Procedure[]) {
  const byId = new Map(procedures.map((p) => [p.id, p]));
  return async (input: Vars): Promise<ServiceResult> => {
    const procedure = byId.get(input['id'] ?? '');
    return procedure ? { outcome: 'found', vars: procedureVars(procedure) } : { outcome: 'notFound' };
  };
}

/**
 * `procedureStep`: input `id` and `index` (0-based). Outcome `step` while more steps follow, `last` for the last one,
 * `notFound` otherwise. Returns the next index in `stepIndex`, so the flow only has to call again.
 */
export function procedureStepService(procedures: Procedure[]) {
  const byId = new Map(procedures.map((p) => [p.id, p]));
  return async (input: Vars): Promise<ServiceResult> => {
    const procedure = byId.get(input['id'] ?? '');
    const index = Number.parseInt(input['index'] ?? '0', 10) || 0;
    const text = procedure?.steps[index];
    if (!procedure || text === undefined) return { outcome: 'notFound' };
    const total = procedure.steps.length;
    return {
      outcome: index + 1 >= total ? 'last' : 'step',
      vars: { stepText: text, stepNumber: String(index + 1), stepTotal: String(total), stepIndex: String(index + 1) },
    };
  };
}

/** The conversation variables describing a procedure, read by the explanation steps of the flow. */
export function procedureVars(p: Procedure): Vars {
  return {
    procedureId: p.id,
    procedureTitle: p.title,
    procedureAudience: p.audience,
    procedureCost: p.cost,
    procedureWarning: p.fakeSitesWarning ?? '',
    procedureDocuments: p.documents.join(', '),
    procedureWebsite: p.website.replace(/^https:\/\//, '').replace(/\/$/, ''),
    procedurePhone: p.phone?.number ?? '',
    procedurePhoneHours: p.phone?.hours ?? '',
    procedurePhoneCost: p.phone?.cost ?? '',
    procedureFranceServices: p.franceServicesCanHelp ? 'yes' : '',
    procedureAidantsConnect: p.aidantsConnect ? 'yes' : '',
    /** Every step, numbered: what an SMS sent after a call carries. */
    procedureSteps: p.steps.map((step, i) => `${i + 1}. ${step}`).join('\n'),
    stepIndex: '0',
  };
}

/** `recommend`: inputs are the assessment answers as codes. Outcome is the route; vars carry the sentence and reasons. */
export function recommendService(wording: RecommendationWording) {
  return async (input: Vars): Promise<ServiceResult> => {
    const answers: AssessmentAnswers = {
      ...(input['equipment'] ? { equipment: input['equipment'] as AssessmentAnswers['equipment'] } : {}),
      ...(input['internetAtHome'] ? { internetAtHome: input['internetAtHome'] === 'yes' } : {}),
      ...(input['comfort'] ? { comfort: input['comfort'] as AssessmentAnswers['comfort'] } : {}),
      ...(input['wish'] ? { wish: input['wish'] as AssessmentAnswers['wish'] } : {}),
      ...(input['obstacle'] ? { obstacle: input['obstacle'] as AssessmentAnswers['obstacle'] } : {}),
      ...(input['urgency'] ? { urgency: input['urgency'] as AssessmentAnswers['urgency'] } : {}),
    };
    const r = recommend(answers);
    const reasons = r.reasons.map((reason) => wording.reasonPhrases[reason]).join(wording.sentence.and);
    const route = wording.routeSentences[r.route];
    return {
      outcome: r.route,
      vars: {
        recommendation: fillTemplate(reasons ? wording.sentence.because : wording.sentence.without, { route, reasons }),
        recommendationRoute: r.route,
        recommendationSupports: r.supports.join(','),
        recommendationReasons: r.reasons.join(','),
        recommendationUrgent: r.urgent ? 'yes' : '',
        need: wording.routeNeeds[r.route],
      },
    };
  };
}
