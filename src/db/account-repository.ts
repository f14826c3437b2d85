// Accounts before anyone is signed in: finding a user by email, sessions, invitations, login failures, API tokens.
// Everything a signed-in user does goes through the scoped repository (scoped-repository.ts) instead.
import type { WorkspaceUser } from '../web/auth/roles.js';
import { isRole } from '../web/auth/roles.js';
import type { DatabaseHandle } from './database.js';

export interface UserRow {
  id: string;
  departement: string;
  email: string;
  role: string;
  password_hash: string;
  disabled_at: number | null;
}

export interface SessionPolicy {
  /** Signed out after this long without a request. */
  idleMs: number;
  /** Signed out after this long whatever happens. */
  absoluteMs: number;
}

const asUser = (row: { id: string; email: string; role: string; departement: string; structure_id: string | null }): WorkspaceUser | undefined =>
  isRole(row.role) ? { id: row.id, email: row.email, role: row.role, departement: row.departement, structureId: row.structure_id } : undefined;

export function createAccountRepository({ atomic }: DatabaseHandle) {
  const run = async <T>(sql: string, params: unknown[]) => ((await atomic([{ sql, params }]))[0] ?? []) as T[];
  return {
    async findByEmail(email: string): Promise<UserRow | undefined> {
      return (await run<UserRow>('select id, departement, email, role, password_hash, disabled_at from users where email = ?', [email]))[0];
    },

    async createUser(user: { id: string; departement: string; email: string; role: string; passwordHash: string; at: number }): Promise<void> {
      await run('insert into users (id, departement, email, role, password_hash, created_at) values (?, ?, ?, ?, ?, ?)', [
        user.id,
        user.departement,
        user.email,
        user.role,
        user.passwordHash,
        user.at,
      ]);
    },

    async setPassword(userId: string, passwordHash: string): Promise<void> {
      await run('update users set password_hash = ?, disabled_at = null where id = ?', [passwordHash, userId]);
    },

    async startSession(session: { idHash: string; userId: string; at: number; policy: SessionPolicy }): Promise<void> {
      await run('insert into web_sessions (id, user_id, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?)', [
        session.idHash,
        session.userId,
        session.at,
        session.at,
        session.at + session.policy.absoluteMs,
      ]);
    },

    /**
     * The session's user if the session is live (not revoked, not idle too long, not past its absolute expiry, user
     * not removed), and marks it used: the check and the touch are one guarded UPDATE … RETURNING.
     */
    async resumeSession(idHash: string, at: number, policy: SessionPolicy): Promise<WorkspaceUser | undefined> {
      const rows = await run<{ user_id: string }>(
        'update web_sessions set last_seen_at = ? where id = ? and revoked_at is null and expires_at > ? and last_seen_at > ? returning user_id',
        [at, idHash, at, at - policy.idleMs],
      );
      if (!rows[0]) return undefined;
      const users = await run<{ id: string; email: string; role: string; departement: string; structure_id: string | null }>(
        'select id, email, role, departement, structure_id from users where id = ? and disabled_at is null',
        [rows[0].user_id],
      );
      return users[0] ? asUser(users[0]) : undefined;
    },

    async revokeSession(idHash: string, at: number): Promise<void> {
      await run('update web_sessions set revoked_at = ? where id = ? and revoked_at is null', [at, idHash]);
    },

    async recordLoginFailure(email: string, ip: string, at: number): Promise<void> {
      await run('insert into login_failures (email, ip, at) values (?, ?, ?)', [email, ip, at]);
    },

    async loginFailuresSince(email: string, ip: string, since: number): Promise<{ byEmail: number; byIp: number }> {
      const rows = await run<{ by_email: number; by_ip: number }>(
        'select (select count(*) from login_failures where email = ? and at > ?) as by_email, (select count(*) from login_failures where ip = ? and at > ?) as by_ip',
        [email, since, ip, since],
      );
      return { byEmail: rows[0]?.by_email ?? 0, byIp: rows[0]?.by_ip ?? 0 };
    },

    async clearLoginFailures(email: string): Promise<void> {
      await run('delete from login_failures where email = ?', [email]);
    },

    async findInvitation(tokenHash: string, at: number): Promise<{ id: string; email: string; role: string; departement: string } | undefined> {
      return (
        await run<{ id: string; email: string; role: string; departement: string }>(
          'select id, email, role, departement from invitations where token_hash = ? and used_at is null and expires_at > ?',
          [tokenHash, at],
        )
      )[0];
    },

    /** Uses an invitation once and creates its user, atomically: a second use of the link creates nothing. */
    async acceptInvitation(tokenHash: string, user: { id: string; passwordHash: string; at: number }): Promise<boolean> {
      const [taken] = await atomic([
        {
          sql: 'update invitations set used_at = ? where token_hash = ? and used_at is null and expires_at > ? returning email, role, departement',
          params: [user.at, tokenHash, user.at],
        },
        {
          sql:
            'insert into users (id, departement, email, role, password_hash, created_at, structure_id, phone) select ?, departement, email, role, ?, ?, structure_id, phone from invitations ' +
            'where token_hash = ? and used_at = ? on conflict (email) do update set departement = excluded.departement, role = excluded.role, ' +
            'password_hash = excluded.password_hash, disabled_at = null, structure_id = excluded.structure_id, phone = excluded.phone',
          params: [user.id, user.passwordHash, user.at, tokenHash, user.at],
        },
      ]);
      return (taken?.length ?? 0) === 1;
    },

    /** The department of a live API token, or undefined. */
    async departmentOfApiToken(tokenHash: string): Promise<string | undefined> {
      return (await run<{ departement: string }>('select departement from api_tokens where token_hash = ? and revoked_at is null', [tokenHash]))[0]?.departement;
    },
  };
}

export type AccountRepository = ReturnType<typeof createAccountRepository>;
