// Finds the procedure a person means from everyday words, surviving typos ("carte vital", "impot", "reversion").
// Scores each procedure by its best-matching synonym; close seconds are reported so the flow can ask.
import { editDistance } from '../directory/geocode.js';
import { meaningfulWords, normalizeFrench } from '../engine/nlu/normalize.js';
import type { Procedure } from './procedure-schema.js';

export type ProcedureMatch =
  | { type: 'found'; procedure: Procedure }
  | { type: 'ambiguous'; candidates: [Procedure, Procedure] }
  | { type: 'notFound' };

/** Words too common in requests to identify a procedure on their own. */
const GENERIC = new Set(['faire', 'demande', 'demander', 'dois', 'doit', 'besoin', 'aide', 'aider', 'comment', 'mon', 'ma', 'mes', 'sur', 'internet', 'ligne', 'site', 'pas', 'que', 'quoi', 'avoir', 'mais', 'n', 'ai', 'suis', 'est', 'votre', 'vos', 'nos', 'en']);

interface IndexedSynonym {
  procedure: Procedure;
  words: string[];
}

export interface ProcedureMatcher {
  match(text: string): ProcedureMatch;
  /** The situations (lost, stolen, password…) an entry's own title and synonyms speak of. */
  situationsOf(procedureId: string): string[];
  /** Every procedure with its score, best first: for tests and for tuning. */
  rank(text: string): { procedure: Procedure; score: number }[];
}

const MIN_SCORE = 0.75;
/** A runner-up this close to the winner means the person may have meant either. */
const AMBIGUITY_RATIO = 0.9;

/**
 * Reads the situation a text speaks of (« perdu », « mot de passe »…): given, entries that name a situation in their
 * synonyms (« carte vitale perdue ») win over the general entry when the message names the same one, and lose when
 * it names another. Generic: no entry id is known here.
 */
export type SituationReader = (text: string) => string[];
const SITUATION_BONUS = 1.25;
const SITUATION_PENALTY = 0.8;

export function createProcedureMatcher(procedures: Procedure[], situationsIn: SituationReader = () => []): ProcedureMatcher {
  const situations = new Map(procedures.map((p) => [p.id, [...new Set([p.title, ...p.synonyms].flatMap((s) => situationsIn(s)))]]));
  const synonyms: IndexedSynonym[] = procedures.flatMap((procedure) =>
    [procedure.title, ...procedure.synonyms].map((s) => ({ procedure, words: keyWords(s) })).filter((s) => s.words.length > 0),
  );

  function rank(text: string) {
    const words = keyWords(text);
    const best = new Map<string, { procedure: Procedure; score: number }>();
    if (words.length === 0) return [];
    const said = situationsIn(text);
    for (const synonym of synonyms) {
      const own = situations.get(synonym.procedure.id)!;
      const fit = said.length === 0 || own.length === 0 ? 1 : own.some((s) => said.includes(s)) ? SITUATION_BONUS : SITUATION_PENALTY;
      const score = synonymScore(synonym.words, words) * fit;
      const current = best.get(synonym.procedure.id);
      if (score > 0 && (!current || score > current.score)) best.set(synonym.procedure.id, { procedure: synonym.procedure, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  return {
    rank,
    situationsOf: (id) => situations.get(id) ?? [],
    match(text) {
      const [first, second] = rank(text);
      if (!first || first.score < MIN_SCORE) return { type: 'notFound' };
      if (second && second.score >= first.score * AMBIGUITY_RATIO) return { type: 'ambiguous', candidates: [first.procedure, second.procedure] };
      return { type: 'found', procedure: first.procedure };
    },
  };
}

function keyWords(text: string): string[] {
  return meaningfulWords(normalizeFrench(text)).filter((w) => w.length > 1 && !GENERIC.has(w));
}

/**
 * How well a synonym's words are found in the message: each synonym word found (exactly, by a shared stem,
 * or within a small typo distance) counts; all of a multi-word synonym found weighs more than one word.
 */
function synonymScore(synonym: string[], message: string[]): number {
  let found = 0;
  for (const word of synonym) {
    let best = 0;
    for (const candidate of message) best = Math.max(best, wordSimilarity(word, candidate));
    found += best;
  }
  const coverage = found / synonym.length;
  if (coverage < 0.75) return 0;
  return coverage * (1 + 0.5 * (synonym.length - 1));
}

function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const stemA = stem(a);
  const stemB = stem(b);
  if (stemA === stemB) return 0.95;
  if (stemA.length < 4 || stemB.length < 4) return 0;
  const budget = Math.max(stemA.length, stemB.length) >= 7 ? 2 : 1;
  return editDistance(stemA, stemB, budget) <= budget ? 0.75 : 0;
}

/** A crude French stem: plural and feminine endings, so "impots" meets "impot" and "declarer" meets "declaration". */
function stem(word: string): string {
  return word
    .replace(/(ations?|ements?|ments?|eurs?|euses?|ees?|es|er|ez|s|x|e)$/, '')
    .slice(0, 8);
}
