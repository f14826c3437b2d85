// What becomes of an orientation after it is sent: each change counted in the anonymous activity figures; its 7-day
// check (« Avez-vous pu y aller ? ») and cold evaluation scheduled when it is created, whoever sent it; the answer to
// the check recorded as the orientation's outcome; a check no longer asked once the orientation is settled.
import { relayVisitCheckAuthor, visitCheckAuthor } from '../../data/orientations.fr.js';
import { followUpReasons } from '../../data/followups.fr.js';
import type { ActivityRecorder } from '../activity/facts.js';
import type { Orientation, OrientationRepository } from '../db/orientation-repository.js';
import type { ScheduledMessage, ScheduleRepository } from '../db/schedule-repository.js';
import { frenchMobileE164 } from '../directory/format.js';
import { fillTemplate } from '../engine/template.js';
import type { FollowUpSettings } from '../followups/plan.js';
import { scheduleOrientationFollowUps, type FollowUpContact, type OnVisitAnswer, type OrientationFollowUpPlan } from '../followups/services.js';
import { changeOrientationStatus, type OrientationEvents, type OrientationListener } from './change-status.js';
import { canChange, type OrientationStatus } from './statuses.js';

/** A status as the activity figures' code: plain ASCII, dashes for spaces (« non honorée » → `non-honoree`). */
export const factCodeOf = (status: OrientationStatus) => status.normalize('NFD').replace(/\p{M}/gu, '').replace(/ /g, '-');

/** An orientation change as an anonymous fact: its status, the receiving place and who sent it; never a person. */
export function orientationFacts(recorder: ActivityRecorder): OrientationListener {
  return ({ orientation, to, at }) =>
    recorder.recordActivity({
      kind: 'orientation',
      code: factCodeOf(to),
      detail: orientation.placeId,
      departement: orientation.departement,
      initiator: orientation.senderKind === 'relay' ? 'relay' : 'senior',
      at,
    });
}

/**
 * Whom an orientation's follow-ups ask. The person, when she can be written to: her own conversation when she asked
 * herself (`own`), else the mobile she gave with her consent to be contacted. Otherwise the check (never the
 * evaluation: it is her opinion that counts) goes to the relay who sent it, on their registered mobile. Otherwise
 * nobody is asked. Pure.
 */
export function followUpPlanOf(o: Pick<Orientation, 'personContact' | 'senderKind'>, own: FollowUpContact | undefined, relayMobile: string | undefined, relayFlowId: string): OrientationFollowUpPlan {
  const mobile = o.personContact ? frenchMobileE164(o.personContact) : undefined;
  const person = own ?? (mobile ? { address: mobile, channel: 'sms' } : undefined);
  if (person) return { check: { askedOf: 'person', contact: person }, evaluation: person };
  const relay = o.senderKind === 'relay' && relayMobile ? frenchMobileE164(relayMobile) : undefined;
  if (relay) return { check: { askedOf: 'relay', contact: { address: relay, channel: 'sms' }, flowId: relayFlowId } };
  return {};
}

export interface FollowUpListenerDeps {
  schedule: ScheduleRepository;
  settings: FollowUpSettings;
  /** A relay's registered mobile today (undefined once disabled or without one). */
  relayMobile(userId: string): Promise<string | undefined>;
  /** The flow a relay's answer is read by (relay mode). */
  relayFlowId: string;
}

/** On creation (whatever the path: a senior's « oui », a relay's phone, the workspace), schedules the follow-ups. */
export function orientationFollowUps(deps: FollowUpListenerDeps): OrientationListener {
  return async ({ orientation: o, from, at, reach }) => {
    if (from !== null) return;
    const relayMobile = o.senderKind === 'relay' && o.senderUserId ? await deps.relayMobile(o.senderUserId) : undefined;
    const plan = followUpPlanOf(o, reach, relayMobile, deps.relayFlowId);
    const orientedBy = o.senderKind === 'person' ? 'self' : 'other';
    await scheduleOrientationFollowUps(deps.schedule, deps.settings, { id: o.id, visitPlace: o.placeName, departement: o.departement, orientedBy }, plan, at);
  };
}

/** « Avez-vous pu y aller ? » has nothing left to learn once its answer could no longer change the status. */
const settled = (status: OrientationStatus) => !canChange(status, 'honorée') && !canChange(status, 'non honorée');

/**
 * The runner's last look before an orientation's follow-up goes: a 7-day check whose orientation is already settled
 * (the place refused, an agent marked it) is not asked; nor is a place that refused her evaluated. The reason is kept,
 * and the dry run says it.
 */
export function settledOrientationCheck(repository: Pick<OrientationRepository, 'get'>) {
  return async (row: ScheduledMessage): Promise<string | undefined> => {
    if (row.payload['subjectKind'] !== 'orientation') return undefined;
    const orientation = await repository.get(row.payload['subjectId'] ?? '');
    if (!orientation) return undefined;
    if (row.kind === 'verification' && settled(orientation.status)) return fillTemplate(followUpReasons.orientationSettled, { status: orientation.status });
    if (row.kind === 'evaluation' && orientation.refusalReason) return followUpReasons.orientationRefused;
    return undefined;
  };
}

/**
 * « 1 oui » makes an orientation `honorée`, « 2 non » or « 3 besoin d'aide » `non honorée`. Only from a status that
 * allows it (statuses.ts): a refused or already settled orientation keeps what it has. The author is who answered
 * (the person, or the relay who sent it), and they are not told of their own answer.
 */
export function visitAnswerToOrientation(deps: { repository: OrientationRepository; events: OrientationEvents; now: () => number }): OnVisitAnswer {
  return async (subject, answer, _at, answerer) => {
    if (subject.kind !== 'orientation') return;
    const orientation = await deps.repository.get(subject.id);
    if (!orientation) return;
    const author = answerer.askedOf === 'relay' ? fillTemplate(relayVisitCheckAuthor, { sender: orientation.senderLabel }) : visitCheckAuthor;
    await changeOrientationStatus(deps, orientation, { to: answer === 'yes' ? 'honorée' : 'non honorée', author, authorAddress: answerer.address });
  };
}
