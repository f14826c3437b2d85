// A conversation's saved state: plain JSON, pinned to the flow's id and content hash.
import * as z from 'zod';
import type { CompiledFlow } from './flow.js';

export const snapshotSchema = z.object({
  flowId: z.string(),
  flowHash: z.string(),
  stepId: z.string(),
  stepHash: z.string(),
  /** `awaiting-result`: an invoke effect is out and its result has not come back yet. */
  status: z.enum(['active', 'awaiting-result', 'ended']),
  vars: z.record(z.string(), z.string()),
  /** Failed answers in a row at the current question: the rung of the reprompt ladder. */
  attempts: z.number().int().nonnegative(),
  /**
   * Times in a row the person gave no answer (a silent phone line, or only « euh »): the rung of the no-input ladder.
   * It runs across questions, so that a silent line is released after three rungs wherever it stands.
   */
  silences: z.number().int().nonnegative().optional(),
  /** The last question asked and its rung, so that a failed lookup returning to it climbs the ladder. */
  asked: z.object({ stepId: z.string(), attempts: z.number().int().nonnegative() }).nullable(),
  optedOut: z.boolean(),
  /** What a speech recogniser heard without being sure, while the person is asked to confirm it. */
  confirming: z.string().optional(),
  lastActivityAt: z.number(),
  /** How many events this conversation has processed. */
  turn: z.number().int().nonnegative(),
});

export type Snapshot = z.infer<typeof snapshotSchema>;

export function initialSnapshot(flow: CompiledFlow, at: number): Snapshot {
  const stepId = flow.definition.start;
  return {
    flowId: flow.definition.id,
    flowHash: flow.hash,
    stepId,
    stepHash: flow.stepHashes[stepId]!,
    status: 'active',
    vars: {},
    attempts: 0,
    asked: null,
    optedOut: false,
    lastActivityAt: at,
    turn: 0,
  };
}

/** Parses stored JSON; throws a precise error if the stored state is not a snapshot. */
export function parseSnapshot(json: string): Snapshot {
  return snapshotSchema.parse(JSON.parse(json));
}
