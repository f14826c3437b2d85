// The deterministic reader: reads the whole sentence, not its first keyword. A scam outranks everything; then a
// request for a person; then who the help is for; then what is needed — a procedure (and what happened: lost,
// stolen, password…), a place, learning or a device — with the place said in passing. Words come from
// data/intents.fr.ts; no message is known here.
import type { Directory } from '../../directory/types.js';
import { meaningfulWords, normalizeFrench } from '../../engine/nlu/normalize.js';
import { createProcedureMatcher, situationReaderOf, type ProcedureMatcher } from '../match-procedure.js';
import type { Procedure } from '../procedure-schema.js';
import { hasAny, keysFound, withoutPhrases, type PhraseList } from './phrases.js';
import { placeReader, type PlaceVocabulary } from './places-in-text.js';
import { CONSTRAINTS, SITUATIONS, type Constraint, type Need, type Reading, type ReadingContext, type Situation, type UnderstandingReader } from './reading.js';
import { scamSignal, type ScamVocabulary } from './scam-signals.js';

export interface ReaderVocabulary extends ScamVocabulary, Omit<PlaceVocabulary, 'landlineDepartements'> {
  callbackWords: PhraseList;
  injectionWords: PhraseList;
  personWords: PhraseList;
  personAloneWords: PhraseList;
  digitalAdviserWords: PhraseList;
  relativeWords: PhraseList;
  needWords: Record<string, PhraseList>;
  deviceWords: PhraseList;
  placeWords: PhraseList;
  appointmentWords: PhraseList;
  appointmentHeldPhrases: PhraseList;
  situationWords: Record<string, PhraseList>;
  /** What can be lost without being a paper (« mot de passe », « identifiant »): then it is forgotten. */
  lostSecretWords: PhraseList;
  statusPhrases: PhraseList;
  constraintWords: Record<string, PhraseList>;
  /** SMS spellings and contractions, by the words they stand for (« d1 » -> « d un »). */
  smsSpeak: Record<string, string>;
  /** Monday first. */
  weekdayWords: string[];
}

/** The characters of a message that are read, at most. */
const MAX_READ_CHARACTERS = 800;

/** Situations a known entry must name to be the right answer: a general entry does not explain a lost card. */
const SITUATIONS_NEEDING_THEIR_ENTRY: Situation[] = ['lost', 'stolen', 'damaged', 'password'];

/** The situation a text says happened that the entry does not name (« perdu » for the app entry), if any. */
export function uncoveredSituation(matcher: ProcedureMatcher, situationsOf: (text: string) => Situation[], procedureId: string, text: string): Situation | undefined {
  const said = situationsOf(text)[0];
  return said && situationUncovered(matcher, procedureId, said) ? said : undefined;
}

/** True when the situation needs an entry of its own and this procedure's entry does not name it. */
export const situationUncovered = (matcher: ProcedureMatcher, procedureId: string, situation: Situation): boolean =>
  SITUATIONS_NEEDING_THEIR_ENTRY.includes(situation) && !matcher.situationsOf(procedureId).includes(situation);

/**
 * Reads the situations a text speaks of, most specific first. A password or a login lost is forgotten, not a paper
 * lost: « j'ai perdu mon mot de passe » is no lost card.
 */
export function situationReader(vocabulary: Pick<ReaderVocabulary, 'situationWords' | 'lostSecretWords'>) {
  const read = situationReaderOf(vocabulary.situationWords);
  return (text: string): Situation[] => {
    const found = read(text);
    const secretLost = found.includes('lost') && found.includes('password') && hasAny(normalizeFrench(text), vocabulary.lostSecretWords);
    return SITUATIONS.filter((s) => found.includes(s) && !(secretLost && s === 'lost'));
  };
}

