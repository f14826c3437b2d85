// Effects are what a step asks the outside world to do. The engine only describes them;
// the conversation service performs them after the new snapshot is committed.
import type { OutboundMessage } from './message.js';

/** Values carried between steps, and passed to templates. Strings only, so snapshots stay plain JSON. */
export type Vars = Record<string, string>;

export type Effect =
  | { type: 'reply'; message: OutboundMessage }
  /** Run a named service (nearest places…) and feed its result back with a `result` event. */
  | { type: 'invoke'; service: string; input: Vars }
  /** A person asked to talk to a human: record a callback request. */
  | { type: 'requestCallback'; stepId: string; vars: Vars }
  | { type: 'optOut' }
  | { type: 'optIn' }
  /** Erase everything kept about this contact (SUPPRIMER). */
  | { type: 'erase' }
  /** Put the person through to someone (a transferred call); `whisper` is said to whoever answers, first. */
  | { type: 'connect'; number: string; whisper: string }
  /** Say again what was said last (« répéter », the star key): the conversation does not move. */
  | { type: 'repeat' }
  /** Count an anonymous event for the department's figures (a white zone…), with the variables it names. */
  | { type: 'signal'; name: string; vars: Vars };

/** What a service returns to the engine. `outcome` picks the branch declared in the flow. */
export interface ServiceResult {
  outcome: string;
  vars?: Vars;
  /** A list rendered with the step's item template (places, sessions…). */
  items?: Vars[];
}
