// A conversation's snapshot as stored: the same JSON, except that a variable holding another long variable's whole
// text (the places found are kept as `items`, then inside the spoken list and inside the SMS that sends them) is
// stored as a reference to it with what surrounds it. About 1.3 KB less per conversation that found places, most of
// a conversation row; the snapshot the engine sees is unchanged.
import { snapshotSchema, type Snapshot } from '../engine/snapshot.js';

/** A variable stored as `before` + the text of variable `name` + `after`. */
type VarReference = [before: string, name: string, after: string];

/** Only long texts are worth a reference; short ones (a commune, a number) stay plain for anyone reading the row. */
const SHARED_MIN_LENGTH = 120;

/** The snapshot's JSON, each variable that contains another long variable's text stored as a reference to it. */
export function encodeSnapshot(snapshot: Snapshot): string {
  const vars = snapshot.vars;
  const long = Object.keys(vars).filter((name) => vars[name]!.length >= SHARED_MIN_LENGTH);
  if (long.length < 2) return JSON.stringify(snapshot);
  const plain: Record<string, string> = { ...vars };
  const references: Record<string, VarReference> = {};
  // Longest first: a variable is only ever referenced while it is itself plain.
  for (const name of long.sort((a, b) => vars[b]!.length - vars[a]!.length)) {
    const text = vars[name]!;
    const inner = long.find((other) => other !== name && plain[other] !== undefined && !references[other] && vars[other]!.length < text.length && text.includes(vars[other]!));
    if (!inner) continue;
    const at = text.indexOf(vars[inner]!);
    references[name] = [text.slice(0, at), inner, text.slice(at + vars[inner]!.length)];
    delete plain[name];
  }
  if (Object.keys(references).length === 0) return JSON.stringify(snapshot);
  // A referenced variable must stay plain: drop any reference to a variable that became a reference itself.
  for (const [name, [, inner]] of Object.entries(references)) {
    if (references[inner]) {
      plain[name] = vars[name]!;
      delete references[name];
    }
  }
  return JSON.stringify({ ...snapshot, vars: plain, varReferences: references });
}

/** The snapshot an encoded row holds, validated; throws a precise error if the stored state is not a snapshot. */
export function decodeSnapshot(json: string): Snapshot {
  const stored = JSON.parse(json) as { vars?: Record<string, string>; varReferences?: Record<string, VarReference> };
  const references = stored.varReferences;
  if (references && stored.vars) {
    for (const [name, [before, inner, after]] of Object.entries(references)) {
      const text = stored.vars[inner];
      if (text === undefined) throw new Error(`stored snapshot: variable "${name}" refers to "${inner}", which it does not hold`);
      stored.vars[name] = before + text + after;
    }
    delete stored.varReferences;
  }
  return looksLikeSnapshot(stored) ? stored : snapshotSchema.parse(stored);
}

/**
 * The server wrote this row itself, through the engine's typed snapshot: a check of its shape is enough on every turn
 * (the schema's full validation cost a twentieth of a turn). Anything else goes through the schema, which says precisely
 * what is wrong.
 */
function looksLikeSnapshot(value: unknown): value is Snapshot {
  const s = value as Partial<Snapshot> | null;
  return (
    typeof s === 'object' && s !== null &&
    typeof s.flowId === 'string' && typeof s.flowHash === 'string' && typeof s.stepId === 'string' && typeof s.stepHash === 'string' &&
    (s.status === 'active' || s.status === 'awaiting-result' || s.status === 'ended') &&
    typeof s.vars === 'object' && s.vars !== null && Object.values(s.vars).every((v) => typeof v === 'string') &&
    typeof s.attempts === 'number' && typeof s.optedOut === 'boolean' && typeof s.lastActivityAt === 'number' && typeof s.turn === 'number' &&
    (s.asked === null || (typeof s.asked === 'object' && typeof s.asked?.stepId === 'string'))
  );
}
