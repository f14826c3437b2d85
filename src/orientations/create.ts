// An orientation is born in one place, whoever sends it (a senior's « oui », a relay's phone, an agent's form):
// written with its first history line, then announced to the listeners (the SMS notices, the 7-day check's figures).
import type { NewOrientation, Orientation, OrientationRepository } from '../db/orientation-repository.js';
import type { OrientationEvents } from './change-status.js';

export async function createOrientation(
  deps: { repository: OrientationRepository; events: OrientationEvents },
  orientation: NewOrientation,
  at: number,
): Promise<Orientation | undefined> {
  await deps.repository.create(orientation, at);
  const created = await deps.repository.get(orientation.id);
  if (created) await deps.events.emit({ orientation: created, from: null, to: 'envoyée', at, author: orientation.sender.label });
  return created;
}
