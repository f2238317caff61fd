import { sql } from 'kysely';
import type { Insertable, Updateable } from 'kysely';
import type { GroupBlocksTable, ProgramsTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const PROGRAM_COLUMNS = [
  'id',
  'location_id',
  'name',
  'level_of_care',
  'min_age',
  'max_age',
  'capacity',
  'delivery',
  'substance_use',
  'intensity',
  'active',
] as const;

/** Programs, tracks, group blocks and curriculum: the program setup a director maintains. */
export const programsRepo = {
  listPrograms(db: Db, organizationId: string, ids?: string[]) {
    let q = db.selectFrom('programs').select(PROGRAM_COLUMNS).where('organization_id', '=', organizationId);
    if (ids) q = q.where('id', 'in', ids.length ? ids : ['00000000-0000-0000-0000-000000000000']);
    return q.orderBy('name').execute();
  },

  async getProgram(db: Db, organizationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = db
      .selectFrom('programs')
      .select(PROGRAM_COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('program');
    return row;
  },

  insertProgram(db: Db, values: Insertable<ProgramsTable>) {
    return db.insertInto('programs').values(values).returning('id').executeTakeFirstOrThrow();
  },

  updateProgram(db: Db, organizationId: string, id: string, values: Updateable<ProgramsTable>) {
    return db
      .updateTable('programs')
      .set({ ...values, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  tracksOf(db: Db, organizationId: string, programIds: string[]) {
    if (programIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('tracks as t')
      .select((eb) => [
        't.id',
        't.program_id',
        't.name',
        't.active',
        eb
          .selectFrom('episodes as e')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('e.organization_id', '=', 't.organization_id')
          .whereRef('e.track_id', '=', 't.id')
          .where('e.status', '=', 'active')
          .as('member_count'),
      ])
      .where('t.organization_id', '=', organizationId)
      .where('t.program_id', 'in', programIds)
      .orderBy('t.name')
      .execute();
  },

  async getTrack(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('tracks as t')
      .innerJoin('programs as p', (j) =>
        j.onRef('p.organization_id', '=', 't.organization_id').onRef('p.id', '=', 't.program_id'),
      )
      .innerJoin('locations as l', (j) =>
        j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'),
      )
      .select([
        't.id',
        't.program_id',
        't.name',
        't.active',
        'p.name as program_name',
        'p.location_id',
        'p.active as program_active',
        'l.time_zone',
      ])
      .where('t.organization_id', '=', organizationId)
      .where('t.id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('track');
    return row;
  },

  insertTrack(db: Db, organizationId: string, programId: string, name: string) {
    return db
      .insertInto('tracks')
      .values({ organization_id: organizationId, program_id: programId, name })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  blocksOf(db: Db, organizationId: string, trackIds: string[]) {
    if (trackIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('group_blocks as b')
      .innerJoin('users as f', (j) =>
        j.onRef('f.organization_id', '=', 'b.organization_id').onRef('f.id', '=', 'b.facilitator_id'),
      )
      .leftJoin('users as c', (j) =>
        j.onRef('c.organization_id', '=', 'b.organization_id').onRef('c.id', '=', 'b.co_facilitator_id'),
      )
      .leftJoin('rooms as r', (j) =>
        j.onRef('r.organization_id', '=', 'b.organization_id').onRef('r.id', '=', 'b.room_id'),
      )
      .select([
        'b.id',
        'b.track_id',
        'b.title',
        'b.group_kind',
        'b.weekdays',
        'b.start_time',
        'b.end_time',
        'b.facilitator_id',
        'f.display_name as facilitator_name',
        'b.co_facilitator_id',
        'c.display_name as co_facilitator_name',
        'b.room_id',
        'r.name as room_name',
        'r.capacity as room_capacity',
        'b.telehealth_url',
        'b.max_size',
        'b.uses_curriculum',
        'b.active_from',
        'b.active_until',
      ])
      .where('b.organization_id', '=', organizationId)
      .where('b.track_id', 'in', trackIds)
      .orderBy('b.start_time')
      .orderBy('b.created_at')
      .execute();
  },

  async getBlock(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('group_blocks')
      .select(['id', 'track_id', 'active_from', 'active_until'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('group block');
    return row;
  },

  insertBlock(db: Db, values: Insertable<GroupBlocksTable>) {
    return db.insertInto('group_blocks').values(values).returning('id').executeTakeFirstOrThrow();
  },

  endBlock(db: Db, organizationId: string, id: string, lastDate: string) {
    return db
      .updateTable('group_blocks')
      .set({ active_until: lastDate })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  modulesOf(db: Db, organizationId: string, trackIds: string[]) {
    if (trackIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('curriculum_modules')
      .select(['id', 'track_id', 'position', 'title', 'kind', 'description'])
      .where('organization_id', '=', organizationId)
      .where('track_id', 'in', trackIds)
      .orderBy('track_id')
      .orderBy('position')
      .execute();
  },

  async insertModule(
    db: Db,
    v: { organizationId: string; trackId: string; title: string; kind: string; description: string | null },
  ) {
    const { n } = await db
      .selectFrom('curriculum_modules')
      .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.val(-1)).as('n'))
      .where('organization_id', '=', v.organizationId)
      .where('track_id', '=', v.trackId)
      .executeTakeFirstOrThrow();
    return db
      .insertInto('curriculum_modules')
      .values({
        organization_id: v.organizationId,
        track_id: v.trackId,
        position: n + 1,
        title: v.title,
        kind: v.kind,
        description: v.description,
      })
      .execute();
  },

  setModulePosition(db: Db, organizationId: string, id: string, position: number) {
    return db
      .updateTable('curriculum_modules')
      .set({ position })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  lockTrack(db: Db, organizationId: string, id: string) {
    return db
      .selectFrom('tracks')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  },
};

export type ProgramRow = Awaited<ReturnType<typeof programsRepo.getProgram>>;
export type BlockRow = Awaited<ReturnType<typeof programsRepo.blocksOf>>[number];
export type ModuleRow = Awaited<ReturnType<typeof programsRepo.modulesOf>>[number];
