// Orientations in the database: creation with its first history line, the guarded status change (one answer wins),
// the links without an account (hashes only), the history and the access log. The workspace reaches them only
// through `scopedOrientations` (called by forUser), which puts the user's department and scope into the SQL.
import type { OrientationStatus, PersonConstraint, StatusChange } from '../orientations/statuses.js';
import type { DatabaseHandle, Statement } from './database.js';

export interface NewOrientation {
  id: string;
  departement: string;
  need?: string | undefined;
  procedureId?: string | undefined;
  procedureTitle?: string | undefined;
  constraints: PersonConstraint[];
  commune?: string | undefined;
  place: { id: string; name: string; address: string; phone?: string | undefined; hours?: string | undefined };
  placeStructureId?: string | undefined;
  sender: { kind: 'relay' | 'agent' | 'person'; userId?: string | undefined; structureId?: string | undefined; label: string; address?: string | undefined };
  consent: { by: string; at: number; how: string };
  personContact?: string | undefined;
}

export interface Orientation {
  id: string;
  departement: string;
  status: OrientationStatus;
  need: string | null;
  procedureId: string | null;
  procedureTitle: string | null;
  constraints: PersonConstraint[];
  commune: string | null;
  placeId: string;
  placeName: string;
  placeAddress: string;
  placePhone: string | null;
  placeHours: string | null;
  placeStructureId: string | null;
  senderKind: string;
  senderUserId: string | null;
  senderStructureId: string | null;
  senderLabel: string;
  senderAddress: string | null;
  consentBy: string;
  consentAt: number;
  consentHow: string;
  personContact: string | null;
  appointment: string | null;
  refusalReason: string | null;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  anonymisedAt: number | null;
}

export interface OrientationEvent {
  fromStatus: string | null;
  toStatus: string;
  at: number;
  author: string;
  detail: string | null;
}

export type TokenKind = 'answer' | 'sheet';

const COLUMNS =
  'id, departement, status, need, procedure_id, procedure_title, constraints, commune, place_id, place_name, place_address, place_phone, place_hours, ' +
  'place_structure_id, sender_kind, sender_user_id, sender_structure_id, sender_label, sender_address, consent_by, consent_at, consent_how, ' +
  'person_contact, appointment, refusal_reason, created_at, updated_at, closed_at, anonymised_at';

type Row = Record<string, unknown>;
const camel = (key: string) => key.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());

function orientationOf(row: Row): Orientation {
  const o = Object.fromEntries(Object.entries(row).map(([k, v]) => [camel(k), v])) as unknown as Orientation & { constraints: string };
  return { ...o, constraints: parseList(o.constraints as unknown as string) } as Orientation;
}

function parseList(text: string): PersonConstraint[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? (value as PersonConstraint[]) : [];
  } catch {
    return [];
  }
}

