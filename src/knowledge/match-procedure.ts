// Finds the procedure a person means from everyday words, surviving typos ("carte vital", "impot", "reversion").
// Scores each procedure by its best-matching synonym; close seconds are reported so the flow can ask. The situation the
// message states (lost, stolen, password forgotten…) then sets apart entries about the same thing.
import { editDistance } from '../directory/geocode.js';
import { meaningfulWords, normalizeFrench } from '../engine/nlu/normalize.js';
import type { Procedure, ProcedureSituation } from './procedure-schema.js';

/** The everyday words saying each situation (« perdu », « volée », « mot de passe »…), from data/procedures. */
export type SituationWords = Record<ProcedureSituation, string[]>;

export type ProcedureMatch =
  | { type: 'found'; procedure: Procedure }
  | { type: 'ambiguous'; candidates: [Procedure, Procedure] }
  | { type: 'notFound' };

/**
 * Words too common in requests to identify a procedure on their own. The words of learning (« atelier », « cours »)
 * name a need, not a procedure: left in, « atelier » read as a typo of « ameli ».
 */
const GENERIC = new Set(['faire', 'demande', 'demander', 'dois', 'doit', 'besoin', 'aide', 'aider', 'comment', 'mon', 'ma', 'mes', 'sur', 'internet', 'ligne', 'site', 'pas', 'que', 'quoi', 'avoir', 'mais', 'n', 'ai', 'suis', 'est', 'votre', 'vos', 'nos', 'en', 'atelier', 'ateliers', 'cours', 'apprendre']);

interface IndexedSynonym {
  procedure: Procedure;
  words: string[];
}

export interface ProcedureMatcher {
  match(text: string): ProcedureMatch;
  /** Every procedure with its score, best first: for tests and for tuning. */
  rank(text: string): { procedure: Procedure; score: number }[];
}

const MIN_SCORE = 0.75;
/** A runner-up this close to the winner means the person may have meant either. */
const AMBIGUITY_RATIO = 0.9;
/** An entry for the situation the message states wins clearly over the general entry on the same thing… */
const SITUATION_SAID = 1.5;
/** …and gives way to it when the message states none of its situations. */
const SITUATION_UNSAID = 0.8;

/**
 * @example
 * const matcher = createProcedureMatcher(procedures, { situationWords });
 * matcher.match("j'ai perdu ma carte vitale"); // { type: 'found', procedure: { id: 'carte-vitale-perdue', … } }
 */
export function createProcedureMatcher(procedures: Procedure[], options: { situationWords?: Partial<SituationWords> } = {}): ProcedureMatcher {
  const synonyms: IndexedSynonym[] = procedures.flatMap((procedure) =>
    [procedure.title, ...procedure.synonyms].map((s) => ({ procedure, words: keyWords(s) })).filter((s) => s.words.length > 0),
  );
  const situationPhrases = Object.entries(options.situationWords ?? {}).map(([situation, phrases]) => ({
    situation: situation as ProcedureSituation,
    phrases: (phrases ?? []).map((p) => normalizeFrench(p).split(' ')),
  }));

  /** The situations a message states: a phrase found word for word, or a single word found by stem (« perdue », « perdus »). */
  function saidSituations(text: string): Set<ProcedureSituation> {
    const words = normalizeFrench(text).split(' ');
    const said = new Set<ProcedureSituation>();
    for (const { situation, phrases } of situationPhrases) {
      const found = phrases.some((phrase) =>
        phrase.length === 1
          ? words.some((w) => wordSimilarity(phrase[0]!, w) >= 0.95)
          : words.some((_, i) => phrase.every((p, j) => words[i + j] === p)),
      );
      if (found) said.add(situation);
    }
    return said;
  }

  function situationFactor(procedure: Procedure, said: Set<ProcedureSituation>): number {
    if (!procedure.situations) return 1;
    return procedure.situations.some((s) => said.has(s)) ? SITUATION_SAID : SITUATION_UNSAID;
  }

  function rank(text: string) {
    const words = keyWords(text);
    const best = new Map<string, { procedure: Procedure; score: number }>();
    if (words.length === 0) return [];
    const said = saidSituations(text);
    for (const synonym of synonyms) {
      const score = synonymScore(synonym.words, words) * situationFactor(synonym.procedure, said);
      const current = best.get(synonym.procedure.id);
      if (score > 0 && (!current || score > current.score)) best.set(synonym.procedure.id, { procedure: synonym.procedure, score });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  return {
    rank,
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
