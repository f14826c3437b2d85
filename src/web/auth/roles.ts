// Roles and what each may do. Later roles (relay, structure) are new entries here, not new checks in handlers.

/** `activity`: the department's figures; `national`: every department's figures (the national view). */
export type Permission = 'callbacks' | 'places' | 'handoffs' | 'settings' | 'orientations' | 'orientationAccessLog' | 'activity' | 'national' | 'followups';

/**
 * Which orientations a role sees: its department's, those it or its structure sent (a relay), or those its
 * structure receives (a structure's staff: their inbox).
 */
export type OrientationScopeKind = 'department' | 'sender' | 'receiver';

export const ROLES = {
  admin: {
    label: 'Administrateur',
    permissions: ['callbacks', 'places', 'handoffs', 'settings', 'orientations', 'orientationAccessLog', 'activity', 'followups'],
    orientations: 'department',
    home: '/espace/rappels',
  },
  agent: { label: 'Agent de la plateforme', permissions: ['callbacks', 'places', 'handoffs', 'orientations', 'followups'], orientations: 'department', home: '/espace/rappels' },
  relay: { label: 'Relais de terrain (aide à domicile, CCAS…)', permissions: ['places', 'orientations'], orientations: 'sender', home: '/espace/orientations' },
  structure: { label: "Structure d'accueil", permissions: ['orientations'], orientations: 'receiver', home: '/espace/orientations' },
  /** Reads the figures of every department (funders' national view); acts on no one's data, sees no orientation. */
  superadmin: { label: 'Super-administrateur (vue nationale)', permissions: ['activity', 'national'], orientations: 'department', home: '/espace/activite' },
} as const satisfies Record<string, { label: string; permissions: readonly Permission[]; orientations: OrientationScopeKind; home: string }>;

export type Role = keyof typeof ROLES;
/** The roles an administrator may give by invitation: the national view is given by `npm run admin:create -- --national` only. */
export const ROLE_NAMES = (Object.keys(ROLES) as Role[]).filter((role) => !(ROLES[role].permissions as readonly Permission[]).includes('national'));

/** Roles that belong to a structure (chosen when they are invited). */
export const STRUCTURE_ROLES: readonly Role[] = ['relay', 'structure'];

export const isRole = (value: string): value is Role => value in ROLES;

export function can(role: string, permission: Permission): boolean {
  return isRole(role) && (ROLES[role].permissions as readonly Permission[]).includes(permission);
}

/** The signed-in user, as every scoped query and page sees them. */
export interface WorkspaceUser {
  id: string;
  email: string;
  role: Role;
  departement: string;
  /** A relay's or a structure's staff: their structure. */
  structureId?: string | null;
}
