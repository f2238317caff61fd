import { sql } from 'kysely';
import { jsonObjectFrom } from 'kysely/helpers/postgres';
import type { Role } from '../../../domain/identity/roles.js';
import type { NewUserRow, UserUpdate } from '../../platform/db/schema.js';
import { containsPattern } from '../../platform/db/like.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const USER_COLUMNS = [
  'organization_id',
  'id',
  'email',
  'display_name',
  'password_hash',
  'roles',
  'status',
  'failed_login_count',
  'locked_until',
  'last_login_at',
  'totp_secret',
  'totp_pending_secret',
  'totp_last_step',
  'created_at',
] as const;

export const usersRepo = {
  /** Sign-in looks a user up by email alone, before any organization is known. */
  findByEmailForLogin(db: Db, email: string) {
    return db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
  },

  async get(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('user');
    return row;
  },

  /** The user with their organization in one round trip: what "who am I" needs. */
  async getWithOrganization(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .select((eb) =>
        jsonObjectFrom(
          eb
            .selectFrom('organizations as o')
            .select(['o.id', 'o.name', 'o.time_zone', 'o.settings'])
            .whereRef('o.id', '=', 'users.organization_id'),
        ).as('organization'),
      )
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row?.organization) throw notFound('user');
    return { ...row, organization: row.organization };
  },

  list(
    db: Db,
    organizationId: string,
    filter: { q?: string; role?: Role; status?: 'active' | 'deactivated' },
  ) {
    let query = db.selectFrom('users').select(USER_COLUMNS).where('organization_id', '=', organizationId);
    if (filter.q) {
      const like = containsPattern(filter.q.toLowerCase());
      query = query.where((eb) =>
        eb.or([eb(sql`lower(display_name)`, 'like', like), eb('email', 'like', like)]),
      );
    }
    if (filter.role) query = query.where(sql<boolean>`${filter.role} = ANY(roles)`);
    if (filter.status) query = query.where('status', '=', filter.status);
    return query.orderBy('display_name').orderBy('id').limit(1000).execute();
  },

  insert(db: Db, values: NewUserRow) {
    return db.insertInto('users').values(values).returning(USER_COLUMNS).executeTakeFirstOrThrow();
  },

  async update(db: Db, organizationId: string, id: string, values: UserUpdate) {
    const row = await db
      .updateTable('users')
      .set({ ...values, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .returning(USER_COLUMNS)
      .executeTakeFirst();
    if (!row) throw notFound('user');
    return row;
  },

  /** Counts one failed sign-in and locks the account once the count reaches the threshold. */
  recordFailedLogin(db: Db, organizationId: string, id: string, lock: { threshold: number; until: Date }) {
    return db
      .updateTable('users')
      .set((eb) => ({
        failed_login_count: sql`CASE WHEN failed_login_count + 1 >= ${lock.threshold} THEN 0 ELSE failed_login_count + 1 END`,
        locked_until: sql`CASE WHEN failed_login_count + 1 >= ${lock.threshold} THEN ${lock.until}::timestamptz ELSE locked_until END`,
        updated_at: eb.ref('updated_at'),
      }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .returning(['locked_until'])
      .executeTakeFirstOrThrow();
  },

  /** Counts the active administrators and locks their rows, so two demotions cannot both pass. */
  async countActiveAdminsForUpdate(db: Db, organizationId: string): Promise<number> {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'active')
      .where(sql<boolean>`'admin' = ANY(roles)`)
      .forUpdate()
      .execute();
    return rows.length;
  },

  /** Records a used TOTP time step; false when that step (or a later one) was already used. */
  async claimTotpStep(db: Db, organizationId: string, id: string, step: number): Promise<boolean> {
    const row = await db
      .updateTable('users')
      .set({ totp_last_step: String(step) })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', String(step))]))
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },
};

export type UserRecord = Awaited<ReturnType<typeof usersRepo.get>>;
