import { sql } from 'kysely';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const NONE = ['00000000-0000-0000-0000-000000000000'];

/** Staff scheduling profiles (credentials, supervisor, availability) and calendar feeds. */
export const staffRepo = {
  /** Active staff holding any of `roles` (all active staff when `ids` is given). */
  profiles(db: Db, organizationId: string, filter: { ids?: readonly string[]; roles?: readonly string[] }) {
    let q = db
      .selectFrom('users as u')
      .leftJoin('users as s', (j) =>
        j.onRef('s.organization_id', '=', 'u.organization_id').onRef('s.id', '=', 'u.supervisor_id'),
      )
      .select([
        'u.id',
        'u.display_name',
        'u.roles',
        'u.credentials',
        'u.supervisor_id',
        's.display_name as supervisor_name',
        'u.status',
      ])
      .where('u.organization_id', '=', organizationId);
    if (filter.ids) q = q.where('u.id', 'in', filter.ids.length ? [...filter.ids] : NONE);
    else q = q.where('u.status', '=', 'active');
    if (filter.roles) q = q.where('u.roles', '&&', sql<string[]>`${[...filter.roles]}::text[]`);
    return q.orderBy('u.display_name').execute();
  },

  availabilityOf(db: Db, organizationId: string, userIds: readonly string[]) {
    return db
      .selectFrom('staff_availability')
      .select(['user_id', 'weekday', 'start_time', 'end_time'])
      .where('organization_id', '=', organizationId)
      .where('user_id', 'in', userIds.length ? [...userIds] : NONE)
      .orderBy('user_id')
      .orderBy('start_time')
      .execute();
  },

  async lockUser(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('users')
      .select(['id', 'roles', 'status'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('user');
    return row;
  },

  setProfile(
    db: Db,
    organizationId: string,
    id: string,
    v: { credentials: string | null; supervisorId: string | null },
  ) {
    return db
      .updateTable('users')
      .set({ credentials: v.credentials, supervisor_id: v.supervisorId, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  async replaceAvailability(
    db: Db,
    organizationId: string,
    userId: string,
    windows: readonly { weekday: string; start: string; end: string }[],
  ) {
    await db
      .deleteFrom('staff_availability')
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .execute();
    if (windows.length === 0) return;
    await db
      .insertInto('staff_availability')
      .values(
        windows.map((w) => ({
          organization_id: organizationId,
          user_id: userId,
          weekday: w.weekday,
          start_time: w.start,
          end_time: w.end,
        })),
      )
      .execute();
  },

  activeFeed(db: Db, organizationId: string, userId: string) {
    return db
      .selectFrom('calendar_feeds')
      .select(['id', 'created_at'])
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  },

  revokeFeeds(db: Db, organizationId: string, userId: string, at: Date) {
    return db
      .updateTable('calendar_feeds')
      .set({ revoked_at: at })
      .where('organization_id', '=', organizationId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  },

  insertFeed(db: Db, v: { organizationId: string; userId: string; tokenHash: string; at: Date }) {
    return db
      .insertInto('calendar_feeds')
      .values({
        organization_id: v.organizationId,
        user_id: v.userId,
        token_hash: v.tokenHash,
        created_at: v.at,
      })
      .returning(['created_at'])
      .executeTakeFirstOrThrow();
  },

  /** The feed's owner, when the token is live and the owner still active. */
  feedByTokenHash(db: Db, tokenHash: string) {
    return db
      .selectFrom('calendar_feeds as f')
      .innerJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'f.organization_id').onRef('u.id', '=', 'f.user_id'),
      )
      .innerJoin('organizations as o', 'o.id', 'f.organization_id')
      .select(['f.organization_id', 'f.user_id', 'u.roles', 'u.display_name', 'o.name as organization_name'])
      .where('f.token_hash', '=', tokenHash)
      .where('f.revoked_at', 'is', null)
      .where('u.status', '=', 'active')
      .executeTakeFirst();
  },
};

export type StaffRow = Awaited<ReturnType<typeof staffRepo.profiles>>[number];
