import type { Role } from '../../../domain/identity/roles.js';
import { forbidden } from '../errors.js';

/** Fails closed unless the actor holds one of `roles`. */
export function requireRole(actor: { roles: readonly string[] }, ...roles: Role[]): void {
  if (!roles.some((r) => actor.roles.includes(r))) throw forbidden();
}
