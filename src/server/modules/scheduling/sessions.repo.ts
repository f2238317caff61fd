import { sql, type Insertable } from 'kysely';
import type { SessionsTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const NONE = ['00000000-0000-0000-0000-000000000000'];
const orNone = (ids: readonly string[]) => (ids.length ? [...ids] : NONE);

const SESSION_COLUMNS = [
  's.id',
  's.kind',
  's.origin',
  's.title',
  's.group_kind',
  's.location_id',
  's.program_id',
  's.track_id',
  's.group_block_id',
  's.series_id',
  's.curriculum_module_id',
  's.room_id',
  's.telehealth_url',
  's.starts_at',
  's.ends_at',
  's.local_date',
  's.max_size',
  's.status',
  's.status_reason',
  's.sequence',
  's.updated_at',
  'l.time_zone',
  'r.name as room_name',
  'r.capacity as room_capacity',
  'p.name as program_name',
  't.name as track_name',
  'm.title as module_title',
] as const;

const sessions = (db: Db, organizationId: string) =>
  db
    .selectFrom('sessions as s')
    .innerJoin('locations as l', (j) =>
      j.onRef('l.organization_id', '=', 's.organization_id').onRef('l.id', '=', 's.location_id'),
    )
    .leftJoin('rooms as r', (j) =>
      j.onRef('r.organization_id', '=', 's.organization_id').onRef('r.id', '=', 's.room_id'),
    )
    .leftJoin('programs as p', (j) =>
      j.onRef('p.organization_id', '=', 's.organization_id').onRef('p.id', '=', 's.program_id'),
    )
    .leftJoin('tracks as t', (j) =>
      j.onRef('t.organization_id', '=', 's.organization_id').onRef('t.id', '=', 's.track_id'),
    )
    .leftJoin('curriculum_modules as m', (j) =>
      j.onRef('m.organization_id', '=', 's.organization_id').onRef('m.id', '=', 's.curriculum_module_id'),
    )
    .select(SESSION_COLUMNS)
    .where('s.organization_id', '=', organizationId);

export type CalendarScope = 'clinician' | 'room' | 'program' | 'track' | 'patient';

/** Sessions (groups and appointments), their staff and participants, closures and notices. */
export const sessionsRepo = {
  async get(db: Db, organizationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = sessions(db, organizationId).where('s.id', '=', id);
    if (opts.forUpdate) q = q.forUpdate('s');
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('session');
    return row;
  },

  byIds(db: Db, organizationId: string, ids: readonly string[]) {
    return sessions(db, organizationId)
      .where('s.id', 'in', orNone(ids))
      .orderBy('s.starts_at')
      .orderBy('s.title')
      .execute();
  },

  calendar(
    db: Db,
    organizationId: string,
    q: { scope: CalendarScope; id: string; from: string; to: string; includeCancelled: boolean },
  ) {
    let query = sessions(db, organizationId)
      .where('s.local_date', '>=', q.from)
      .where('s.local_date', '<=', q.to);
    if (!q.includeCancelled) query = query.where('s.status', '=', 'scheduled');
    switch (q.scope) {
      case 'room':
        query = query.where('s.room_id', '=', q.id);
        break;
      case 'program':
        query = query.where('s.program_id', '=', q.id);
        break;
      case 'track':
        query = query.where('s.track_id', '=', q.id);
        break;
      case 'clinician':
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('session_staff as ss')
              .select('ss.user_id')
              .whereRef('ss.organization_id', '=', 's.organization_id')
              .whereRef('ss.session_id', '=', 's.id')
              .where('ss.user_id', '=', q.id),
          ),
        );
        break;
      case 'patient':
        query = query.where((eb) =>
          eb.exists(
            eb
              .selectFrom('session_participants as sp')
              .select('sp.patient_id')
              .whereRef('sp.organization_id', '=', 's.organization_id')
              .whereRef('sp.session_id', '=', 's.id')
              .where('sp.patient_id', '=', q.id),
          ),
        );
        break;
    }
    return query.orderBy('s.starts_at').orderBy('s.title').limit(5000).execute();
  },

  staffOf(db: Db, organizationId: string, sessionIds: readonly string[]) {
    return db
      .selectFrom('session_staff as ss')
      .innerJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'ss.organization_id').onRef('u.id', '=', 'ss.user_id'),
      )
      .select(['ss.session_id', 'ss.user_id', 'ss.role', 'u.display_name'])
      .where('ss.organization_id', '=', organizationId)
      .where('ss.session_id', 'in', orNone(sessionIds))
      .orderBy('ss.role', 'desc')
      .orderBy('u.display_name')
      .execute();
  },

  participantsOf(db: Db, organizationId: string, sessionIds: readonly string[]) {
    return db
      .selectFrom('session_participants as sp')
      .innerJoin('patients as pt', (j) =>
        j.onRef('pt.organization_id', '=', 'sp.organization_id').onRef('pt.id', '=', 'sp.patient_id'),
      )
      .select([
        'sp.session_id',
        'sp.patient_id',
        'sp.episode_id',
        'pt.given_name',
        'pt.family_name',
        'pt.preferred_name',
        'pt.mrn',
      ])
      .where('sp.organization_id', '=', organizationId)
      .where('sp.session_id', 'in', orNone(sessionIds))
      .orderBy('pt.family_name')
      .orderBy('pt.given_name')
      .execute();
  },

  /**
   * Scheduled sessions overlapping [from, to) that involve any of these staff, rooms or patients:
   * three index lookups (room, staff, participant), each bounded in time on both sides.
   */
  async overlapping(
    db: Db,
    organizationId: string,
    window: { from: Date; to: Date },
    who: { userIds: readonly string[]; roomIds: readonly string[]; patientIds: readonly string[] },
  ) {
    // Every session lasts less than a day (one clinic-local date for groups, at most 240 minutes
    // for appointments), so one that overlaps the window started less than a day before it.
    const earliest = new Date(window.from.getTime() - 86_400_000);
    const inWindow = db
      .selectFrom('sessions as s')
      .select(['s.id', 's.kind', 's.title', 's.starts_at', 's.ends_at', 's.room_id'])
      .where('s.organization_id', '=', organizationId)
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>', earliest)
      .where('s.starts_at', '<', window.to)
      .where('s.ends_at', '>', window.from);
    const found = await Promise.all([
      who.roomIds.length === 0 ? [] : inWindow.where('s.room_id', 'in', [...who.roomIds]).execute(),
      who.userIds.length === 0
        ? []
        : inWindow
            .innerJoin('session_staff as ss', (j) =>
              j.onRef('ss.organization_id', '=', 's.organization_id').onRef('ss.session_id', '=', 's.id'),
            )
            .where('ss.user_id', 'in', [...who.userIds])
            .execute(),
      who.patientIds.length === 0
        ? []
        : inWindow
            .innerJoin('session_participants as sp', (j) =>
              j.onRef('sp.organization_id', '=', 's.organization_id').onRef('sp.session_id', '=', 's.id'),
            )
            .where('sp.patient_id', 'in', [...who.patientIds])
            .execute(),
    ]);
    const rows = [...new Map(found.flat().map((r) => [r.id, r])).values()].sort(
      (a, b) => a.starts_at.getTime() - b.starts_at.getTime(),
    );
    const ids = rows.map((r) => r.id);
    const [staff, participants] = [
      await db
        .selectFrom('session_staff')
        .select(['session_id', 'user_id'])
        .where('organization_id', '=', organizationId)
        .where('session_id', 'in', orNone(ids))
        .execute(),
      await db
        .selectFrom('session_participants')
        .select(['session_id', 'patient_id'])
        .where('organization_id', '=', organizationId)
        .where('session_id', 'in', orNone(ids))
        .execute(),
    ];
    return rows.map((r) => ({
      ...r,
      staffIds: staff.filter((s) => s.session_id === r.id).map((s) => s.user_id),
      patientIds: participants.filter((p) => p.session_id === r.id).map((p) => p.patient_id),
    }));
  },

  async insertSessions(db: Db, rows: Insertable<SessionsTable>[]) {
    if (rows.length === 0) return [];
    return db
      .insertInto('sessions')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['organization_id', 'group_block_id', 'occurrence_date'])
          .where('group_block_id', 'is not', null)
          .doNothing(),
      )
      .returning(['id', 'local_date', 'group_block_id', 'starts_at'])
      .execute();
  },

  async insertStaff(
    db: Db,
    organizationId: string,
    rows: readonly { sessionId: string; userId: string; role: 'lead' | 'co' }[],
  ) {
    if (rows.length === 0) return;
    await db
      .insertInto('session_staff')
      .values(
        rows.map((r) => ({
          organization_id: organizationId,
          session_id: r.sessionId,
          user_id: r.userId,
          role: r.role,
        })),
      )
      .execute();
  },

  async insertParticipants(
    db: Db,
    organizationId: string,
    rows: readonly { sessionId: string; patientId: string; episodeId: string | null }[],
  ) {
    if (rows.length === 0) return;
    await db
      .insertInto('session_participants')
      .values(
        rows.map((r) => ({
          organization_id: organizationId,
          session_id: r.sessionId,
          patient_id: r.patientId,
          episode_id: r.episodeId,
        })),
      )
      .onConflict((oc) => oc.columns(['organization_id', 'session_id', 'patient_id']).doNothing())
      .execute();
  },

  removeParticipant(db: Db, organizationId: string, patientId: string, sessionIds: readonly string[]) {
    return db
      .deleteFrom('session_participants')
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('session_id', 'in', orNone(sessionIds))
      .execute();
  },

  reschedule(
    db: Db,
    organizationId: string,
    id: string,
    v: { startsAt: Date; endsAt: Date; localDate: string; roomId: string | null; reason: string; from: Date },
  ) {
    return db
      .updateTable('sessions')
      .set((eb) => ({
        starts_at: v.startsAt,
        ends_at: v.endsAt,
        local_date: v.localDate,
        room_id: v.roomId,
        status_reason: v.reason,
        moved_from: eb.fn.coalesce('moved_from', eb.val(v.from)),
        sequence: eb('sequence', '+', 1),
        updated_at: sql`now()`,
      }))
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  cancel(db: Db, organizationId: string, ids: readonly string[], reason: string, closureId: string | null) {
    return db
      .updateTable('sessions')
      .set((eb) => ({
        status: 'cancelled',
        status_reason: reason,
        closure_id: closureId,
        sequence: eb('sequence', '+', 1),
        updated_at: sql`now()`,
      }))
      .where('organization_id', '=', organizationId)
      .where('id', 'in', orNone(ids))
      .where('status', '=', 'scheduled')
      .returning('id')
      .execute();
  },

  /** The block occurrences a track already has (wherever they were moved), as 'blockId|date'. */
  async blockOccurrences(db: Db, organizationId: string, trackId: string, from: string, to: string) {
    const rows = await db
      .selectFrom('sessions')
      .select(['group_block_id', 'occurrence_date'])
      .where('organization_id', '=', organizationId)
      .where('track_id', '=', trackId)
      .where('occurrence_date', '>=', from)
      .where('occurrence_date', '<=', to)
      .execute();
    return new Set(rows.map((r) => `${r.group_block_id}|${r.occurrence_date}`));
  },

  /** Scheduled sessions of a track on or after `fromDate` that have not started by `now`. */
  futureTrackSessions(db: Db, organizationId: string, trackId: string, fromDate: string, now: Date) {
    return db
      .selectFrom('sessions')
      .select(['id', 'local_date', 'max_size', 'title', 'starts_at', 'ends_at', 'room_id'])
      .where('organization_id', '=', organizationId)
      .where('track_id', '=', trackId)
      .where('status', '=', 'scheduled')
      .where('local_date', '>=', fromDate)
      .where('starts_at', '>=', now)
      .orderBy('starts_at')
      .execute();
  },

  participantCounts(db: Db, organizationId: string, sessionIds: readonly string[]) {
    return db
      .selectFrom('session_participants')
      .select(['session_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('organization_id', '=', organizationId)
      .where('session_id', 'in', orNone(sessionIds))
      .groupBy('session_id')
      .execute();
  },

  /** How many curriculum sessions the track has had so far (the next one continues the cycle). */
  async curriculumSessionsBefore(db: Db, organizationId: string, trackId: string, date: string) {
    const { n } = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', organizationId)
      .where('track_id', '=', trackId)
      .where('curriculum_module_id', 'is not', null)
      .where('local_date', '<', date)
      .executeTakeFirstOrThrow();
    return Number(n);
  },

  async lastGeneratedDate(db: Db, organizationId: string, trackId: string): Promise<string | null> {
    const row = await db
      .selectFrom('sessions')
      .select((eb) => eb.fn.max('local_date').as('d'))
      .where('organization_id', '=', organizationId)
      .where('track_id', '=', trackId)
      .where('origin', '=', 'track')
      .executeTakeFirst();
    return row?.d ?? null;
  },

  /** A patient's scheduled sessions on clinic-local dates from..to. */
  patientSessions(db: Db, organizationId: string, patientId: string, from: string, to: string) {
    return db
      .selectFrom('sessions as s')
      .innerJoin('session_participants as sp', (j) =>
        j.onRef('sp.organization_id', '=', 's.organization_id').onRef('sp.session_id', '=', 's.id'),
      )
      .select(['s.id', 's.starts_at', 's.ends_at', 's.local_date', 's.track_id', 's.curriculum_module_id'])
      .where('s.organization_id', '=', organizationId)
      .where('sp.patient_id', '=', patientId)
      .where('s.status', '=', 'scheduled')
      .where('s.local_date', '>=', from)
      .where('s.local_date', '<=', to)
      .orderBy('s.starts_at')
      .execute();
  },

  sessionsOnDate(db: Db, organizationId: string, locationId: string, date: string) {
    return db
      .selectFrom('sessions')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('location_id', '=', locationId)
      .where('local_date', '=', date)
      .where('status', '=', 'scheduled')
      .execute();
  },

  insertClosure(
    db: Db,
    v: { organizationId: string; locationId: string; date: string; reason: string; by: string },
  ) {
    return db
      .insertInto('closures')
      .values({
        organization_id: v.organizationId,
        location_id: v.locationId,
        date: v.date,
        reason: v.reason,
        created_by: v.by,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  closures(db: Db, organizationId: string, from: string) {
    return db
      .selectFrom('closures as c')
      .select((eb) => [
        'c.id',
        'c.location_id',
        'c.date',
        'c.reason',
        eb
          .selectFrom('sessions as s')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('s.organization_id', '=', 'c.organization_id')
          .whereRef('s.closure_id', '=', 'c.id')
          .as('cancelled'),
      ])
      .where('c.organization_id', '=', organizationId)
      .where('c.date', '>=', from)
      .orderBy('c.date')
      .execute();
  },

  async closedDates(db: Db, organizationId: string, locationId: string, from: string, to: string) {
    const rows = await db
      .selectFrom('closures')
      .select('date')
      .where('organization_id', '=', organizationId)
      .where('location_id', '=', locationId)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute();
    return rows.map((r) => r.date);
  },

  async insertNotices(
    db: Db,
    organizationId: string,
    rows: readonly { patientId: string; sessionId: string; kind: string; message: string }[],
  ) {
    if (rows.length === 0) return;
    await db
      .insertInto('patient_notices')
      .values(
        rows.map((r) => ({
          organization_id: organizationId,
          patient_id: r.patientId,
          session_id: r.sessionId,
          kind: r.kind,
          message: r.message,
        })),
      )
      .execute();
  },

  insertSeries(db: Db, v: { organizationId: string; rrule: string; dtstart: string; by: string }) {
    return db
      .insertInto('session_series')
      .values({ organization_id: v.organizationId, rrule: v.rrule, dtstart: v.dtstart, created_by: v.by })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Sessions a user staffs between two instants, for the calendar feed. */
  staffedBetween(db: Db, organizationId: string, userId: string, from: Date, to: Date) {
    return sessions(db, organizationId)
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('session_staff as ss')
            .select('ss.user_id')
            .whereRef('ss.organization_id', '=', 's.organization_id')
            .whereRef('ss.session_id', '=', 's.id')
            .where('ss.user_id', '=', userId),
        ),
      )
      .orderBy('s.starts_at')
      .limit(2000)
      .execute();
  },

  /**
   * Serializes an organization's schedule writers (booking, moving, admitting, generating) for
   * the rest of the transaction, so two of them never both pass the conflict check and both
   * write. One lock per organization: no lock-order deadlocks, and schedule writes are brief.
   */
  lockSchedule(db: Db, organizationId: string) {
    return sql`SELECT pg_advisory_xact_lock(hashtext(${'schedule:' + organizationId}))`.execute(db);
  },
};

export type SessionRow = Awaited<ReturnType<typeof sessionsRepo.get>>;

/** Rooms as scheduling books them (tenant-scoped), with their location. */
export const placesRepo = {
  async room(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('rooms')
      .select(['id', 'name', 'capacity', 'location_id'])
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw notFound('room');
    return row;
  },
};
