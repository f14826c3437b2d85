// What becomes of an orientation after it is sent: each change counted in the anonymous activity figures, and the
// person's answer to the 7-day check (« Avez-vous pu y aller ? ») recorded as the orientation's outcome.
import { visitCheckAuthor } from '../../data/orientations.fr.js';
import type { ActivityRecorder } from '../activity/facts.js';
import type { OrientationRepository } from '../db/orientation-repository.js';
import type { OnVisitAnswer } from '../followups/services.js';
import { changeOrientationStatus, type OrientationEvents, type OrientationListener } from './change-status.js';
import type { OrientationStatus } from './statuses.js';

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
 * « 1 oui » makes an orientation `honorée`, « 2 non » or « 3 besoin d'aide » `non honorée`. Only from a status that
 * allows it (statuses.ts): a refused or already settled orientation keeps what it has.
 */
export function visitAnswerToOrientation(deps: { repository: OrientationRepository; events: OrientationEvents; now: () => number }): OnVisitAnswer {
  return async (subject, answer) => {
    if (subject.kind !== 'orientation') return;
    const orientation = await deps.repository.get(subject.id);
    if (!orientation) return;
    await changeOrientationStatus(deps, orientation, { to: answer === 'yes' ? 'honorée' : 'non honorée', author: visitCheckAuthor });
  };
}
