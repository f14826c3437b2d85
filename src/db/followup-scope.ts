// The workspace's view of follow-ups (« Suivis »), for the scoped repository: one department's scheduled, sent,
// failed and answered follow-ups, and the anonymous answers' counts. The department is always in the SQL.
import type { FollowUpKind, ScheduledStatus } from './schedule-repository.js';

export interface FollowUpItem {
  id: number;
  kind: FollowUpKind;
  channel: string;
  contactAddress: string;
  dueAt: number;
  status: ScheduledStatus;
  attempts: number;
  lastError: string | null;
  sentAt: number | null;
  answeredAt: number | null;
  title: string;
}

/** One follow-up of an orientation, as its page shows it. */
export interface OrientationFollowUp {
  kind: FollowUpKind;
  /** `person` or `relay`. */
  askedOf: string;
  dueAt: number;
  status: ScheduledStatus;
  lastError: string | null;
}

type Run = <T>(sql: string, params: unknown[]) => Promise<T[]>;

export function followUpsScope(run: Run, departement: string) {
  return {
    /** The newest first, at most `limit`. */
    async list(limit = 200): Promise<FollowUpItem[]> {
      const rows = await run<{
        id: number;
        kind: FollowUpKind;
        channel: string;
        contact_address: string;
        due_at: number;
        status: ScheduledStatus;
        attempts: number;
        last_error: string | null;
        sent_at: number | null;
        answered_at: number | null;
        title: string | null;
      }>(
        "select id, kind, channel, contact_address, due_at, status, attempts, last_error, sent_at, answered_at, coalesce(json_extract(payload, '$.sessionTitle'), json_extract(payload, '$.visitPlace'), '') as title " +
          'from scheduled_messages where departement = ? order by due_at desc, id desc limit ?',
        [departement, limit],
      );
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        channel: r.channel,
        contactAddress: r.contact_address,
        dueAt: r.due_at,
        status: r.status,
        attempts: r.attempts,
        lastError: r.last_error,
        sentAt: r.sent_at,
        answeredAt: r.answered_at,
        title: r.title ?? '',
      }));
    },

    /** The follow-ups of one orientation (its 7-day check, its evaluation), in the department, oldest first. */
    async ofOrientation(orientationId: string): Promise<OrientationFollowUp[]> {
      const rows = await run<{ kind: FollowUpKind; asked_of: string | null; due_at: number; status: ScheduledStatus; last_error: string | null }>(
        "select kind, json_extract(payload, '$.askedOf') as asked_of, due_at, status, last_error from scheduled_messages " +
          "where departement = ? and json_extract(payload, '$.subjectKey') = ? order by kind desc, id",
        [departement, `orientation:${orientationId}`],
      );
      return rows.map((r) => ({ kind: r.kind, askedOf: r.asked_of ?? 'person', dueAt: r.due_at, status: r.status, lastError: r.last_error }));
    },

    /** How many follow-ups are in each status. */
    async counts(): Promise<Record<string, number>> {
      const rows = await run<{ status: string; n: number }>('select status, count(*) as n from scheduled_messages where departement = ? group by status', [departement]);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
  };
}
