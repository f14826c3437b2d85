// An orientation is born in one place, whoever sends it (a senior's « oui », a relay's phone, an agent's form):
// written with its first history line, then announced to the listeners (the SMS notices, the figures, and the
// follow-ups: its 7-day check and cold evaluation, follow-through.ts).
import type { NewOrientation, Orientation, OrientationRepository } from '../db/orientation-repository.js';
import type { OrientationEvents, PersonReach } from './change-status.js';

/**
 * `reach`: when the person asked herself (a senior's « oui »), her conversation, so that the follow-ups the
 * creation schedules (follow-through.ts) ask her there; never stored on the orientation.
 */
export async function createOrientation(
  deps: { repository: OrientationRepository; events: OrientationEvents },
  orientation: NewOrientation,
  at: number,
  reach?: PersonReach,
): Promise<Orientation | undefined> {
  await deps.repository.create(orientation, at);
  const created = await deps.repository.get(orientation.id);
  if (created) await deps.events.emit({ orientation: created, from: null, to: 'envoyée', at, author: orientation.sender.label, reach });
  return created;
}
