// The one door through which an orientation's status changes: checked against the allowed transitions, applied by a
// guarded UPDATE (of two answers at once, one wins, the other is told), then announced to every listener
// (SMS to the sender and the person; later the follow-ups of #16 and the activity facts of #17).
import type { Orientation, OrientationRepository } from '../db/orientation-repository.js';
import { checkChange, type OrientationStatus, type StatusChange } from './statuses.js';

/** Where a senior who asked herself can be written to: her own conversation (never stored on the orientation). */
export interface PersonReach {
  address: string;
  channel: string;
  via?: string | undefined;
}

/** What listeners receive after a change is committed. */
export interface OrientationChange {
  orientation: Orientation;
  from: OrientationStatus | null;
  to: OrientationStatus;
  at: number;
  author: string;
  /** The author's number, when they have one (a check answered by SMS): they are not told of their own change. */
  authorAddress?: string | undefined;
  /** At creation only: the conversation of a senior who asked herself (where her follow-ups go). */
  reach?: PersonReach | undefined;
}

export type OrientationListener = (change: OrientationChange) => Promise<void> | void;

export type ChangeResult =
  | { outcome: 'changed'; orientation: Orientation }
  /** Not allowed from the current status, or incomplete (`reason` in French). */
  | { outcome: 'refused'; reason: string; current: OrientationStatus }
  /** Someone else changed it first: the current status is said. */
  | { outcome: 'conflict'; current: OrientationStatus }
  | { outcome: 'notFound' };

export interface OrientationEvents {
  /** Adds a listener; called after every committed change (creation included, `from` null). */
  onOrientationChange(listener: OrientationListener): void;
  emit(change: OrientationChange): Promise<void>;
}

export function createOrientationEvents(logger: { error(event: string, fields?: Record<string, unknown>): void }): OrientationEvents {
  const listeners: OrientationListener[] = [];
  return {
    onOrientationChange: (listener) => void listeners.push(listener),
    async emit(change) {
      // A failing listener (an SMS that cannot go) never undoes nor hides the change.
      for (const listener of listeners) {
        try {
          await listener(change);
        } catch (error) {
          logger.error('orientation.listener_failed', { error: String(error), to: change.to });
        }
      }
    },
  };
}

/**
 * Changes an orientation's status. `token`: the answer link's hash, when the receiving place answers without an
 * account (used up by the same guarded UPDATE).
 */
export async function changeOrientationStatus(
  deps: { repository: OrientationRepository; events: OrientationEvents; now: () => number },
  orientation: Orientation,
  change: StatusChange,
  token?: { hash: string },
): Promise<ChangeResult> {
  const checked = checkChange(orientation.status, change);
  if (!checked.ok) return { outcome: 'refused', reason: checked.reason, current: orientation.status };
  const at = deps.now();
  const won = await deps.repository.applyChange(orientation.id, orientation.status, change, at, token);
  const fresh = await deps.repository.get(orientation.id);
  if (!fresh) return { outcome: 'notFound' };
  if (!won) return { outcome: 'conflict', current: fresh.status };
  await deps.events.emit({ orientation: fresh, from: orientation.status, to: change.to, at, author: change.author, authorAddress: change.authorAddress });
  return { outcome: 'changed', orientation: fresh };
}
