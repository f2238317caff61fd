import type { Kysely } from 'kysely';
import type { LoginBody, MeDto, TotpSetupDto } from '../../../contracts/identity.js';
import { passwordProblem } from '../../../domain/identity/password-policy.js';
import { isStaff, type Role } from '../../../domain/identity/roles.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../../platform/auth/password.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import { organizationsRepo, toOrganizationDto } from '../organizations/index.js';

import { toUserDto } from './identity.dto.js';
import { usersRepo, type UserRecord } from './identity.repo.js';
import { checkTotp, newTotpSecret, totpEnrollment } from './totp.js';

export interface LockoutPolicy {
  threshold: number;
  minutes: number;
}

interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

const actorFor = (u: UserRecord, ip: string | null): Actor => ({
  organizationId: u.organization_id,
  userId: u.id,
  roles: u.roles,
  ip,
});

export function createAuthService(deps: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  sessions: SessionStore;
  lockout: LockoutPolicy;
}) {
  const { db, audit, clock, sessions, lockout } = deps;

  /** Records a refused sign-in and answers with one generic error, whatever the reason. */
  async function refuse(
    user: UserRecord | undefined,
    info: RequestInfo,
    reason: string,
    error: AppError,
    countsAsFailure = true,
  ): Promise<never> {
    await db.transaction().execute(async (trx) => {
      if (user && countsAsFailure) {
        await usersRepo.recordFailedLogin(trx, user.organization_id, user.id, {
          threshold: lockout.threshold,
          until: new Date(clock.now().getTime() + lockout.minutes * 60_000),
        });
      }
      const actor: Actor = user
        ? actorFor(user, info.ip)
        : { organizationId: null, userId: null, roles: [], ip: info.ip };
      await audit.record(trx, actor, {
        action: 'failed_login',
        resourceType: 'AuthSession',
        outcome: 'failure',
        details: { reason },
      });
    });
    throw error;
  }

  async function me(principal: Principal): Promise<MeDto> {
    const user = await usersRepo.getWithOrganization(db, principal.organizationId, principal.userId);
    return {
      user: toUserDto(user, clock.now()),
      organization: toOrganizationDto(user.organization),
      roles: principal.roles,
      csrfToken: principal.csrfToken,
      mfaEnrollmentRequired: principal.mfaEnrollmentRequired,
      session: {
        idleExpiresAt: principal.idleExpiresAt.toISOString(),
        absoluteExpiresAt: principal.absoluteExpiresAt.toISOString(),
      },
    };
  }

  async function resolveOrFail(token: string): Promise<Principal> {
    const principal = await sessions.resolve(token);
    if (!principal) throw new AppError('unauthenticated');
    return principal;
  }

  return {
    me,

    /** Verifies email, password and (when enrolled) the TOTP code; returns the new session token and the user's view. */
    async login(body: LoginBody, info: RequestInfo): Promise<{ token: string; me: MeDto }> {
      const invalidCredentials = new AppError('invalid_credentials');
      const user = await usersRepo.findByEmailForLogin(db, body.email);
      if (!user) {
        await verifyAgainstDummy(body.password);
        return refuse(undefined, info, 'unknown_email', invalidCredentials);
      }
      const now = clock.now();
      if (user.locked_until && user.locked_until > now) {
        await verifyAgainstDummy(body.password);
        return refuse(user, info, 'locked', invalidCredentials, false);
      }
      if (!(await verifyPassword(user.password_hash, body.password)))
        return refuse(user, info, 'bad_password', invalidCredentials);
      if (user.status !== 'active') return refuse(user, info, 'deactivated', invalidCredentials, false);

      let totpStep: number | undefined;
      if (user.totp_secret) {
        if (!body.totp) throw new AppError('mfa_required');
        totpStep = checkTotp(
          user.totp_secret,
          body.totp,
          now,
          user.totp_last_step === null ? null : Number(user.totp_last_step),
        );
        if (totpStep === undefined) return refuse(user, info, 'bad_totp', new AppError('mfa_invalid'));
      }

      const token = await db.transaction().execute(async (trx) => {
        // Claiming the code's time step is atomic: of two sign-ins racing with one code, one wins.
        if (
          totpStep !== undefined &&
          !(await usersRepo.claimTotpStep(trx, user.organization_id, user.id, totpStep))
        )
          return undefined;
        await usersRepo.update(trx, user.organization_id, user.id, {
          failed_login_count: 0,
          locked_until: null,
          last_login_at: now,
        });
        const t = await sessions.create(trx, {
          organizationId: user.organization_id,
          userId: user.id,
          ...info,
        });
        await audit.record(trx, actorFor(user, info.ip), { action: 'login', resourceType: 'AuthSession' });
        return t;
      });
      if (token === undefined) return refuse(user, info, 'bad_totp', new AppError('mfa_invalid'));
      return { token, me: await me(await resolveOrFail(token)) };
    },

    logout: (principal: Principal, ip: string | null) =>
      db.transaction().execute(async (trx) => {
        await sessions.revoke(trx, principal.sessionId);
        await audit.record(
          trx,
          { organizationId: principal.organizationId, userId: principal.userId, roles: principal.roles, ip },
          { action: 'logout', resourceType: 'AuthSession' },
        );
      }),

    async changePassword(
      actor: Actor & { organizationId: string; userId: string },
      sessionId: string,
      body: { currentPassword: string; newPassword: string },
    ) {
      const user = await usersRepo.get(db, actor.organizationId, actor.userId);
      if (!(await verifyPassword(user.password_hash, body.currentPassword)))
        throw invalid('currentPassword', 'The current password is not correct.');
      const problem = passwordProblem(body.newPassword, user.email);
      if (problem) throw invalid('newPassword', problem);
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction().execute(async (trx) => {
        await usersRepo.update(trx, user.organization_id, user.id, { password_hash: passwordHash });
        // Every other session of this user ends; this one stays.
        await sessions.revokeAllForUser(trx, user.organization_id, user.id, sessionId);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'User',
          resourceId: user.id,
          details: { fields: ['password'] },
        });
      });
    },

    async startTotpEnrollment(
      actor: Actor & { organizationId: string; userId: string },
    ): Promise<TotpSetupDto> {
      const user = await usersRepo.get(db, actor.organizationId, actor.userId);
      if (user.totp_secret)
        throw conflict(
          'Multi-factor authentication is already set up. Turn it off first to set it up again.',
        );
      const secret = newTotpSecret();
      await usersRepo.update(db, user.organization_id, user.id, { totp_pending_secret: secret });
      return totpEnrollment(secret, user.email);
    },

    async confirmTotpEnrollment(actor: Actor & { organizationId: string; userId: string }, code: string) {
      const user = await usersRepo.get(db, actor.organizationId, actor.userId);
      if (!user.totp_pending_secret) throw conflict('Start the set-up first.');
      const step = checkTotp(user.totp_pending_secret, code, clock.now(), null);
      if (step === undefined)
        throw invalid(
          'code',
          'That code is not valid. Check the time on your phone and try the newest code.',
        );
      await db.transaction().execute(async (trx) => {
        await usersRepo.update(trx, user.organization_id, user.id, {
          totp_secret: user.totp_pending_secret,
          totp_pending_secret: null,
          totp_last_step: String(step),
        });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'User',
          resourceId: user.id,
          details: { fields: ['mfa'], mfa: 'enabled' },
        });
      });
    },

    async disableTotp(
      actor: Actor & { organizationId: string; userId: string; roles: readonly Role[] },
      password: string,
    ) {
      const [user, org] = await Promise.all([
        usersRepo.get(db, actor.organizationId, actor.userId),
        organizationsRepo.getOrganization(db, actor.organizationId),
      ]);
      if (!(await verifyPassword(user.password_hash, password)))
        throw invalid('password', 'The password is not correct.');
      if (org.settings.mfaRequiredForStaff && isStaff(actor.roles))
        throw conflict('Your organization requires multi-factor authentication for staff.');
      await db.transaction().execute(async (trx) => {
        await usersRepo.update(trx, user.organization_id, user.id, {
          totp_secret: null,
          totp_pending_secret: null,
          totp_last_step: null,
        });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'User',
          resourceId: user.id,
          details: { fields: ['mfa'], mfa: 'disabled' },
        });
      });
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
