import type { Kysely } from 'kysely';
import { isStaff, type Role } from '../../../domain/identity/roles.js';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { Db } from '../db/tx.js';
import type { Principal } from './principal.js';
import { newToken, sha256Hex } from './tokens.js';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteMinutes: number;
}

const MINUTE = 60_000;
/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 30_000;

export interface SessionStore {
  /** Opens a session and returns the cookie token (only its hash is stored). */
  create(
    db: Db,
    input: { organizationId: string; userId: string; ip: string | null; userAgent: string | null },
  ): Promise<string>;
  resolve(token: string): Promise<Principal | undefined>;
  revoke(db: Db, sessionId: string): Promise<void>;
  revokeAllForUser(db: Db, organizationId: string, userId: string, exceptSessionId?: string): Promise<void>;
}

export function createSessionStore({
  db,
  clock,
  policy,
}: {
  db: Kysely<DB>;
  clock: Clock;
  policy: SessionPolicy;
}): SessionStore {
  return {
    async create(tx, input) {
      const token = newToken();
      const now = clock.now();
      await tx
        .insertInto('auth_sessions')
        .values({
          id: sha256Hex(token),
          organization_id: input.organizationId,
          user_id: input.userId,
          csrf_token: newToken(),
          created_at: now,
          last_seen_at: now,
          expires_at: new Date(now.getTime() + policy.absoluteMinutes * MINUTE),
          ip: input.ip,
          user_agent: input.userAgent?.slice(0, 300) ?? null,
        })
        .execute();
      return token;
    },

    async resolve(token) {
      const id = sha256Hex(token);
      const row = await db
        .selectFrom('auth_sessions as s')
        .innerJoin('users as u', (j) =>
          j.onRef('u.organization_id', '=', 's.organization_id').onRef('u.id', '=', 's.user_id'),
        )
        .innerJoin('organizations as o', 'o.id', 's.organization_id')
        .select([
          's.id',
          's.organization_id',
          's.user_id',
          's.csrf_token',
          's.last_seen_at',
          's.expires_at',
          'u.email',
          'u.display_name',
          'u.roles',
          'u.status',
          'u.totp_secret',
          'o.settings',
        ])
        .where('s.id', '=', id)
        .where('s.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row || row.status !== 'active') return undefined;
      const now = clock.now();
      const idleDeadline = row.last_seen_at.getTime() + policy.idleMinutes * MINUTE;
      if (now.getTime() >= idleDeadline || now.getTime() >= row.expires_at.getTime()) return undefined;
      if (now.getTime() - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
        await db.updateTable('auth_sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
      }
      const roles = row.roles as Role[];
      return {
        sessionId: row.id,
        userId: row.user_id,
        organizationId: row.organization_id,
        email: row.email,
        displayName: row.display_name,
        roles,
        csrfToken: row.csrf_token,
        mfaEnabled: row.totp_secret !== null,
        mfaEnrollmentRequired:
          Boolean(row.settings.mfaRequiredForStaff) && isStaff(roles) && !row.totp_secret,
        idleExpiresAt: new Date(
          Math.min(now.getTime() + policy.idleMinutes * MINUTE, row.expires_at.getTime()),
        ),
        absoluteExpiresAt: row.expires_at,
      };
    },

    async revoke(tx, sessionId) {
      await tx
        .updateTable('auth_sessions')
        .set({ revoked_at: clock.now() })
        .where('id', '=', sessionId)
        .execute();
    },

    async revokeAllForUser(tx, organizationId, userId, exceptSessionId) {
      let query = tx
        .updateTable('auth_sessions')
        .set({ revoked_at: clock.now() })
        .where('organization_id', '=', organizationId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null);
      if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
      await query.execute();
    },
  };
}
