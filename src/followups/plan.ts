// What to send when: the follow-ups' delays, pure (no clock, no storage). The settings come from the runtime
// (environment on Node, variables on Workers); these are the defaults the README documents.
import { DEFAULT_SENDING_HOURS, parisMidnightDaysBefore } from './quiet-hours.js';

export interface FollowUpSettings {
  /** When Relais may write first (OSM hours, Europe/Paris, `PH` = French public holidays). */
  sendingHours: string;
  /** The reminder goes from midnight of this many days before the session (then at the first sending hour). */
  reminderDaysBefore: number;
  /** The « Avez-vous pu y aller ? » check, this many days after places were given or an orientation made. */
  verificationAfterDays: number;
  /** The cold evaluation, this many days after the workshop (two to three months). */
  evaluationAfterDays: number;
  /** A runner's claim lasts this long; a crashed runner's claims come back after it. */
  leaseMs: number;
  /** Attempts (Twilio or Meta failing) before a follow-up is given up, the reason kept. */
  maxAttempts: number;
}

export const DEFAULT_FOLLOWUP_SETTINGS: FollowUpSettings = {
  sendingHours: DEFAULT_SENDING_HOURS,
  reminderDaysBefore: 1,
  verificationAfterDays: 7,
  evaluationAfterDays: 70,
  leaseMs: 5 * 60_000,
  maxAttempts: 5,
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** A follow-up waits this long when the person is in the middle of a conversation. */
export const IN_CONVERSATION_DELAY_MS = 30 * 60_000;
/** A conversation whose last message is this recent, at a question other than the menu, is in progress. */
export const IN_CONVERSATION_MS = 30 * 60_000;

/** The reminder of a session: from midnight of the day before, and pointless within the hour before it starts. */
export function reminderWindow(startsAt: number, settings: FollowUpSettings): { dueAt: number; expiresAt: number } {
  return { dueAt: parisMidnightDaysBefore(startsAt, settings.reminderDaysBefore), expiresAt: startsAt - HOUR_MS };
}

/** The 7-day check after `at` (places given, an orientation made); a week later it is no longer asked. */
export function verificationWindow(at: number, settings: FollowUpSettings): { dueAt: number; expiresAt: number } {
  const dueAt = at + settings.verificationAfterDays * DAY_MS;
  return { dueAt, expiresAt: dueAt + 7 * DAY_MS };
}

/** The cold evaluation after a workshop's end: within the month that follows its due day (two to three months). */
export function evaluationWindow(endsAt: number, settings: FollowUpSettings): { dueAt: number; expiresAt: number } {
  const dueAt = endsAt + settings.evaluationAfterDays * DAY_MS;
  return { dueAt, expiresAt: dueAt + 30 * DAY_MS };
}

/** The next attempt after a failure: 5, 10, 20… minutes, at most 6 hours apart. */
export const retryDelayMs = (attempts: number) => Math.min(6 * HOUR_MS, 5 * 60_000 * 2 ** Math.max(0, attempts - 1));

/** A phone number with its middle hidden, for operators' lists and logs: « +33 6 •• •• •• 78 ». */
export function maskedNumber(address: string): string {
  const digits = address.replace(/^whatsapp:/, '');
  if (digits.length < 6) return '••';
  return `${digits.slice(0, digits.startsWith('+') ? 4 : 2)}${'•'.repeat(Math.max(2, digits.length - 6))}${digits.slice(-2)}`;
}
