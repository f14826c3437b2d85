// Finds the procedure a person means from everyday words, surviving typos ("carte vital", "impot", "reversion").
// Scores each procedure by its best-matching synonym; close seconds are reported so the flow can ask. The situation the
// message states (lost, stolen, password forgotten…) then sets apart entries about the same thing.
import { editDistance } from '../directory/geocode.js';
import { meaningfulWords, normalizeFrench } from '../engine/nlu/normalize.js';
import type { Procedure, ProcedureSituation } from './procedure-schema.js';

/** The everyday words saying each situation (« perdu », « volée », « mot de passe »…), from data/procedures. */
export type SituationWords = Record<ProcedureSituation, string[]>;

/** A reader of the situations a text states, from their words: a phrase word for word, a single word by its stem. */
export function situationReaderOf(words: Partial<SituationWords>): SituationReader {
  // Stemmed once, here and per message (not per comparison): this reader runs on every message and over every
  // procedure at start.
  const phrases = Object.entries(words).map(([situation, list]) => ({
    situation,
    phrases: (list ?? []).map((p) => normalizeFrench(p).split(' ')).map((words) => ({ words, stem: stemmed(words[0] ?? '') })),
  }));
  return (text) => {
    const said = normalizeFrench(text).split(' ');
    const saidStems = said.map(stemmed);
    return phrases
      .filter(({ phrases: list }) =>
        list.some(({ words: phrase, stem }) =>
          // A single word is said when the same word or its stem is (wordSimilarity ≥ 0.95, without its edit distance,
          // which only ever scores 0.75: this runs over every procedure's title and synonyms at start).
          phrase.length === 1 ? saidStems.some((w) => w.word === stem.word || w.stem === stem.stem) : said.some((_, i) => phrase.every((p, j) => said[i + j] === p)),
        ),
      )
      .map((p) => p.situation);
  };
}

export type ProcedureMatch =
  | { type: 'found'; procedure: Procedure }
  | { type: 'ambiguous'; candidates: [Procedure, Procedure] }
  | { type: 'notFound' };

/**
 * Words too common in requests to identify a procedure on their own. The words of learning (« atelier », « cours »)
 * name a need, not a procedure: left in, « atelier » read as a typo of « ameli ». Common verbs one letter from an
 * entry's word go too: « elle veut pas » read as a typo of « veuf », the survivor's pension.
 */
const GENERIC = new Set(['faire', 'demande', 'demander', 'dois', 'doit', 'besoin', 'aide', 'aider', 'comment', 'mon', 'ma', 'mes', 'sur', 'internet', 'ligne', 'site', 'pas', 'que', 'quoi', 'avoir', 'mais', 'n', 'ai', 'suis', 'est', 'votre', 'vos', 'nos', 'en', 'atelier', 'ateliers', 'cours', 'apprendre', 'veut', 'veux', 'peut', 'peux', 'faut', 'vaut']);

/** The distinct words of a message compared with every synonym, at most: a procedure is named early, not after a page. */
const MAX_MESSAGE_WORDS = 120;