export function createOrientationRepository(handle: DatabaseHandle) {
  const { atomic } = handle;
  const run = async <T>(sql: string, params: unknown[]) => ((await atomic([{ sql, params }]))[0] ?? []) as T[];

  return {
    async create(o: NewOrientation, at: number): Promise<void> {
      await atomic([
        {
          sql:
            `insert into orientations (${COLUMNS}) values (?, ?, 'envoyée', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, null, null)`,
          params: [
            o.id, o.departement, o.need ?? null, o.procedureId ?? null, o.procedureTitle ?? null, JSON.stringify(o.constraints), o.commune ?? null,
            o.place.id, o.place.name, o.place.address, o.place.phone ?? null, o.place.hours ?? null, o.placeStructureId ?? null,
            o.sender.kind, o.sender.userId ?? null, o.sender.structureId ?? null, o.sender.label, o.sender.address ?? null,
            o.consent.by, o.consent.at, o.consent.how, o.personContact ?? null, at, at,
          ],
        },
        { sql: "insert into orientation_events (orientation_id, from_status, to_status, at, author) values (?, null, 'envoyée', ?, ?)", params: [o.id, at, o.sender.label] },
      ]);
    },

    async get(id: string): Promise<Orientation | undefined> {
      const row = (await run<Row>(`select ${COLUMNS} from orientations where id = ?`, [id]))[0];
      return row ? orientationOf(row) : undefined;
    },

    /**
     * Changes the status only if it is still `from` (and, with a token, only if the token is live and names this
     * orientation, which it then uses up): one guarded UPDATE, so of two answers at once exactly one wins.
     */
    async applyChange(id: string, from: OrientationStatus, change: StatusChange, at: number, token?: { hash: string }): Promise<boolean> {
      const tokenGuard = token ? ' and id = (select orientation_id from orientation_tokens where token_hash = ? and kind = ? and used_at is null and expires_at > ?)' : '';
      const guarded: Statement = {
        sql:
          'update orientations set status = ?, appointment = coalesce(?, appointment), refusal_reason = coalesce(?, refusal_reason), updated_at = ?, ' +
          `closed_at = case when ? = 'clôturée' then ? else closed_at end where id = ? and status = ?${tokenGuard} returning id`,
        params: [change.to, change.appointment ?? null, change.refusalReason ?? null, at, change.to, at, id, from, ...(token ? [token.hash, 'answer', at] : [])],
      };
      // Each following statement runs only if the one before it changed a row (`changes()`), in the same atomic unit.
      const useToken: Statement[] = token ? [{ sql: 'update orientation_tokens set used_at = ? where token_hash = ? and used_at is null and changes() = 1', params: [at, token.hash] }] : [];
      const event: Statement = {
        sql: 'insert into orientation_events (orientation_id, from_status, to_status, at, author, detail) select ?, ?, ?, ?, ?, ? where changes() = 1',
        params: [id, from, change.to, at, change.author, change.appointment ?? change.refusalReason ?? null],
      };
      const statements = [guarded, ...useToken, event];
      const [changed] = await atomic(statements);
      return (changed?.length ?? 0) === 1;
    },

    async history(id: string): Promise<OrientationEvent[]> {
      const rows = await run<{ from_status: string | null; to_status: string; at: number; author: string; detail: string | null }>(
        'select from_status, to_status, at, author, detail from orientation_events where orientation_id = ? order by at, id',
        [id],
      );
      return rows.map((r) => ({ fromStatus: r.from_status, toStatus: r.to_status, at: r.at, author: r.author, detail: r.detail }));
    },

    async createToken(token: { id: string; orientationId: string; kind: TokenKind; hash: string; at: number; expiresAt: number }): Promise<void> {
      await run('insert into orientation_tokens (id, orientation_id, kind, token_hash, created_at, expires_at) values (?, ?, ?, ?, ?, ?)', [
        token.id, token.orientationId, token.kind, token.hash, token.at, token.expiresAt,
      ]);
    },

    /** The orientation a live token of this kind opens (not used, not expired), or undefined. */
    async byToken(hash: string, kind: TokenKind, at: number): Promise<Orientation | undefined> {
      const row = (
        await run<Row>(
          `select ${COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')} from orientation_tokens t join orientations o on o.id = t.orientation_id ` +
            'where t.token_hash = ? and t.kind = ? and t.used_at is null and t.expires_at > ?',
          [hash, kind, at],
        )
      )[0];
      return row ? orientationOf(row) : undefined;
    },

    /** A token of this kind whatever its state, to say kindly why it no longer works (used, expired). */
    async findToken(hash: string, kind: TokenKind): Promise<{ orientation: Orientation; usedAt: number | null; expiresAt: number } | undefined> {
      const row = (
        await run<Row & { t_used_at: number | null; t_expires_at: number }>(
          `select ${COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}, t.used_at as t_used_at, t.expires_at as t_expires_at from orientation_tokens t ` +
            'join orientations o on o.id = t.orientation_id where t.token_hash = ? and t.kind = ?',
          [hash, kind],
        )
      )[0];
      if (!row) return undefined;
      const { t_used_at, t_expires_at, ...rest } = row;
      return { orientation: orientationOf(rest), usedAt: t_used_at, expiresAt: t_expires_at };
    },

    /** An opening through a link (no account): logged like a user's, named by the link. */
    async logLinkAccess(orientation: Pick<Orientation, 'id' | 'departement'>, who: string, at: number): Promise<void> {
      await run('insert into orientation_access_log (orientation_id, departement, user_id, user_email, at) values (?, ?, ?, ?, ?)', [orientation.id, orientation.departement, 'lien', who, at]);
    },

    /** The department's structure whose directory place this is, if any. */
    async structureOfPlace(departement: string, placeId: string): Promise<string | undefined> {
      return (await run<{ id: string }>('select id from structures where departement = ? and place_id = ? limit 1', [departement, placeId]))[0]?.id;
    },

    /** The relay whose registered mobile this is (relay mode), with their structure. */
    relayByPhone: (phone: string) => relayWhere('u.phone = ?', phone),

    /** An active relay by their account, with their registered mobile (the workspace's relay, a check's recipient). */
    relayById: (id: string) => relayWhere('u.id = ?', id),
  };

  async function relayWhere(condition: string, value: string): Promise<RelayAccount | undefined> {
    const row = (
      await run<{ id: string; email: string; departement: string; phone: string | null; structure_id: string | null; structure_name: string | null; structure_type: string | null }>(
        'select u.id, u.email, u.departement, u.phone, u.structure_id, s.name as structure_name, s.type as structure_type from users u left join structures s on s.id = u.structure_id ' +
          `where ${condition} and u.role = 'relay' and u.disabled_at is null limit 1`,
        [value],
      )
    )[0];
    return row
      ? { id: row.id, email: row.email, departement: row.departement, phone: row.phone, structureId: row.structure_id, structureName: row.structure_name, structureType: row.structure_type }
      : undefined;
  }
}

