// Roles and what each may do. Later roles (relay, structure) are new entries here, not new checks in handlers.

/** `activity`: the department's figures; `national`: every department's figures (the national view). */
export type Permission = 'callbacks' | 'places' | 'handoffs' | 'settings' | 'activity' | 'national';

export const ROLES = {
  admin: { label: 'Administrateur', permissions: ['callbacks', 'places', 'handoffs', 'settings', 'activity'] },
  agent: { label: 'Agent de la plateforme', permissions: ['callbacks', 'places', 'handoffs'] },
  /** Reads the figures of every department (funders' national view); acts on no one's data. */
  superadmin: { label: 'Super-administrateur (vue nationale)', permissions: ['activity', 'national'] },
} as const satisfies Record<string, { label: string; permissions: readonly Permission[] }>;

export type Role = keyof typeof ROLES;
/** The roles an administrator may give by invitation: the national view is given by `npm run admin:create -- --national` only. */
export const ROLE_NAMES = (Object.keys(ROLES) as Role[]).filter((role) => !(ROLES[role].permissions as readonly Permission[]).includes('national'));

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
}
