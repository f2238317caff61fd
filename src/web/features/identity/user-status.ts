import type { UserDto } from '../../../contracts/identity.js';

export function isLocked(user: UserDto, now = Date.now()): boolean {
  return user.lockedUntil !== null && Date.parse(user.lockedUntil) > now;
}
