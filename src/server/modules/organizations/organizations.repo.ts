import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { LocationsTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const ORG_COLUMNS = ['id', 'name', 'time_zone', 'settings', 'created_at'] as const;
const LOCATION_COLUMNS = ['id', 'name', 'time_zone', 'address', 'created_at'] as const;
const ROOM_COLUMNS = ['id', 'location_id', 'name', 'capacity', 'telehealth'] as const;

export const organizationsRepo = {
  async getOrganization(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
    const row = await db
      .selectFrom('organizations')
      .select(ORG_COLUMNS)
      .where('id', '=', id)
      .$if(opts.forUpdate === true, (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) throw notFound('organization');
    return row;
  },

  insertOrganization(db: Db, values: { name: string; timeZone: string; settings: object }) {
    return db
      .insertInto('organizations')
      .values({ name: values.name, time_zone: values.timeZone, settings: JSON.stringify(values.settings) })
      .returning(ORG_COLUMNS)
      .executeTakeFirstOrThrow();
  },

  updateOrganization(db: Db, id: string, values: { name?: string; settings?: object }) {
    return db
      .updateTable('organizations')
      .set({
        ...(values.name !== undefined ? { name: values.name } : {}),
        ...(values.settings !== undefined ? { settings: JSON.stringify(values.settings) } : {}),
        updated_at: sql`now()`,
      })
      .where('id', '=', id)
      .returning(ORG_COLUMNS)
      .executeTakeFirstOrThrow();
  },

  listLocations(db: Db, organizationId: string) {
    return db
      .selectFrom('locations')
      .select(LOCATION_COLUMNS)
      .where('organization_id', '=', organizationId)
      .orderBy('name')
      .execute();
  },

  async getLocation(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('locations')
      .select(LOCATION_COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('location');
    return row;
  },

  insertLocation(db: Db, values: Insertable<LocationsTable>) {
    return db.insertInto('locations').values(values).returning(LOCATION_COLUMNS).executeTakeFirstOrThrow();
  },

  async updateLocation(
    db: Db,
    organizationId: string,
    id: string,
    values: { name?: string; time_zone?: string; address?: string | null },
  ) {
    const row = await db
      .updateTable('locations')
      .set({ ...values, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .returning(LOCATION_COLUMNS)
      .executeTakeFirst();
    if (!row) throw notFound('location');
    return row;
  },

  listRooms(db: Db, organizationId: string, locationId: string) {
    return db
      .selectFrom('rooms')
      .select(ROOM_COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('location_id', '=', locationId)
      .orderBy('name')
      .execute();
  },

  insertRoom(
    db: Db,
    values: {
      organization_id: string;
      location_id: string;
      name: string;
      capacity: number;
      telehealth: boolean;
    },
  ) {
    return db.insertInto('rooms').values(values).returning(ROOM_COLUMNS).executeTakeFirstOrThrow();
  },
};

export type OrganizationRow = Awaited<ReturnType<typeof organizationsRepo.getOrganization>>;
export type LocationRow = Awaited<ReturnType<typeof organizationsRepo.getLocation>>;
export type RoomRow = Awaited<ReturnType<typeof organizationsRepo.insertRoom>>;