interface IndexedSynonym {
  procedure: Procedure;
  words: Stemmed[];
  /** Per word: true when it names the thing (« ameli », « retraite »), false when it says what happened (« oublié »). */
  names: boolean[];
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
/** An entry for the situation the message states wins clearly over the general entry on the same thing… */
const SITUATION_SAID = 1.25;
/** …and gives way to it when the message states none of its situations. */
const SITUATION_UNSAID = 0.8;

/**
 * Reads the situations a text speaks of (« perdu », « mot de passe »…), most specific first. Generic: no entry id is
 * known here.
 */
export type SituationReader = (text: string) => string[];

/**
 * An entry's situations are the ones it names (`situations`), else those its title and synonyms speak of; an entry
 * for the situation a message states wins over the general entry on the same thing, and gives way to it otherwise.
 * @example
 * const matcher = createProcedureMatcher(procedures, situationReaderOf(situationWords));
 * matcher.match("j'ai perdu ma carte vitale"); // { type: 'found', procedure: { id: 'carte-vitale-perdue', … } }
 */
export function createProcedureMatcher(procedures: Procedure[], situationsIn: SituationReader = () => []): ProcedureMatcher {
  // Synonyms and runs of their words recur (« mot de passe », « carte »): each is read once, normalised.
  const read = new Map<string, string[]>();
  const situationsOnce = (normalised: string) => {
    let said = read.get(normalised);
    if (!said) read.set(normalised, (said = situationsIn(normalised)));
    return said;
  };
  const saysASituation = (run: string) => situationsOnce(run).length > 0;
  const situations = new Map<string, string[]>(
    procedures.map((p) => [p.id, p.situations ?? [...new Set([p.title, ...p.synonyms].flatMap((s) => situationsOnce(normalizeFrench(s))))]]),
  );
  const synonyms: IndexedSynonym[] = procedures.flatMap((procedure) =>
    [procedure.title, ...procedure.synonyms]
      .map((s) => {
        const words = keyWords(s);
        const telling = situationTokens(s, saysASituation);
        return { procedure, words: words.map(stemmed), names: words.map((w) => !telling.has(w)) };
      })
      .filter((s) => s.words.length > 0),
  );
  function rank(text: string) {
    // Each distinct word once, stemmed once: the cost grows with the words of the message, never with their repeats.
    const words = [...new Set(keyWords(text))].slice(0, MAX_MESSAGE_WORDS).map(stemmed);
    const best = new Map<string, { procedure: Procedure; score: number; found: number }>();
    if (words.length === 0) return [];
    const said = situationsIn(text);
    for (const synonym of synonyms) {
      const own = situations.get(synonym.procedure.id)!;
      const fit = own.length === 0 ? 1 : own.some((s) => said.includes(s)) ? SITUATION_SAID : SITUATION_UNSAID;
      const found = synonymScore(synonym, words);
      const score = found * fit;
      const current = best.get(synonym.procedure.id);
      if (score > 0 && (!current || score > current.score)) best.set(synonym.procedure.id, { procedure: synonym.procedure, score, found });
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  return {
    rank,
    situationsOf: (id) => situations.get(id) ?? [],
    match(text) {
      const [first, second] = rank(text);
      // Whether a procedure is named at all is read from its words alone: the situations only rank the entries
      // (« pasport », a typo, still names the passport's entry, though that entry speaks of renewing).
      if (!first || first.found < MIN_SCORE) return { type: 'notFound' };
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
 * or within a small typo distance) counts; all of a multi-word synonym found weighs more than one word. A synonym
 * found in part must have the words that name its thing: « compte ameli mot de passe oublié » is not « mot de
 * passe oublié pour mon compte retraite ». One made only of words saying what happened (« mot de passe oublié »)
 * names no thing, and weighs as one word: a thing named beside it (« compte retraite ») tells more.
 */
function synonymScore(synonym: Omit<IndexedSynonym, 'procedure'>, message: Stemmed[]): number {
  const namesAThing = synonym.names.some(Boolean);
  let found = 0;
  for (const [i, word] of synonym.words.entries()) {
    let best = 0;
    for (const candidate of message) best = Math.max(best, wordSimilarity(word, candidate));
    if (best === 0 && synonym.names[i]) return 0;
    found += best;
  }
  const coverage = found / synonym.words.length;
  if (coverage < 0.75) return 0;
  return coverage * (namesAThing ? 1 + 0.5 * (synonym.words.length - 1) : 1);
}

/** The longest run of words a situation is said in (« code secret », « mot de passe »). */
const MAX_SITUATION_WORDS = 3;

/**
 * The words of a text that only say what happened: those of the smallest runs the situation reader reads as a
 * situation (« mot de passe », « oublié »), not the words around them.
 */
function situationTokens(text: string, saysASituation: (run: string) => boolean): Set<string> {
  const words = normalizeFrench(text).split(' ').filter(Boolean);
  const telling = new Set<string>();
  const says = (from: number, to: number) => saysASituation(words.slice(from, to).join(' '));
  // Most synonyms say no situation at all: then none of their words does.
  if (!says(0, words.length)) return telling;
  for (let length = 1; length <= MAX_SITUATION_WORDS; length++) {
    for (let from = 0; from + length <= words.length; from++) {
      const to = from + length;
      // The smallest run: it says a situation, and neither run one word shorter does.
      if (says(from, to) && (length === 1 || (!says(from + 1, to) && !says(from, to - 1)))) for (const w of words.slice(from, to)) telling.add(w);
    }
  }
  return telling;
}

interface Stemmed {
  word: string;
  stem: string;
}

const stemmed = (word: string): Stemmed => ({ word, stem: stem(word) });

function wordSimilarity(a: Stemmed, b: Stemmed): number {
  if (a.word === b.word) return 1;
  const stemA = a.stem;
  const stemB = b.stem;
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
