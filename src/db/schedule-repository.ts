// The scheduler's storage (scheduled_messages), the same SQL on better-sqlite3 and D1. A due row is claimed by one
// guarded UPDATE … RETURNING: SQLite runs it as one write, so two runners (two processes on one file, two Worker
// invocations on D1) can never claim the same row; a claim holds a lease, and a row whose lease has passed (its
// runner crashed) is claimable again. Every later write names the lease owner, so a runner that lost its lease
// changes nothing.
import { activityStatements } from './activity-statements.js';
import type { ActivityFact } from '../activity/facts.js';
import type { DatabaseHandle } from './database.js';

export type FollowUpKind = 'reminder' | 'verification' | 'evaluation';
export type ScheduledStatus = 'pending' | 'claimed' | 'sent' | 'answered' | 'failed' | 'cancelled' | 'expired';

export interface NewScheduledMessage {
  idempotencyKey: string;
  kind: FollowUpKind;
  contactAddress: string;
  channel: string;
  via?: string;
  departement?: string;
  dueAt: number;
  expiresAt?: number;
  payload: Record<string, string>;
}

export interface ScheduledMessage extends Omit<NewScheduledMessage, 'via' | 'departement' | 'expiresAt'> {
  id: number;
  via: string | null;
  departement: string | null;
  expiresAt: number | null;
  status: ScheduledStatus;
  attempts: number;
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
  lastError: string | null;
  createdAt: number;
  sentAt: number | null;
  answeredAt: number | null;
}

interface Row {
  id: number;
  idempotency_key: string;
  kind: FollowUpKind;
  contact_address: string;
  channel: string;
  via: string | null;
  departement: string | null;
  due_at: number;
  expires_at: number | null;
  payload: string;
  status: ScheduledStatus;
  attempts: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
  answered_at: number | null;
}

export const scheduledOf = (r: Row): ScheduledMessage => ({
  id: r.id,
  idempotencyKey: r.idempotency_key,
  kind: r.kind,
  contactAddress: r.contact_address,
  channel: r.channel,
  via: r.via,
  departement: r.departement,
  dueAt: r.due_at,
  expiresAt: r.expires_at,
  payload: JSON.parse(r.payload) as Record<string, string>,
  status: r.status,
  attempts: r.attempts,
  leaseOwner: r.lease_owner,
  leaseExpiresAt: r.lease_expires_at,
  lastError: r.last_error,
  createdAt: r.created_at,
  sentAt: r.sent_at,
  answeredAt: r.answered_at,
});

/** Claimable: pending and due, or claimed by a runner whose lease has passed. */
const CLAIMABLE = "((status = 'pending' and due_at <= ?) or (status = 'claimed' and lease_expires_at <= ?))";

export type ScheduleRepository = ReturnType<typeof createScheduleRepository>;

