import type { UserDto } from '../../../contracts/identity.js';
import type { Role } from '../../../domain/identity/roles.js';
import type { UserRecord } from './identity.repo.js';

export const toUserDto = (u: UserRecord, now: Date): UserDto => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  roles: u.roles as Role[],
  status: u.status,
  mfaEnabled: u.totp_secret !== null,
  lockedUntil: u.locked_until && u.locked_until > now ? u.locked_until.toISOString() : null,
  lastLoginAt: u.last_login_at?.toISOString() ?? null,
  createdAt: u.created_at.toISOString(),
});
