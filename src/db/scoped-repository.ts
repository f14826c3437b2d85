// The workspace's one door to the data: every query here is scoped to the signed-in user's department, so handlers
// never filter by department themselves and cannot forget to. Later features (referrals, follow-ups, activity)
// add their own section to `forUser`, scoped the same way.
import type { CallContext } from '../conversation/call-context.js';
import type { DepartmentConfig } from '../directory/departments.js';
import type { WorkspaceUser } from '../web/auth/roles.js';
import type { DatabaseHandle } from './database.js';
import type { DepartmentRepository } from './department-repository.js';
import { ROLES, isRole } from '../web/auth/roles.js';
import { scopedOrientations, type OrientationScope } from './orientation-repository.js';
import { activitySection } from './activity-section.js';
import { activityStatements } from './activity-statements.js';
import { mentionStatements } from './number-mentions.js';
import type { FactChannel } from '../activity/facts.js';

/** A role's view of orientations (roles.ts): the department's, a sender's own and their structure's, a receiver's inbox. */
function orientationScopeOf(user: { id: string; role?: string | undefined; structureId?: string | null | undefined }): OrientationScope {
  const kind = user.role && isRole(user.role) ? ROLES[user.role].orientations : 'sender';
  if (kind === 'department') return { kind };
  if (kind === 'receiver') return { kind, structureId: user.structureId ?? null };
  return { kind, userId: user.id, structureId: user.structureId ?? null };
}
import { followUpsScope } from './followup-scope.js';

