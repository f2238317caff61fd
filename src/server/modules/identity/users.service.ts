import type { Kysely, Transaction } from 'kysely';
import type { CreateUserBody, UpdateUserBody, UserDto } from '../../../contracts/identity.js';
import { passwordProblem } from '../../../domain/identity/password-policy.js';
import type { Role } from '../../../domain/identity/roles.js';
import { systemActor, type Actor, type AuditLog } from '../../platform/audit/audit-log.js';
import { hashPassword } from '../../platform/auth/password.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { DB, UserUpdate } from '../../platform/db/schema.js';
import { conflict, invalid } from '../../platform/errors.js';
import { toUserDto } from './identity.dto.js';
import { usersRepo, type UserRecord } from './identity.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string | null };

const EMAIL_TAKEN = 'A user with that email already exists.';

/** User administration: admins manage the users of their own organization. */
export function createUsersService({
  db,
  audit,
  clock,
  sessions,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  sessions: SessionStore;
}) {
  const dto = (u: UserRecord) => toUserDto(u, clock.now());

  async function checkedPassword(password: string, email: string) {
    const problem = passwordProblem(password, email);
    if (problem) throw invalid('password', problem);
    return hashPassword(password);
  }

  async function withUniqueEmail<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if (isUniqueViolation(err, 'users_email')) throw conflict(EMAIL_TAKEN, 'email');
      throw err;
    }
  }

  /** An organization always keeps at least one active administrator. */
  async function assertKeepsAnAdmin(
    trx: Transaction<DB>,
    actor: OrgActor,
    target: UserRecord,
    nextRoles: readonly string[],
    nextActive: boolean,
  ) {
    const losesAdmin =
      target.roles.includes('admin') &&
      target.status === 'active' &&
      (!nextActive || !nextRoles.includes('admin'));
    if (!losesAdmin) return;
    if (target.id === actor.userId)
      throw conflict('You cannot remove your own administrator access or deactivate yourself.');
    if ((await usersRepo.countActiveAdminsForUpdate(trx, actor.organizationId)) <= 1)
      throw conflict('The organization must keep at least one active administrator.');
  }

  async function change(
    actor: OrgActor,
    id: string,
    action: string,
    apply: (trx: Transaction<DB>, user: UserRecord) => Promise<UserUpdate>,
  ) {
    requireRole(actor, 'admin');
    return db.transaction().execute(async (trx) => {
      const user = await usersRepo.get(trx, actor.organizationId, id);
      const values = await apply(trx, user);
      const updated = await withUniqueEmail(() => usersRepo.update(trx, actor.organizationId, id, values));
      await audit.record(trx, actor, {
        action: 'update',
        resourceType: 'User',
        resourceId: id,
        details: { change: action, fields: Object.keys(values) },
      });
      return dto(updated);
    });
  }

  async function insertUser(actor: OrgActor, body: CreateUserBody): Promise<UserDto> {
    const passwordHash = await checkedPassword(body.password, body.email);
    return db.transaction().execute(async (trx) => {
      const row = await withUniqueEmail(() =>
        usersRepo.insert(trx, {
          organization_id: actor.organizationId,
          email: body.email,
          display_name: body.displayName,
          password_hash: passwordHash,
          roles: body.roles,
        }),
      );
      await audit.record(trx, actor, {
        action: 'create',
        resourceType: 'User',
        resourceId: row.id,
        details: { roles: body.roles },
      });
      return dto(row);
    });
  }

  return {
    async list(
      actor: OrgActor,
      filter: { q?: string; role?: Role; status?: 'active' | 'deactivated' },
    ): Promise<UserDto[]> {
      requireRole(actor, 'admin');
      return (await usersRepo.list(db, actor.organizationId, filter)).map(dto);
    },

    async get(actor: OrgActor, id: string): Promise<UserDto> {
      requireRole(actor, 'admin');
      return dto(await usersRepo.get(db, actor.organizationId, id));
    },

    async create(actor: OrgActor, body: CreateUserBody): Promise<UserDto> {
      requireRole(actor, 'admin');
      return insertUser(actor, body);
    },

    /** Adds a user with no signed-in actor: provisioning from the CLI and the demo data. */
    provision: (organizationId: string, body: CreateUserBody) =>
      insertUser(systemActor(organizationId), body),

    update: (actor: OrgActor, id: string, body: UpdateUserBody) =>
      change(actor, id, 'edit', async (trx, user) => {
        if (body.roles) await assertKeepsAnAdmin(trx, actor, user, body.roles, true);
        const email = body.email ?? user.email;
        const values: UserUpdate = {
          ...(body.email !== undefined ? { email: body.email } : {}),
          ...(body.displayName !== undefined ? { display_name: body.displayName } : {}),
          ...(body.roles !== undefined ? { roles: body.roles } : {}),
          ...(body.password !== undefined
            ? { password_hash: await checkedPassword(body.password, email) }
            : {}),
        };
        // A new password or fewer roles take effect at once: the user signs in again.
        if (body.password !== undefined || body.roles !== undefined)
          await sessions.revokeAllForUser(trx, actor.organizationId, id);
        return values;
      }),

    deactivate: (actor: OrgActor, id: string) =>
      change(actor, id, 'deactivate', async (trx, user) => {
        await assertKeepsAnAdmin(trx, actor, user, user.roles, false);
        await sessions.revokeAllForUser(trx, actor.organizationId, id);
        return { status: 'deactivated', deactivated_at: clock.now() };
      }),

    reactivate: (actor: OrgActor, id: string) =>
      change(actor, id, 'reactivate', async () => ({
        status: 'active',
        deactivated_at: null,
        failed_login_count: 0,
        locked_until: null,
      })),

    unlock: (actor: OrgActor, id: string) =>
      change(actor, id, 'unlock', async () => ({ failed_login_count: 0, locked_until: null })),

    resetMfa: (actor: OrgActor, id: string) =>
      change(actor, id, 'reset_mfa', async (trx) => {
        await sessions.revokeAllForUser(trx, actor.organizationId, id);
        return { totp_secret: null, totp_pending_secret: null, totp_last_step: null };
      }),
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
