import { sql } from 'kysely';
import type { Db } from '../../platform/db/tx.js';

const COLUMNS = [
  'patient_id',
  'episode_id',
  'status',
  'late_minutes',
  'left_early_minutes',
  'telehealth',
  'absence_reason',
  'minutes',
  'checked_in_at',
  'recorded_at',
  'locked_at',
] as const;

export interface AttendanceValues {
  status: string;
  late_minutes: number;
  left_early_minutes: number;
  telehealth: boolean;
  absence_reason: string | null;
  minutes: number;
}

/** The attendance ledger: one row per patient per session, and the history of changes to it. */
export const attendanceRepo = {
  /** The session's members and the episode each was seated under. */
  async episodesOf(db: Db, organizationId: string, sessionId: string) {
    const rows = await db
      .selectFrom('session_participants')
      .select(['patient_id', 'episode_id'])
      .where('organization_id', '=', organizationId)
      .where('session_id', '=', sessionId)
      .execute();
    return new Map(rows.map((r) => [r.patient_id, r.episode_id]));
  },

  forSession(db: Db, organizationId: string, sessionId: string, opts: { forUpdate?: boolean } = {}) {
    let q = db
      .selectFrom('attendance')
      .select(COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('session_id', '=', sessionId);
    if (opts.forUpdate) q = q.forUpdate();
    return q.execute();
  },

  forSessions(db: Db, organizationId: string, sessionIds: readonly string[]) {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('attendance')
      .select(['session_id', 'patient_id', 'status', 'minutes'])
      .where('organization_id', '=', organizationId)
      .where('session_id', 'in', [...sessionIds])
      .execute();
  },

  upsert(
    db: Db,
    key: {
      organizationId: string;
      sessionId: string;
      patientId: string;
      episodeId: string | null;
      startsAt: Date;
    },
    values: AttendanceValues & { checked_in_at?: Date },
    by: string,
  ) {
    return db
      .insertInto('attendance')
      .values({
        organization_id: key.organizationId,
        session_id: key.sessionId,
        patient_id: key.patientId,
        episode_id: key.episodeId,
        starts_at: key.startsAt,
        recorded_by: by,
        ...values,
      })
      .onConflict((oc) =>
        oc
          .columns(['organization_id', 'session_id', 'patient_id'])
          .doUpdateSet({ ...values, recorded_by: by, recorded_at: sql`now()` }),
      )
      .execute();
  },

  /** Active episodes (a therapist's own, or all for a director), by patient name. */
  caseload(db: Db, organizationId: string, therapistId: string | null) {
    let q = db
      .selectFrom('episodes as e')
      .innerJoin('patients as pt', (j) =>
        j.onRef('pt.organization_id', '=', 'e.organization_id').onRef('pt.id', '=', 'e.patient_id'),
      )
      .innerJoin('tracks as t', (j) =>
        j.onRef('t.organization_id', '=', 'e.organization_id').onRef('t.id', '=', 'e.track_id'),
      )
      .select([
        'e.id',
        'e.patient_id',
        'pt.given_name',
        'pt.family_name',
        'pt.preferred_name',
        'pt.mrn',
        't.name as track_name',
      ])
      .where('e.organization_id', '=', organizationId)
      .where('e.status', '=', 'active');
    if (therapistId) q = q.where('e.primary_therapist_id', '=', therapistId);
    return q.orderBy('pt.family_name').orderBy('pt.given_name').limit(500).execute();
  },

  /**
   * What engagement is read from, for a set of patients: their active episode with its program
   * rule, attendance since `since`, minutes still scheduled this week and not yet recorded, open
   * safety alerts, and the latest two totals of each listed instrument since `scoresSince`.
   */
  async engagementFacts(
    db: Db,
    organizationId: string,
    patientIds: readonly string[],
    window: {
      since: Date;
      weekFrom: Date;
      weekTo: Date;
      now: Date;
      scoresSince: Date;
      instruments: readonly string[];
    },
  ) {
    if (patientIds.length === 0) return { episodes: [], history: [], remaining: [], alerts: [], scores: [] };
    const ids = [...patientIds];
    const [episodes, history, remaining, alerts, scores] = await Promise.all([
      db
        .selectFrom('episodes as e')
        .innerJoin('programs as p', (j) =>
          j.onRef('p.organization_id', '=', 'e.organization_id').onRef('p.id', '=', 'e.program_id'),
        )
        .select(['e.patient_id', 'e.engagement_risk', 'e.stepping_down_since', 'p.intensity'])
        .where('e.organization_id', '=', organizationId)
        .where('e.status', '=', 'active')
        .where('e.patient_id', 'in', ids)
        .execute(),
      db
        .selectFrom('attendance')
        .select(['patient_id', 'starts_at', 'status', 'minutes'])
        .where('organization_id', '=', organizationId)
        .where('patient_id', 'in', ids)
        .where('starts_at', '>=', window.since)
        .where('starts_at', '<', window.weekTo)
        .orderBy('starts_at')
        .execute(),
      db
        .selectFrom('sessions as s')
        .innerJoin('session_participants as sp', (j) =>
          j.onRef('sp.organization_id', '=', 's.organization_id').onRef('sp.session_id', '=', 's.id'),
        )
        .select([
          'sp.patient_id',
          sql<string>`sum(extract(epoch from (s.ends_at - s.starts_at)) / 60)`.as('minutes'),
        ])
        .where('s.organization_id', '=', organizationId)
        .where('sp.patient_id', 'in', ids)
        .where('s.status', '=', 'scheduled')
        // Bounded on both sides so the week's sessions are read by time, not every session a
        // long-stay patient ever had.
        .where('s.starts_at', '>=', window.weekFrom)
        .where('s.starts_at', '<', window.weekTo)
        .where('s.ends_at', '>', window.now)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('attendance as a')
                .select('a.session_id')
                .whereRef('a.organization_id', '=', 's.organization_id')
                .whereRef('a.session_id', '=', 's.id')
                .whereRef('a.patient_id', '=', 'sp.patient_id'),
            ),
          ),
        )
        .groupBy('sp.patient_id')
        .execute(),
      db
        .selectFrom('safety_alerts')
        .select('patient_id')
        .distinct()
        .where('organization_id', '=', organizationId)
        .where('status', '=', 'open')
        .where('patient_id', 'in', ids)
        .execute(),
      window.instruments.length === 0
        ? Promise.resolve([])
        : db
            .selectFrom((eb) =>
              eb
                .selectFrom('administrations')
                .select([
                  'patient_id',
                  'instrument_id',
                  'total',
                  'administered_at',
                  sql<number>`row_number() over (partition by patient_id, instrument_id order by administered_at desc)`.as(
                    'n',
                  ),
                ])
                .where('organization_id', '=', organizationId)
                .where('patient_id', 'in', ids)
                .where('instrument_id', 'in', [...window.instruments])
                .where('total', 'is not', null)
                .where('administered_at', '>=', window.scoresSince)
                .as('latest'),
            )
            .selectAll()
            .where('n', '<=', 2)
            .execute(),
    ]);
    return { episodes, history, remaining, alerts, scores };
  },

  /** The patient's active (else latest) episode with its program's rule and clinic zone. */
  episodeForHours(db: Db, organizationId: string, patientId: string) {
    return db
      .selectFrom('episodes as e')
      .innerJoin('programs as p', (j) =>
        j.onRef('p.organization_id', '=', 'e.organization_id').onRef('p.id', '=', 'e.program_id'),
      )
      .innerJoin('locations as l', (j) =>
        j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'),
      )
      .select(['e.id', 'e.status', 'e.program_id', 'e.stepping_down_since', 'p.intensity', 'l.time_zone'])
      .where('e.organization_id', '=', organizationId)
      .where('e.patient_id', '=', patientId)
      .orderBy('e.status')
      .orderBy('e.admitted_on', 'desc')
      .executeTakeFirst();
  },

  attendedBetween(db: Db, organizationId: string, patientId: string, from: Date, to: Date) {
    return db
      .selectFrom('attendance')
      .select(['starts_at', 'minutes'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('starts_at', '>=', from)
      .where('starts_at', '<', to)
      .execute();
  },

  /** The patient's scheduled sessions in [from, to) with no attendance yet that have not ended. */
  unrecordedBetween(db: Db, organizationId: string, patientId: string, from: Date, to: Date, now: Date) {
    return db
      .selectFrom('sessions as s')
      .innerJoin('session_participants as sp', (j) =>
        j.onRef('sp.organization_id', '=', 's.organization_id').onRef('sp.session_id', '=', 's.id'),
      )
      .leftJoin('attendance as a', (j) =>
        j
          .onRef('a.organization_id', '=', 'sp.organization_id')
          .onRef('a.session_id', '=', 'sp.session_id')
          .onRef('a.patient_id', '=', 'sp.patient_id'),
      )
      .select(['s.id', 's.title', 's.origin', 's.starts_at', 's.ends_at'])
      .where('s.organization_id', '=', organizationId)
      .where('sp.patient_id', '=', patientId)
      .where('s.status', '=', 'scheduled')
      .where('a.session_id', 'is', null)
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .where('s.ends_at', '>', now)
      .execute();
  },

  /** Make-up groups of the program in [from, to) that have not started and the patient is not in. */
  makeUpsBetween(db: Db, organizationId: string, programId: string, patientId: string, from: Date, to: Date) {
    return db
      .selectFrom('sessions as s')
      .select(['s.id', 's.title', 's.origin', 's.starts_at', 's.ends_at'])
      .where('s.organization_id', '=', organizationId)
      .where('s.program_id', '=', programId)
      .where('s.origin', '=', 'make_up')
      .where('s.status', '=', 'scheduled')
      .where('s.starts_at', '>=', from)
      .where('s.starts_at', '<', to)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('session_participants as sp')
              .select('sp.patient_id')
              .whereRef('sp.organization_id', '=', 's.organization_id')
              .whereRef('sp.session_id', '=', 's.id')
              .where('sp.patient_id', '=', patientId),
          ),
        ),
      )
      .execute();
  },

  primaryTherapistOf(db: Db, organizationId: string, episodeId: string) {
    return db
      .selectFrom('episodes')
      .select('primary_therapist_id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', episodeId)
      .executeTakeFirst();
  },

  /** The patient's latest recorded attendance, oldest first. */
  async recent(db: Db, organizationId: string, patientId: string, limit: number) {
    const rows = await db
      .selectFrom('attendance')
      .select(['starts_at', 'status'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('starts_at', 'desc')
      .limit(limit)
      .execute();
    return rows.reverse();
  },

  setEngagementRisk(db: Db, organizationId: string, episodeId: string, atRisk: boolean) {
    return db
      .updateTable('episodes')
      .set({ engagement_risk: atRisk })
      .where('organization_id', '=', organizationId)
      .where('id', '=', episodeId)
      .where('engagement_risk', '!=', atRisk)
      .execute();
  },

  insertChange(
    db: Db,
    v: {
      organizationId: string;
      sessionId: string;
      patientId: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown>;
      reason: string | null;
      by: string;
    },
  ) {
    return db
      .insertInto('attendance_changes')
      .values({
        organization_id: v.organizationId,
        session_id: v.sessionId,
        patient_id: v.patientId,
        before: v.before ? JSON.stringify(v.before) : null,
        after: JSON.stringify(v.after),
        reason: v.reason,
        changed_by: v.by,
      })
      .execute();
  },
};

export type AttendanceRow = Awaited<ReturnType<typeof attendanceRepo.forSession>>[number];
