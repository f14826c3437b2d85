// The person's constraints in a relay's message: the understanding's own (mobility, hearing, sight, no internet,
// no device), and reading and urgency, found by their words (data/orientations.fr.ts). Pure.
import { normalizeFrench } from '../engine/nlu/normalize.js';
import { PERSON_CONSTRAINTS, type PersonConstraint } from './statuses.js';

export function constraintsIn(
  text: string,
  fromReader: string[],
  wording: { words: Record<PersonConstraint, { words: string[] }>; reader: Record<string, PersonConstraint> },
): PersonConstraint[] {
  const plain = ` ${normalizeFrench(text)} `;
  const found = new Set<PersonConstraint>(fromReader.flatMap((c) => (Object.hasOwn(wording.reader, c) ? [wording.reader[c]!] : [])));
  for (const c of PERSON_CONSTRAINTS) if (wording.words[c].words.some((w) => plain.includes(w))) found.add(c);
  return PERSON_CONSTRAINTS.filter((c) => found.has(c));
}
