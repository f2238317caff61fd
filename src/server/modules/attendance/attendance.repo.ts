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
