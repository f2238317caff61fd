import type { Role } from '../../../domain/identity/roles.js';

/** The signed-in person behind a request, resolved from the session cookie. */
export interface Principal {
  sessionId: string;
  userId: string;
  organizationId: string;
  email: string;
  displayName: string;
  roles: Role[];
  csrfToken: string;
  mfaEnabled: boolean;
  mfaEnrollmentRequired: boolean;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}