export function createDeterministicReader(deps: {
  directory: Directory;
  procedures: Procedure[];
  vocabulary: ReaderVocabulary & { landlineDepartements: PlaceVocabulary['landlineDepartements'] };
  matcher?: ProcedureMatcher;
}): UnderstandingReader {
  const v = deps.vocabulary;
  const situationsOf = situationReader(v);
  const matcher = deps.matcher ?? createProcedureMatcher(deps.procedures, situationsOf);
  const places = placeReader(deps.directory, v);
  // The entries whose steps take an appointment themselves (the ID card at a town hall that makes them).
  const appointmentInSteps = new Set(deps.procedures.filter((p) => p.steps.some((step) => hasAny(normalizeFrench(step), v.appointmentWords))).map((p) => p.id));

  /** The procedure the text names, if its score reaches `minScore` (a typo-level match does not outweigh another need). */
  function procedureIn(text: string, situation: Situation | undefined, minScore = 0) {
    const match = matcher.match(text);
    if (match.type === 'notFound') return undefined;
    const first = match.type === 'found' ? match.procedure : match.candidates[0];
    const score = matcher.rank(text)[0]?.score ?? 0;
    if (score < minScore) return undefined;
    const covered = !uncoveredSituation(matcher, () => (situation ? [situation] : []), first.id, text);
    return {
      procedureId: first.id,
      // A guess, which a model may confirm or correct: found only through a word close to a synonym (a typo, a
      // stem), or through one word said in passing in a long message.
      ...(score < EXACT_SCORE || (score < CLEAR_SCORE && meaningfulWords(text).length >= LONG_MESSAGE_WORDS) ? { unsure: true as const } : {}),
      ...(match.type === 'ambiguous' ? { alternativeProcedureId: match.candidates[1].id } : {}),
      ...(covered ? {} : { situationNotCovered: true }),
    };
  }

  return {
    async read(whole: string, context: ReadingContext = {}): Promise<Reading> {
      // What a person asks fits in a few sentences (a pasted SMS included); reading further only costs time, and
      // a hostile page of text must not hold the service.
      const raw = whole.slice(0, MAX_READ_CHARACTERS);
      const text = spelledOut(normalizeFrench(raw), v.smsSpeak);
      const constraints = keysFound(text, v.constraintWords as Record<Constraint, PhraseList>).filter((c) => CONSTRAINTS.includes(c));
      // « Ouverte le samedi ? »: the day whose hours the places are given with.
      const weekday = text.split(' ').map((w) => v.weekdayWords.indexOf(w)).find((i) => i >= 0);
      const base = {
        constraints,
        forWhom: hasAny(text, v.relativeWords) ? ('relative' as const) : ('self' as const),
        urgency: 'normal' as const,
        ...(weekday !== undefined ? { weekday } : {}),
      };
      if (!text) return { intent: 'unknown', ...base };

      const scam = scamSignal(raw, v);
      const found = await places.find(raw, context);
      const place = {
        ...(found.location ? { location: found.location } : {}),
        ...(found.choices ? { locationChoices: found.choices } : {}),
      };
      if (scam) return { intent: 'scam', ...base, ...place, urgency: scam.urgency };
      // An order given to the service is no request: nothing in it is read as one (« … réponds id=aspa »).
      if (hasAny(text, v.injectionWords)) return { intent: 'unknown', ...base };
      if (hasAny(text, v.callbackWords)) return { intent: 'callback', ...base, ...place };
      const short = meaningfulWords(text).length <= SHORT_MESSAGE_WORDS;
      // « Un conseiller numérique » teaches: not a request for a person now.
      const personText = withoutPhrases(text, v.digitalAdviserWords);
      if (hasAny(personText, v.personWords) || (short && hasAny(personText, v.personAloneWords))) return { intent: 'person', ...base, ...place };

      // What happened is read without what the person says of themselves: « je suis perdue » lost nothing.
      // Nor is the commune's name a procedure (« Fau-de-Peyre » is no typo of « faux »).
      const asked = found.said ? withoutPhrases(text, [found.said]) : text;
      const status = withoutPhrases(asked, v.statusPhrases);
      const situation = situationsOf(status)[0];
      const needs = keysFound(text, v.needWords) as Need[];
      const device = hasAny(text, v.deviceWords);
      const equipment = needs.includes('materiel') && device;
      const learn = needs.includes('apprendre') && !equipment;
      const namesPlace = hasAny(text, v.placeWords);
      // The procedure read without what the person says of themselves (« je suis à la retraite »); read with it
      // only when nothing else is asked.
      const procedure = procedureIn(status, situation, learn ? EXACT_SCORE : 0) ?? (equipment || learn || namesPlace ? undefined : procedureIn(asked, situation));
      // « Un rendez-vous pour ma carte grise » asks to be received: the procedure with someone, near the person.
      const asksAppointment = hasAny(withoutPhrases(text, v.appointmentHeldPhrases), v.appointmentWords);
      const asksPlace = namesPlace || (asksAppointment && !(procedure && appointmentInSteps.has(procedure.procedureId)));
      const need: Need | undefined = equipment ? 'materiel' : learn ? 'apprendre' : needs.includes('internet') ? 'internet' : needs.includes('demarches') || asksPlace ? 'demarches' : undefined;
      const what = { ...(need ? { need } : {}), ...(situation ? { situation } : {}) };

      if (base.forWhom === 'relative') return { intent: 'relative', ...base, ...place, ...what, ...(procedure ?? {}) };
      if (equipment) return { intent: 'equipment', ...base, ...place, ...what };
      // « Où aller pour envoyer un mail » asks for a place; « où refaire ma carte d'identité » for the procedure.
      // An appointment asked keeps the procedure (presented, then the places where it is done with someone).
      if (procedure && (!namesPlace || namedClearly(procedure.procedureId, status))) return { intent: 'procedure', ...base, ...place, ...what, ...procedure };
      // « Un lieu d'aide numérique » asks for a place, for learning.
      if (learn) return { intent: asksPlace ? 'place' : 'learn', ...base, ...place, ...what };
      if (need || found.location || found.choices) return { intent: 'place', ...base, ...place, ...what };
      return { intent: 'unknown', ...base };
    },
  };

  /** A procedure named by a phrase of several words (« carte d'identité »), not by one word said in passing. */
  function namedClearly(id: string, text: string): boolean {
    return (matcher.rank(text).find((r) => r.procedure.id === id)?.score ?? 0) >= CLEAR_SCORE;
  }
}

/** A normalised text with its SMS spellings written out, word by word. */
const spelledOut = (text: string, forms: Record<string, string>): string =>
  text
    .split(' ')
    .map((w) => (Object.hasOwn(forms, w) ? forms[w]! : w))
    .join(' ');

/** The matcher's scores (see match-procedure.ts): a two-word synonym found whole, one word found exactly. */
const CLEAR_SCORE = 1.4;
const EXACT_SCORE = 1;
/** A message this long says more than the one word a procedure was found by. */
const LONG_MESSAGE_WORDS = 8;
/** A message this short is a request in itself (« conseillère svp »). */
const SHORT_MESSAGE_WORDS = 2;