export interface RelayAccount {
  id: string;
  email: string;
  departement: string;
  /** The registered mobile (E.164), if any. */
  phone: string | null;
  structureId: string | null;
  structureName: string | null;
  structureType: string | null;
}

export type OrientationRepository = ReturnType<typeof createOrientationRepository>;

/** What a workspace user may see of orientations: their department's, or only their own and their structure's. */
export type OrientationScope = { kind: 'department' } | { kind: 'sender'; userId: string; structureId: string | null } | { kind: 'receiver'; structureId: string | null };

export interface OrientationFilters {
  status?: string | undefined;
  place?: string | undefined;
  need?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

/** The orientations section of forUser: every query carries the department and the scope in its SQL. */
export function scopedOrientations(handle: DatabaseHandle, departement: string, scope: OrientationScope, user: { id: string; email: string }) {
  const run = async <T>(sql: string, params: unknown[]) => ((await handle.atomic([{ sql, params }]))[0] ?? []) as T[];
  const where = (): { sql: string; params: unknown[] } => {
    switch (scope.kind) {
      case 'department':
        return { sql: 'departement = ?', params: [departement] };
      case 'sender':
        return { sql: 'departement = ? and (sender_user_id = ? or (sender_structure_id is not null and sender_structure_id = ?))', params: [departement, scope.userId, scope.structureId] };
      case 'receiver':
        return { sql: 'departement = ? and place_structure_id is not null and place_structure_id = ?', params: [departement, scope.structureId] };
    }
  };
  return {
    async list(filters: OrientationFilters = {}): Promise<Orientation[]> {
      const w = where();
      const clauses = [w.sql];
      const params = [...w.params];
      if (filters.status) clauses.push('status = ?'), params.push(filters.status);
      if (filters.need) clauses.push('need = ?'), params.push(filters.need);
      if (filters.place) clauses.push("instr(lower(place_name), lower(?)) > 0"), params.push(filters.place);
      if (filters.from !== undefined) clauses.push('created_at >= ?'), params.push(filters.from);
      if (filters.to !== undefined) clauses.push('created_at < ?'), params.push(filters.to);
      const rows = await run<Row>(`select ${COLUMNS} from orientations where ${clauses.join(' and ')} order by created_at desc limit 500`, params);
      return rows.map(orientationOf);
    },

    /** How many by status, in this scope: the counts the activity figures will read. */
    async counts(): Promise<Record<string, number>> {
      const w = where();
      const rows = await run<{ status: string; n: number }>(`select status, count(*) as n from orientations where ${w.sql} group by status`, w.params);
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },

    /** One orientation in scope, or undefined (another department's id is simply not found). Logs the access when it holds personal data. */
    async open(id: string, at: number): Promise<Orientation | undefined> {
      const w = where();
      const row = (await run<Row>(`select ${COLUMNS} from orientations where id = ? and ${w.sql}`, [id, ...w.params]))[0];
      if (!row) return undefined;
      const orientation = orientationOf(row);
      if (orientation.personContact || orientation.senderAddress) {
        await run('insert into orientation_access_log (orientation_id, departement, user_id, user_email, at) values (?, ?, ?, ?, ?)', [id, departement, user.id, user.email, at]);
      }
      return orientation;
    },

    /** Who opened it, newest first (for the administrator). */
    async accessLog(id: string): Promise<{ userEmail: string; at: number }[]> {
      const rows = await run<{ user_email: string; at: number }>('select user_email, at from orientation_access_log where orientation_id = ? and departement = ? order by at desc, id desc limit 100', [id, departement]);
      return rows.map((r) => ({ userEmail: r.user_email, at: r.at }));
    },
  };
}
