// Access control by permission, in one place: a route names what it needs; the role decides (roles.ts).
import type { MiddlewareHandler } from 'hono';
import type { WorkspaceEnv } from '../context.js';
import { errorPage } from '../pages/error.js';
import { can, type Permission } from './roles.js';

export function allow(permission: Permission): MiddlewareHandler<WorkspaceEnv> {
  return async (c, next) => {
    if (!can(c.var.user.role, permission)) return c.html(errorPage('Accès refusé', "Votre rôle ne donne pas accès à cette page. Demandez à l'administrateur de votre département."), 403);
    await next();
  };
}
