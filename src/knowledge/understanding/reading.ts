// The understanding port: what a free message says, as a structured « reading ». The deterministic reader
// (deterministic-reader.ts) implements it today; a model-backed reader (issue 18) can sit behind the same port.
// A reading names things only by our own ids (procedures, needs, communes): it never carries a fact to say.
import { PROCEDURE_SITUATIONS, type ProcedureSituation } from '../procedure-schema.js';

/** What the person wants first. `unknown` sends them to the menu. */
export const INTENTS = ['scam', 'callback', 'person', 'relative', 'procedure', 'place', 'learn', 'equipment', 'unknown'] as const;
export type Intent = (typeof INTENTS)[number];

/**
 * What happened to the thing the procedure is about: a lost card is not a first request. The same list the
 * procedures name (most specific first), so a reading and an entry speak of one thing.
 */
export const SITUATIONS = PROCEDURE_SITUATIONS;
export type Situation = ProcedureSituation;

/** The directory's needs (src/directory/types.ts PlaceService). */
export type Need = 'demarches' | 'apprendre' | 'materiel' | 'internet';

/** What limits the person, said in passing: kept so that the answer can fit them. */
export const CONSTRAINTS = ['noInternet', 'noDevice', 'hearing', 'sight', 'mobility', 'cost', 'carerExhausted'] as const;
export type Constraint = (typeof CONSTRAINTS)[number];

export interface ReadPlace {
  /** What a place search is given: « Nasbinals 48260 », « 73100 », « geo:44.3,2.5 ». */
  query: string;
  /** The commune's name when one is known (empty for a postal code covering several communes). */
  name: string;
  postalCode?: string;
}

export interface Reading {
  intent: Intent;
  /** A procedure of our knowledge base, by id. */
  procedureId?: string;
  /** A second procedure that fits as well: ask which one rather than guess. */
  alternativeProcedureId?: string;
  /** The procedure's known entry does not cover the situation said (a lost card, a forgotten password). */
  situationNotCovered?: boolean;
  situation?: Situation;
  location?: ReadPlace;
  /** Homonymous communes far apart, none fitting what else is known: ask which one. */
  locationChoices?: ReadPlace[];
  need?: Need;
  constraints: Constraint[];
  forWhom: 'self' | 'relative';
  /** `now`: something is happening (a caller on the line, codes given, money gone). */
  urgency: 'now' | 'normal';
  /** The reader guessed (a procedure found only through a near word): a model, when configured, is asked. */
  unsure?: true;
  /** A day of the week named (0 = Monday): the places are given with that day's hours. */
  weekday?: number;
}

/** What else is known when a message is read: never the person's history, only where they are likely to be. */
export interface ReadingContext {
  channel?: string;
  /** The number that wrote or called, to guess a region from a landline. */
  from?: string;
  /** The department whose platform transferred the call, or whose number was called, or the conversation's. */
  departement?: string;
  /** The department the conversation belongs to (its switch and daily budget for the model), if any. */
  conversationDepartement?: string;
  /** The channel holds the turn rather than wait in silence (the phone): a reader about to ask a model holds it. */
  mayHold?: boolean;
}

export interface UnderstandingReader {
  read(text: string, context?: ReadingContext): Promise<Reading>;
}
