// Anonymous activity facts: what happened (a conversation, a need, a place given, a referral's status, a follow-up
// answer…), where (department, commune, EPCI), by which channel and for whom in broad terms. Never a phone number,
// a name or free text: every field is a code. Facts outlive SUPPRIMER and the retention purge, since none identifies
// anyone; the figures of /espace/activite are read from them.
import { parisDayNumber } from '../directory/paris-clock.js';

/** What a fact counts. Stored as a small integer (the table holds millions of rows). */
export const FACT_KINDS = {
  /** A person started (or came back to, after a day's silence) a conversation. detail: `new` or `returning`. */
  conversation: 1,
  /** A need named (code: demarches, apprendre, materiel, internet…). */
  need: 2,
  /** A procedure explained (code: the procedure id). */
  procedure: 3,
  /** What the person got (code: one of {@link OUTCOMES}). */
  outcome: 4,
  /** Who reached out (code: one of {@link INITIATORS}). */
  initiator: 5,
  /** The person's situation, when said (code: equipment, comfort, obstacle, ageBand…; detail: its value). */
  profile: 6,
  /** SMS segments sent (value: how many). Counted in the daily table only: one a turn would weigh on storage. */
  segments: 7,
  /** A callback closed by the platform (code: its outcome; value: minutes from the request to the close). */
  callback: 8,
  /** A referral's status change (code: one of {@link ORIENTATION_STATUSES}; detail: the receiving place's id). */
  orientation: 9,
  /** A follow-up answer (code: `visite` or `eval:<question id>`; detail: the answer, a word or a digit). */
  suivi: 10,
  /** A satisfaction answer (code: the question id; detail: the answer digit). */
  satisfaction: 11,
} as const;
export type FactKind = keyof typeof FACT_KINDS;
export const KIND_OF_CODE = new Map<number, FactKind>(Object.entries(FACT_KINDS).map(([k, v]) => [v, k as FactKind]));

export const OUTCOMES = ['places-given', 'white-zone', 'procedure-explained', 'callback-requested', 'scam-advice', 'workshop-booked', 'assessment', 'sms-sent'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ORIENTATION_STATUSES = ['envoyee', 'acceptee', 'refusee', 'honoree', 'non-honoree', 'cloturee'] as const;
export type OrientationStatus = (typeof ORIENTATION_STATUSES)[number];

export const INITIATORS = { senior: 1, caregiver: 2, relay: 3, platform: 4 } as const;
export type Initiator = keyof typeof INITIATORS;

export const CHANNELS = { sms: 1, whatsapp: 2, voice: 3, web: 4 } as const;
export type FactChannel = keyof typeof CHANNELS;
export const CHANNEL_OF_CODE = new Map<number, FactChannel>(Object.entries(CHANNELS).map(([k, v]) => [v, k as FactChannel]));

/** One anonymous fact. Every string is a code from our own vocabularies (never what someone typed). */
export interface ActivityFact {
  kind: FactKind;
  /** What within the kind (a need, a procedure id, an outcome, a status…). */
  code: string;
  /** A second code (a place id, an answer); empty when none. */
  detail?: string;
  /** A quantity (SMS segments, minutes of delay); 1 when absent. */
  value?: number;
  channel?: FactChannel;
  departement?: string;
  /** INSEE code of the commune concerned. */
  commune?: string;
  initiator?: Initiator;
  /** `60-74`, `75-84`, `85+` when the person said it. */
  ageBand?: string;
  /** The person's situation when said (`seul`, `aidant`…): a code, never words. */
  situation?: string;
  /** When it happened (epoch ms); stored as a day. */
  at: number;
}

/** Days since 1970-01-01 in French local time: a fact is dated by the day only. */
export const dayOf = parisDayNumber;

/** The day's date, `YYYY-MM-DD`. */
export const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** `YYYY-MM-DD` to a day number (undefined when not a real date). */
export function dayOfIso(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? undefined : ms / 86_400_000;
}

/** Where facts go. The conversation turn writes its facts in its own atomic unit; other features call this. */
export interface ActivityRecorder {
  /** Records facts at once, each in the raw table and the daily figures (#15 referrals, #16 follow-ups call this). */
  recordActivity(facts: ActivityFact | ActivityFact[]): Promise<void>;
}
