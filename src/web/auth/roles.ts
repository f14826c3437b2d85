// Roles and what each may do. Later roles (relay, structure) are new entries here, not new checks in handlers.

export type Permission = 'callbacks' | 'places' | 'handoffs' | 'settings' | 'followups';

export const ROLES = {
  admin: { label: 'Administrateur', permissions: ['callbacks', 'places', 'handoffs', 'settings', 'followups'] },
  agent: { label: 'Agent de la plateforme', permissions: ['callbacks', 'places', 'handoffs', 'followups'] },
} as const satisfies Record<string, { label: string; permissions: readonly Permission[] }>;

export type Role = keyof typeof ROLES;
export const ROLE_NAMES = Object.keys(ROLES) as Role[];

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
