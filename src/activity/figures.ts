// The dashboard's figures, computed from the daily totals: pure, so the page, the CSV and the report show the same
// numbers, every one of them masked under five (« < 5 ») so that no one can be recognised.
import { CHANNEL_OF_CODE, FACT_KINDS, isoDay } from './facts.js';

/** Under this count, a figure is shown as « < 5 ». */
export const SMALL_COUNT = 5;

/** A count as shown anywhere: « 0 », « < 5 », or the number with French digit grouping. */
export function shown(n: number): string {
  if (n === 0) return '0';
  if (n < SMALL_COUNT) return '< 5';
  return new Intl.NumberFormat('fr-FR').format(n).replace(/\u202f|\u00a0/g, ' ');
}

/** One line of a breakdown: its code, label and count. */
export interface Share {
  code: string;
  label: string;
  n: number;
}

/** Daily totals summed over a period: one row per kind, code, detail and channel (`total`: the values' sum). */
export interface TotalLike {
  kind: number;
  code: string;
  detail: string;
  channel: number;
  n: number;
  total: number;
}

export interface Figures {
  conversations: number;
  newPeople: number;
  byChannel: Share[];
  initiators: Share[];
  needs: Share[];
  procedures: Share[];
  outcomes: Share[];
  profile: { code: string; label: string; values: Share[] }[];
  orientationsByStatus: Share[];
  orientationsByPlace: Share[];
  visits: Share[];
  evaluations: { question: string; answers: Share[] }[];
  satisfaction: { question: string; answers: Share[] }[];
  callbacks: { closed: number; byOutcome: Share[]; answered: number; meanDelayMinutes: number | undefined };
  smsSegments: number;
}

export interface Labels {
  channel: Record<string, string>;
  need: Record<string, string>;
  outcome: Record<string, string>;
  initiator: Record<string, string>;
  orientation: Record<string, string>;
  callback: Record<string, string>;
  visit: Record<string, string>;
  /** The cold evaluation's questions (by id) and their answers (by digit). */
  evaluation: Record<string, { label: string; values: Record<string, string> }>;
  profile: Record<string, { label: string; values: Record<string, string> }>;
  procedure: (id: string) => string;
  place: (id: string) => string;
}

/** Folds totals into shares, largest first (ties by label), with their labels. */
function shares(rows: TotalLike[], keyOf: (r: TotalLike) => string, labelOf: (code: string) => string): Share[] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(keyOf(r), (counts.get(keyOf(r)) ?? 0) + r.n);
  return [...counts]
    .map(([code, n]) => ({ code, label: labelOf(code), n }))
    .sort((a, b) => b.n - a.n || a.label.localeCompare(b.label, 'fr'));
}

const label = (map: Record<string, string>) => (code: string) => map[code] ?? code;

export function figuresOf(totals: TotalLike[], labels: Labels): Figures {
  const of = (kind: number) => totals.filter((r) => r.kind === kind);
  const sum = (rows: TotalLike[]) => rows.reduce((a, r) => a + r.n, 0);
  const conversations = of(FACT_KINDS.conversation);
  const profileRows = of(FACT_KINDS.profile);
  const suivi = of(FACT_KINDS.suivi);
  const callbacks = of(FACT_KINDS.callback);
  const answered = callbacks.filter((r) => r.code === 'joint');
  const answeredCount = sum(answered);
  const grouped = (rows: TotalLike[], prefix: string, named: Labels['evaluation'] = {}) =>
    [...new Set(rows.filter((r) => r.code.startsWith(prefix)).map((r) => r.code))].sort().map((code) => {
      const id = code.slice(prefix.length);
      return {
        question: named[id]?.label ?? id,
        answers: shares(rows.filter((r) => r.code === code), (r) => r.detail, (d) => named[id]?.values[d] ?? d).sort((a, b) => a.code.localeCompare(b.code)),
      };
    });
  return {
    conversations: sum(conversations),
    newPeople: sum(conversations.filter((r) => r.detail === 'new')),
    byChannel: shares(conversations, (r) => CHANNEL_OF_CODE.get(r.channel) ?? 'autre', label(labels.channel)),
    initiators: shares(of(FACT_KINDS.initiator), (r) => r.code, label(labels.initiator)),
    needs: shares(of(FACT_KINDS.need), (r) => r.code, label(labels.need)),
    procedures: shares(of(FACT_KINDS.procedure), (r) => r.code, labels.procedure),
    outcomes: shares(of(FACT_KINDS.outcome), (r) => r.code, label(labels.outcome)),
    profile: [...new Set(profileRows.map((r) => r.code))].map((code) => {
      const known = labels.profile[code];
      return { code, label: known?.label ?? code, values: shares(profileRows.filter((r) => r.code === code), (r) => r.detail, (d) => known?.values[d] ?? d) };
    }),
    orientationsByStatus: shares(of(FACT_KINDS.orientation), (r) => r.code, label(labels.orientation)),
    orientationsByPlace: shares(of(FACT_KINDS.orientation).filter((r) => r.code === 'envoyee' && r.detail), (r) => r.detail, labels.place),
    visits: shares(suivi.filter((r) => r.code === 'visite'), (r) => r.detail, label(labels.visit)),
    evaluations: grouped(suivi, 'eval:', labels.evaluation),
    satisfaction: grouped(of(FACT_KINDS.satisfaction), ''),
    callbacks: {
      closed: sum(callbacks),
      byOutcome: shares(callbacks, (r) => r.code, label(labels.callback)),
      answered: answeredCount,
      // A mean over fewer than five people would describe them: not given.
      meanDelayMinutes: answeredCount >= SMALL_COUNT ? Math.round(answered.reduce((a, r) => a + r.total, 0) / answeredCount) : undefined,
    },
    smsSegments: of(FACT_KINDS.segments).reduce((a, r) => a + r.total, 0),
  };
}

/** Conversations per ISO week (Monday first) and per month, from per-day counts. */
export function trendsOf(days: { day: number; kind: number; n: number }[]): { weeks: Share[]; months: Share[] } {
  const weeks = new Map<string, number>();
  const months = new Map<string, number>();
  for (const d of days) {
    if (d.kind !== FACT_KINDS.conversation) continue;
    // Day 0 (1970-01-01) was a Thursday: Monday of that week is day -3.
    const monday = d.day - ((d.day + 3) % 7 + 7) % 7;
    const week = isoDay(monday);
    const month = isoDay(d.day).slice(0, 7);
    weeks.set(week, (weeks.get(week) ?? 0) + d.n);
    months.set(month, (months.get(month) ?? 0) + d.n);
  }
  const list = (m: Map<string, number>, labelOf: (k: string) => string) => [...m].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => ({ code, label: labelOf(code), n }));
  return {
    weeks: list(weeks, (w) => `Semaine du ${frenchDate(w)}`),
    months: list(months, (m) => frenchMonth(m)),
  };
}

// French dates from the platform's own locale data rather than a list of month names (UTC: the strings are days).
const FRENCH_DAY = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const FRENCH_MONTH = new Intl.DateTimeFormat('fr-FR', { timeZone: 'UTC', month: 'long', year: 'numeric' });
export const frenchDate = (iso: string) => FRENCH_DAY.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`));
export const frenchMonth = (ym: string) => FRENCH_MONTH.format(new Date(`${ym.slice(0, 7)}-01T00:00:00Z`));
