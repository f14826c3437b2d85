// What a conversation turn adds to the activity figures, read from what the turn did (the services it ran and their
// outcomes, the effects, the variables it learnt), never from what the person wrote. Pure: the conversation service
// calls it and commits its facts with the turn.
import type { Effect, ServiceResult, Vars } from '../engine/effects.js';
import type { Snapshot } from '../engine/snapshot.js';
import { CHANNELS, type ActivityFact, type FactChannel, type Initiator } from './facts.js';

/** A service the turn ran, with what it was asked and what it answered. */
export interface ServiceCall {
  service: string;
  input: Vars;
  result: ServiceResult;
}

export interface TurnFactsInput {
  channel: string;
  /** True when this message opens a call (a call is a conversation of its own). */
  opensCall: boolean;
  previous: Snapshot | undefined;
  next: Snapshot;
  effects: readonly Effect[];
  calls: readonly ServiceCall[];
  departement: string | undefined;
  /** SMS segments the turn's replies cost. */
  segments: number;
  /** A day's silence starts a new conversation (the flow's session timeout). */
  sessionMs: number;
  at: number;
}

/** Variables that show the person already asked for something in this conversation. */
const KNOWN_REQUEST_VARS = ['need', 'procedureId', 'lastPlaces', 'comfort', 'heardPlace'] as const;

/** What the assessment asks that describes the person (recorded once, when its result is given). */
const PROFILE_VARS = ['equipment', 'internetAtHome', 'comfort', 'wish', 'obstacle', 'urgency', 'ageBand'] as const;

export function factsOfTurn(input: TurnFactsInput): ActivityFact[] {
  const { previous, next, at } = input;
  const vars = next.vars;
  const channel = CHANNELS[input.channel as FactChannel] ? (input.channel as FactChannel) : undefined;
  const initiator = initiatorOf(vars);
  const base = {
    at,
    ...(channel ? { channel } : {}),
    ...(input.departement ? { departement: input.departement } : {}),
    ...(vars['communeCode'] ? { commune: vars['communeCode'] } : {}),
    initiator,
    ...(vars['ageBand'] ? { ageBand: vars['ageBand'] } : {}),
  };
  const facts: ActivityFact[] = [];
  const add = (kind: ActivityFact['kind'], code: string, extra: Partial<ActivityFact> = {}) => facts.push({ ...base, kind, code, ...extra });

  const starts = !previous || input.opensCall || at - previous.lastActivityAt > input.sessionMs;
  if (starts) add('conversation', 'start', { detail: previous ? 'returning' : 'new' });

  // Needs: named (« apprendre »), or shown by what was asked: a place search, a procedure, the assessment, a scam.
  const needs = new Set<string>();
  if (vars['need'] && vars['need'] !== previous?.vars['need']) needs.add(vars['need']);
  for (const call of input.calls) {
    const { service, result } = call;
    const found = result.vars ?? {};
    const commune = found['communeCode'] ? { commune: found['communeCode'] } : {};
    const firstPage = !Number(call.input['offset'] ?? 0);
    if (service === 'nearestPlaces' && firstPage && (result.outcome === 'found' || result.outcome === 'none')) needs.add(call.input['need'] || 'lieu');
    if (service === 'nearestPlaces' && result.outcome === 'found' && firstPage) add('outcome', 'places-given', { ...commune, detail: vars['need'] ?? '' });
    if (service === 'nearestPlaces' && result.outcome === 'none') add('outcome', 'white-zone', { ...commune, detail: vars['need'] ?? '' });
    if (found['procedureId'] && found['procedureId'] !== previous?.vars['procedureId']) {
      needs.add('demarches');
      add('procedure', found['procedureId']);
      add('outcome', 'procedure-explained');
    }
    if (service === 'bookSession' && result.outcome === 'booked') add('outcome', 'workshop-booked');
    if (service === 'sendSms' && result.outcome === 'sent') add('outcome', 'sms-sent');
    if (service === 'recommend') {
      needs.add('apprendre');
      add('outcome', 'assessment');
      for (const name of PROFILE_VARS) if (vars[name]) add('profile', name, { detail: vars[name] });
    }
  }
  const scam = next.stepId.startsWith('scam_') && !previous?.stepId.startsWith('scam_');
  if (scam) needs.add('arnaque');
  for (const need of needs) add('need', need);

  // Who reached out, once it is known: a transferred call at once, a caregiver when they say so, else the person
  // themself when they first ask for something.
  const askedBefore = previous && (KNOWN_REQUEST_VARS.some((v) => previous.vars[v]) || previous.stepId.startsWith('scam_'));
  if (initiator === 'relay' ? starts : initiator === 'caregiver' ? previous?.vars['forWhom'] !== 'relative' : needs.size > 0 && !askedBefore) add('initiator', initiator);

  for (const effect of input.effects) if (effect.type === 'requestCallback') add('outcome', 'callback-requested');
  if (scam) add('outcome', 'scam-advice');
  if (input.segments > 0) add('segments', 'sms', { value: input.segments });
  return facts;
}

/** Who reached out: a platform's transferred call is a relay's doing; « pour un proche » a caregiver's. */
function initiatorOf(vars: Vars): Initiator {
  if (vars['transferred'] === 'yes') return 'relay';
  if (vars['forWhom'] === 'relative') return 'caregiver';
  return 'senior';
}
