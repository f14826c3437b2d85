// The activity figures as `forUser(user).activity`: a department's own figures, or, for the national role, any
// department's or all of them. The department is decided here, never by the page.
import { can } from '../web/auth/roles.js';
import type { DatabaseHandle } from './database.js';
import { createActivityReader, type ActivityPeriod } from './activity-repository.js';

export function activitySection(handle: DatabaseHandle, user: { departement: string; role?: string }) {
  const reader = createActivityReader(handle);
  const national = can(user.role ?? '', 'national');
  /** The department read: the user's own; for the national role, the one asked for, else all (undefined). */
  const scopeOf = (requested?: string) => (national ? requested || undefined : user.departement);
  return {
    national,
    scopeOf,
    totals: (period: ActivityPeriod, requested?: string) => reader.totals(scopeOf(requested), period),
    byCommune: (period: ActivityPeriod, requested?: string) => reader.byCommune(scopeOf(requested), period),
    byDay: (period: ActivityPeriod, requested?: string) => reader.byDay(scopeOf(requested), period),
    exportRows: (period: ActivityPeriod, requested?: string) => reader.exportRows(scopeOf(requested), period),
  };
}