/** How a callback ended, as the agent records it. */
export const CALLBACK_OUTCOMES = ['joint', 'message laissé', 'injoignable'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** One person waiting for a call back: their requests folded into one line (a person who asked twice appears once). */
export interface CallbackItem {
  /** The newest request's id: what the page acts on. */
  id: number;
  contactAddress: string;
  channel: string;
  stepId: string;
  context: Record<string, string>;
  firstAskedAt: number;
  times: number;
  assignedTo: string | null;
  assignedEmail: string | null;
}

export interface HandoffRecord {
  id: string;
  callerAddress: string;
  context: CallContext;
  createdAt: number;
  expiresAt: number;
  usedAt: number | null;
}

export interface UserItem {
  id: string;
  email: string;
  role: string;
  createdAt: number;
  disabledAt: number | null;
}

export interface ApiTokenItem {
  id: string;
  label: string;
  createdAt: number;
  revokedAt: number | null;
}

export function createScopedRepository(handle: DatabaseHandle, departments: DepartmentRepository) {
  const { atomic } = handle;
  const run = async <T>(sql: string, params: unknown[]) => ((await atomic([{ sql, params }]))[0] ?? []) as T[];

  /** Everything a user may read or change, already limited to their department. */
  return function forUser(user: Pick<WorkspaceUser, 'id' | 'departement'> & Partial<Pick<WorkspaceUser, 'role' | 'email' | 'structureId'>>) {
    const dep = user.departement;
    return {
      departement: dep,
      activity: activitySection(handle, user),

      orientations: scopedOrientations(handle, dep, orientationScopeOf(user), { id: user.id, email: user.email ?? '' }),

      structures: {
        async list(): Promise<{ id: string; name: string; type: string; placeId: string | null }[]> {
          const rows = await run<{ id: string; name: string; type: string; place_id: string | null }>('select id, name, type, place_id from structures where departement = ? order by name', [dep]);
          return rows.map((r) => ({ id: r.id, name: r.name, type: r.type, placeId: r.place_id }));
        },

        async create(structure: { id: string; name: string; type: string; placeId?: string | undefined; at: number }): Promise<void> {
          await run('insert into structures (id, departement, name, type, place_id, created_at) values (?, ?, ?, ?, ?, ?)', [
            structure.id, dep, structure.name, structure.type, structure.placeId ?? null, structure.at,
          ]);
        },
      },

      /** Follow-ups (« Suivis »): see followup-scope.ts. */
      followUps: followUpsScope(run, dep),

      callbacks: {
        /** Open requests, one line per person, oldest first. */
        async list(): Promise<CallbackItem[]> {
          const rows = await run<{
            id: number;
            contact_address: string;
            channel: string;
            step_id: string;
            context: string;
            first_at: number;
            times: number;
            assigned_to: string | null;
            assigned_email: string | null;
          }>(
            'select c.id, c.contact_address, c.channel, c.step_id, c.context, n.first_at, n.times, c.assigned_to, u.email as assigned_email ' +
              'from (select contact_address, count(*) as times, min(created_at) as first_at, max(id) as latest from callback_requests ' +
              "where departement = ? and status = 'open' group by contact_address) n join callback_requests c on c.id = n.latest " +
              'left join users u on u.id = c.assigned_to order by n.first_at, c.id',
            [dep],
          );
          return rows.map((r) => ({
            id: r.id,
            contactAddress: r.contact_address,
            channel: r.channel,
            stepId: r.step_id,
            context: parseContext(r.context),
            firstAskedAt: r.first_at,
            times: r.times,
            assignedTo: r.assigned_to,
            assignedEmail: r.assigned_email,
          }));
        },

        /** Takes the person's open requests (assigned to this user). False when the id is not an open request here. */
        async take(id: number, at: number): Promise<boolean> {
          const rows = await run(
            "update callback_requests set assigned_to = ?, taken_at = ? where departement = ? and status = 'open' and contact_address = " +
              "(select contact_address from callback_requests where id = ? and departement = ? and status = 'open') returning id",
            [user.id, at, dep, id, dep],
          );
          return rows.length > 0;
        },

        /** Closes every open request of that person, with the outcome and the agent's note. */
        async close(id: number, outcome: CallbackOutcome, note: string, at: number): Promise<boolean> {
          const rows = await run<{ created_at: number; channel: string }>(
            "update callback_requests set status = 'done', outcome = ?, note = ?, done_at = ?, assigned_to = coalesce(assigned_to, ?) " +
              "where departement = ? and status = 'open' and contact_address = " +
              "(select contact_address from callback_requests where id = ? and departement = ? and status = 'open') returning created_at, channel",
            [outcome, note || null, at, user.id, dep, id, dep],
          );
          if (rows.length === 0) return false;
          // The activity figures: one callback closed, with its delay from the person's first request, no one named.
          const first = rows.reduce((a, r) => (r.created_at < a.created_at ? r : a));
          await atomic(activityStatements([{ kind: 'callback', code: outcome, value: Math.max(0, Math.round((at - first.created_at) / 60_000)), channel: first.channel as FactChannel, departement: dep, at }]));
          return true;
        },
      },

      handoffs: {
        async create(handoff: { id: string; caller: string; context: CallContext; at: number; expiresAt: number }): Promise<void> {
          const context = JSON.stringify(handoff.context);
          await atomic([
            {
              sql: 'insert into handoffs (id, caller_address, context, created_at, expires_at, departement, created_by) values (?, ?, ?, ?, ?, ?, ?)',
              params: [handoff.id, handoff.caller, context, handoff.at, handoff.expiresAt, dep, user.id],
            },
            ...mentionStatements(handoff.caller, [context], handoff.at),
          ]);
        },

        async get(id: string): Promise<HandoffRecord | undefined> {
          const rows = await run<{ id: string; caller_address: string; context: string; created_at: number; expires_at: number; used_at: number | null }>(
            'select id, caller_address, context, created_at, expires_at, used_at from handoffs where id = ? and departement = ?',
            [id, dep],
          );
          const r = rows[0];
          return r
            ? { id: r.id, callerAddress: r.caller_address, context: JSON.parse(r.context) as CallContext, createdAt: r.created_at, expiresAt: r.expires_at, usedAt: r.used_at }
            : undefined;
        },
      },

      users: {
        async list(): Promise<UserItem[]> {
          const rows = await run<{ id: string; email: string; role: string; created_at: number; disabled_at: number | null }>(
            'select id, email, role, created_at, disabled_at from users where departement = ? order by email',
            [dep],
          );
          return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, createdAt: r.created_at, disabledAt: r.disabled_at }));
        },

        /** Removes a user of this department (never oneself) and ends their sessions. */
        async remove(id: string, at: number): Promise<boolean> {
          if (id === user.id) return false;
          const [removed] = await atomic([
            { sql: 'update users set disabled_at = ? where id = ? and departement = ? and disabled_at is null returning id', params: [at, id, dep] },
            { sql: 'update web_sessions set revoked_at = ? where user_id = (select id from users where id = ? and departement = ?) and revoked_at is null', params: [at, id, dep] },
          ]);
          return (removed?.length ?? 0) > 0;
        },
      },

      invitations: {
        async create(invitation: { id: string; tokenHash: string; email: string; role: string; at: number; expiresAt: number; structureId?: string | undefined; phone?: string | undefined }): Promise<void> {
          await run('insert into invitations (id, token_hash, departement, email, role, structure_id, phone, created_by, created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
            invitation.id,
            invitation.tokenHash,
            dep,
            invitation.email,
            invitation.role,
            // The handler checked that the structure is this department's.
            invitation.structureId ?? null,
            invitation.phone ?? null,
            user.id,
            invitation.at,
            invitation.expiresAt,
          ]);
        },

        async pending(at: number): Promise<{ id: string; email: string; role: string; expiresAt: number }[]> {
          const rows = await run<{ id: string; email: string; role: string; expires_at: number }>(
            'select id, email, role, expires_at from invitations where departement = ? and used_at is null and expires_at > ? order by created_at',
            [dep, at],
          );
          return rows.map((r) => ({ id: r.id, email: r.email, role: r.role, expiresAt: r.expires_at }));
        },
      },

      settings: {
        async get(): Promise<DepartmentConfig | undefined> {
          return (await departments.all()).get(dep);
        },

        /** Saves this department's settings; the code is always the user's own department, whatever was posted. */
        async save(config: Omit<DepartmentConfig, 'code'>, at: number): Promise<DepartmentConfig> {
          const saved = { ...config, code: dep };
          await departments.save(saved, at);
          return saved;
        },
      },

      apiTokens: {
        async list(): Promise<ApiTokenItem[]> {
          const rows = await run<{ id: string; label: string; created_at: number; revoked_at: number | null }>(
            'select id, label, created_at, revoked_at from api_tokens where departement = ? order by created_at',
            [dep],
          );
          return rows.map((r) => ({ id: r.id, label: r.label, createdAt: r.created_at, revokedAt: r.revoked_at }));
        },

        async create(token: { id: string; label: string; tokenHash: string; at: number }): Promise<void> {
          await run('insert into api_tokens (id, departement, label, token_hash, created_by, created_at) values (?, ?, ?, ?, ?, ?)', [
            token.id,
            dep,
            token.label,
            token.tokenHash,
            user.id,
            token.at,
          ]);
        },

        async revoke(id: string, at: number): Promise<boolean> {
          const rows = await run('update api_tokens set revoked_at = ? where id = ? and departement = ? and revoked_at is null returning id', [at, id, dep]);
          return rows.length > 0;
        },
      },
    };
  };
}

export type ScopedRepository = ReturnType<ReturnType<typeof createScopedRepository>>;
export type ForUser = ReturnType<typeof createScopedRepository>;

function parseContext(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}