export function createScheduleRepository({ atomic }: DatabaseHandle) {
  const run = async (sql: string, params: unknown[]) => (await atomic([{ sql, params }]))[0] ?? [];
  const rows = async (sql: string, params: unknown[]) => ((await run(sql, params)) as Row[]).map(scheduledOf);
  /** A write by the lease's owner only: a runner that lost its lease changes nothing. */
  const byOwner = async (sets: string, params: unknown[], id: number, owner: string) =>
    (await run(`update scheduled_messages set ${sets} where id = ? and lease_owner = ? and status = 'claimed' returning id`, [...params, id, owner])).length === 1;

  return {
    /** Schedules a follow-up; the same idempotency key twice is one row. True when this call created it. */
    async schedule(m: NewScheduledMessage, at: number): Promise<boolean> {
      const inserted = await run(
        'insert into scheduled_messages (idempotency_key, kind, contact_address, channel, via, departement, due_at, expires_at, payload, status, attempts, created_at) ' +
          "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?) on conflict (idempotency_key) do nothing returning id",
        [m.idempotencyKey, m.kind, m.contactAddress, m.channel, m.via ?? null, m.departement ?? null, m.dueAt, m.expiresAt ?? null, JSON.stringify(m.payload), at],
      );
      return inserted.length === 1;
    },

    /** Claims up to `limit` due rows for `owner` until `now + leaseMs`; each claim counts as an attempt. */
    claimDue: (owner: string, now: number, leaseMs: number, limit: number) =>
      rows(
        "update scheduled_messages set status = 'claimed', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1 " +
          `where id in (select id from scheduled_messages where ${CLAIMABLE} order by due_at limit ?) and ${CLAIMABLE} returning *`,
        [owner, now + leaseMs, now, now, limit, now, now],
      ),

    /** What a runner would claim at `at` (the dry run), without claiming it. */
    dueAt: (at: number, limit: number) => rows(`select * from scheduled_messages where ${CLAIMABLE} order by due_at limit ?`, [at, at, limit]),

    /** Sent: the person's answer may now come. */
    sent: (id: number, owner: string, at: number) => byOwner("status = 'sent', sent_at = ?, lease_owner = null, lease_expires_at = null, last_error = null", [at], id, owner),

    /** Not now (quiet hours, a conversation in progress): back to pending at `dueAt`; a deferral is not an attempt. */
    defer: (id: number, owner: string, dueAt: number, reason: string) =>
      byOwner("status = 'pending', due_at = ?, attempts = attempts - 1, lease_owner = null, lease_expires_at = null, last_error = ?", [dueAt, reason], id, owner),

    /** A failed attempt (Twilio or Meta refused): retried at `retryAt`. */
    retry: (id: number, owner: string, retryAt: number, error: string) =>
      byOwner("status = 'pending', due_at = ?, lease_owner = null, lease_expires_at = null, last_error = ?", [retryAt, error], id, owner),

    /** The end of a row that will not be sent: failed (attempts exhausted), cancelled (STOP) or expired, with why. */
    close: (id: number, owner: string, status: 'failed' | 'cancelled' | 'expired', reason: string) =>
      byOwner('status = ?, lease_owner = null, lease_expires_at = null, last_error = ?', [status, reason], id, owner),

    /** The person answered the follow-up. */
    async answered(id: number, at: number): Promise<void> {
      await run("update scheduled_messages set status = 'answered', answered_at = ? where id = ? and status in ('sent', 'answered')", [at, id]);
    },

    /** Pending follow-ups of one kind about one subject, cancelled (a cancelled booking's reminder). */
    async cancelPending(contactAddress: string, subjectKey: string, reason: string): Promise<void> {
      await run(
        "update scheduled_messages set status = 'cancelled', last_error = ? where contact_address = ? and status = 'pending' and json_extract(payload, '$.subjectKey') = ?",
        [reason, contactAddress, subjectKey],
      );
    },

    async find(id: number): Promise<ScheduledMessage | undefined> {
      return (await rows('select * from scheduled_messages where id = ?', [id]))[0];
    },

    /**
     * Anonymous answers (followup_answers), each also an activity fact (the dashboard's « Suivis »), in one atomic
     * unit; a second answer to one question is ignored, fact included.
     */
    async recordAnswers(answers: { scheduledId: number; kind: string; subject: string; question: string; answer: number; departement: string | null }[], at: number): Promise<void> {
      if (answers.length === 0) return;
      await atomic(
        answers.flatMap((a) => [
          ...activityStatements([answerFact(a, at)], {
            guard: { sql: 'not exists (select 1 from followup_answers where scheduled_id = ? and question = ?)', params: [a.scheduledId, a.question] },
          }),
          {
            sql: 'insert into followup_answers (scheduled_id, kind, subject, question, answer, departement, answered_at) values (?, ?, ?, ?, ?, ?, ?) on conflict (scheduled_id, question) do nothing',
            params: [a.scheduledId, a.kind, a.subject, a.question, a.answer, a.departement, at],
          },
        ]),
      );
    },
  };
}

/** The 7-day check's digits as the figures read them. */
const VISIT_DETAILS: Record<number, string> = { 1: 'oui', 2: 'non', 3: 'aide' };

/** An answer as the activity figures count it: `suivi` `visite` (oui, non, aide), or `eval:<question>` and its digit. */
function answerFact(a: { kind: string; question: string; answer: number; departement: string | null }, at: number): ActivityFact {
  const visit = a.kind === 'verification';
  return {
    kind: 'suivi',
    code: visit ? 'visite' : `eval:${a.question}`,
    detail: visit ? (VISIT_DETAILS[a.answer] ?? String(a.answer)) : String(a.answer),
    ...(a.departement ? { departement: a.departement } : {}),
    at,
  };
}
