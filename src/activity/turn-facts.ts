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
  if (starts) add('conversation', previous ? 'returning' : 'new');
  // Who reached out, once it is known: a transferred call at once, a caregiver when they say so, else the person
  // themself when they first name a need.
  const newNeed = vars['need'] && vars['need'] !== previous?.vars['need'];
  if (initiator === 'relay' ? starts : initiator === 'caregiver' ? previous?.vars['forWhom'] !== 'relative' : newNeed && !previous?.vars['need']) add('initiator', initiator);
  if (newNeed) add('need', vars['need']!);

  for (const call of input.calls) {
    const { service, result } = call;
    const found = result.vars ?? {};
    const commune = found['communeCode'] ? { commune: found['communeCode'] } : {};
    if (service === 'nearestPlaces' && result.outcome === 'found' && !Number(call.input['offset'] ?? 0)) add('outcome', 'places-given', { ...commune, detail: vars['need'] ?? '' });
    if (service === 'nearestPlaces' && result.outcome === 'none') add('outcome', 'white-zone', { ...commune, detail: vars['need'] ?? '' });
    if (found['procedureId'] && found['procedureId'] !== previous?.vars['procedureId']) {
      add('procedure', found['procedureId']);
      add('outcome', 'procedure-explained');
    }
    if (service === 'bookSession' && result.outcome === 'booked') add('outcome', 'workshop-booked');
    if (service === 'sendSms' && result.outcome === 'sent') add('outcome', 'sms-sent');
    if (service === 'recommend') {
      add('outcome', 'assessment');
      for (const name of PROFILE_VARS) if (vars[name]) add('profile', name, { detail: vars[name] });
    }
  }
  for (const effect of input.effects) if (effect.type === 'requestCallback') add('outcome', 'callback-requested');
  if (next.stepId.startsWith('scam_') && !previous?.stepId.startsWith('scam_')) add('outcome', 'scam-advice');
  if (input.segments > 0) add('segments', 'sms', { value: input.segments });
  return facts;
}

/** Who reached out: a platform's transferred call is a relay's doing; « pour un proche » a caregiver's. */
function initiatorOf(vars: Vars): Initiator {
  if (vars['transferred'] === 'yes') return 'relay';
  if (vars['forWhom'] === 'relative') return 'caregiver';
  return 'senior';
}
