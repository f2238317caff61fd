import type { Kysely } from 'kysely';
import type {
  CaseloadDto,
  EngagementDto,
  RecordAttendanceBody,
  RollCallDto,
  TodayDto,
  WeeklyHoursDto,
} from '../../../contracts/attendance.js';
import { DEFAULT_STEP_DOWN, stepDownExcuses } from '../../../domain/attendance/step-down.js';
import { attendedOutsideLimits, forecastWeek, weeklyHours } from '../../../domain/attendance/weekly-hours.js';
import { weekOf } from '../../../domain/hours/intensity.js';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { consecutiveUnexcused } from '../../../domain/attendance/engagement.js';
import {
  minutesAttended,
  type AttendanceMark,
  type AttendanceStatus,
} from '../../../domain/attendance/minutes.js';
import {
  INTAKE_ROLES,
  LICENSED_ROLES,
  PATIENT_RECORD_ROLES,
  type Role,
} from '../../../domain/identity/roles.js';
import {
  addDays,
  clinicDateTime,
  endOfClinicDay,
  startOfClinicDay,
} from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { organizationsRepo } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';
import type { SafetyService } from '../safety/index.js';
import type { SessionsService } from '../scheduling/index.js';
import { attendanceRepo, type AttendanceRow, type AttendanceValues } from './attendance.repo.js';
import type { AuthorizationReader } from './authorizations.js';
import { engagementOf } from './engagement.js';
import { latestWithChange } from '../outcomes/index.js';
import type { LatestScoreDto } from '../../../contracts/outcomes.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

/** Who takes roll call: the clinical staff running sessions. The front desk checks people in. */
const ROLL_CALL_ROLES: Role[] = ['program_director', 'clinician', 'prescriber'];
const CHECK_IN_ROLES: Role[] = [...ROLL_CALL_ROLES, 'front_desk'];
/** Arriving this many minutes after the start still counts as on time at check-in [D]. */
const CHECK_IN_GRACE_MINUTES = 5;

const snapshot = (v: AttendanceValues) => ({
  status: v.status,
  lateMinutes: v.late_minutes,
  leftEarlyMinutes: v.left_early_minutes,
  telehealth: v.telehealth,
  absenceReason: v.absence_reason,
  minutes: v.minutes,
});

const sameMark = (a: AttendanceValues, b: AttendanceValues) =>
  JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b));

const sessionSpan = (s: SessionDto) => ({ startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt) });

/** Roll call, front-desk check-in and the attendance ledger they write. */
export function createAttendanceService({
  db,
  audit,
  clock,
  schedule,
  safety,
  patients,
  authorizations,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  schedule: SessionsService;
  safety: SafetyService;
  patients: PatientsService;
  /** The payer authorization covering a week (the insurance module's reader). */
  authorizations: AuthorizationReader;
}) {
  /**
   * What an absence or an attendance sets off: a newly unexcused absence opens an outreach task;
   * two unexcused absences in a row mark the episode at engagement risk, and attending clears it.
   */
  async function followUp(
    trx: Db,
    actor: OrgActor,
    session: SessionDto,
    patientId: string,
    becameUnexcused: boolean,
  ) {
    const episodeId = (await attendanceRepo.episodesOf(trx, actor.organizationId, session.id)).get(patientId);
    if (becameUnexcused)
      await safety.openOutreach(trx, actor, {
        patientId,
        sessionId: session.id,
        therapistId: episodeId
          ? ((await attendanceRepo.primaryTherapistOf(trx, actor.organizationId, episodeId))
              ?.primary_therapist_id ?? null)
          : null,
        missed: `${session.title} on ${session.localDate} at ${session.start}`,
        dueAt: endOfClinicDay(session.localDate, session.timeZone),
      });
    if (!episodeId) return;
    const history = (await attendanceRepo.recent(trx, actor.organizationId, patientId, 2)).map((r) => ({
      date: clinicDateTime(r.starts_at, session.timeZone).date,
      status: r.status as AttendanceStatus,
    }));
    await attendanceRepo.setEngagementRisk(
      trx,
      actor.organizationId,
      episodeId,
      consecutiveUnexcused(history) >= 2,
    );
  }

  function toRollCall(session: SessionDto, rows: readonly AttendanceRow[]): RollCallDto {
    const span = sessionSpan(session);
    return {
      session,
      sessionMinutes: Math.floor((span.endsAt.getTime() - span.startsAt.getTime()) / 60_000),
      changesNeedReason: clock.now() >= endOfClinicDay(session.localDate, session.timeZone),
      members: session.participants.map((p) => {
        const row = rows.find((r) => r.patient_id === p.patientId);
        return {
          patientId: p.patientId,
          name: p.name,
          mrn: p.mrn,
          attendance: row
            ? {
                ...snapshot(row),
                status: row.status as AttendanceStatus,
                checkedInAt: row.checked_in_at?.toISOString() ?? null,
                recordedAt: row.recorded_at.toISOString(),
                locked: row.locked_at !== null,
              }
            : null,
        };
      }),
    };
  }

  /** The session, refused when attendance cannot be taken for it yet (or any more). */
  async function openSession(trx: Db, actor: OrgActor, sessionId: string) {
    const session = await schedule.read(trx, actor, sessionId);
    if (session.status !== 'scheduled') throw conflict('The session was cancelled.', 'sessionId');
    if (clock.now() < startOfClinicDay(session.localDate, session.timeZone))
      throw conflict('Attendance is taken on the day of the session.', 'sessionId');
    return session;
  }

  async function write(
    trx: Db,
    actor: OrgActor,
    session: SessionDto,
    patientId: string,
    next: AttendanceValues & { checked_in_at?: Date },
    current: AttendanceRow | undefined,
    reason: string | null,
  ) {
    if (current?.locked_at)
      throw conflict('A claim has used this attendance; it can no longer change.', 'marks');
    if (current && sameMark(current, next) && !next.checked_in_at) return false;
    const episodes = await attendanceRepo.episodesOf(trx, actor.organizationId, session.id);
    await attendanceRepo.upsert(
      trx,
      {
        organizationId: actor.organizationId,
        sessionId: session.id,
        patientId,
        episodeId: episodes.get(patientId) ?? null,
        startsAt: new Date(session.startsAt),
      },
      next,
      actor.userId,
    );
    await attendanceRepo.insertChange(trx, {
      organizationId: actor.organizationId,
      sessionId: session.id,
      patientId,
      before: current ? snapshot(current) : null,
      after: snapshot(next),
      reason,
      by: actor.userId,
    });
    return true;
  }

  const zoneOf = async (actor: OrgActor) =>
    (await organizationsRepo.getOrganization(db, actor.organizationId)).time_zone;

  /** Active episodes of the therapist's own patients (all of them, for a director). */
  const caseloadOf = (actor: OrgActor) =>
    attendanceRepo.caseload(
      db,
      actor.organizationId,
      actor.roles.includes('program_director') ? null : actor.userId,
    );

  /** Caseload rows with each patient's engagement (read in one batch with any other patients). */
  const withEngagement = (
    rows: Awaited<ReturnType<typeof caseloadOf>>,
    engagement: Awaited<ReturnType<typeof engagementOf>>,
  ) =>
    rows.map((r) => ({
      episodeId: r.id,
      patientId: r.patient_id,
      name: `${r.preferred_name ?? r.given_name} ${r.family_name}`,
      mrn: r.mrn,
      track: r.track_name,
      ...engagement.get(r.patient_id)!,
    }));

  return {
    /**
     * A patient's attended hours in one clinic-local week against the program minimum, with the
     * step-down allowance and, for the current week, what is still needed by Sunday.
     */
    async weeklyHours(actor: OrgActor, patientId: string, week?: string): Promise<WeeklyHoursDto> {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      await patients.assertExists(db, actor, patientId);
      const episode = await attendanceRepo.episodeForHours(db, actor.organizationId, patientId);
      if (!episode) throw notFound('episode of care');
      const now = clock.now();
      const today = clinicDateTime(now, episode.time_zone).date;
      const { monday } = weekOf(week ?? today);
      const from = startOfClinicDay(monday, episode.time_zone);
      const to = endOfClinicDay(addDays(monday, 6), episode.time_zone);
      const attended = (
        await attendanceRepo.attendedBetween(db, actor.organizationId, patientId, from, to)
      ).map((a) => ({ startsAt: a.starts_at, minutes: a.minutes }));
      const hours = weeklyHours(attended, episode.intensity, episode.time_zone, monday);
      const upcoming = (
        rows: { id: string; title: string; origin: string; starts_at: Date; ends_at: Date }[],
      ) =>
        rows.map((r) => ({
          sessionId: r.id,
          title: r.title,
          startsAt: r.starts_at,
          endsAt: r.ends_at,
          makeUp: r.origin === 'make_up',
        }));
      const current = monday === weekOf(today).monday;
      const authorization = await authorizations(db, actor.organizationId, patientId, weekOf(monday));
      const forecast = current
        ? forecastWeek({
            attended,
            scheduled: upcoming(
              await attendanceRepo.unrecordedBetween(db, actor.organizationId, patientId, from, to, now),
            ),
            makeUps: upcoming(
              await attendanceRepo.makeUpsBetween(
                db,
                actor.organizationId,
                episode.program_id,
                patientId,
                now,
                to,
              ),
            ),
            rule: episode.intensity,
            timeZone: episode.time_zone,
            now,
          })
        : null;
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'WeeklyHours',
        patientId,
        details: { weekOf: monday },
      });
      return {
        timeZone: episode.time_zone,
        weekOf: monday,
        attendedHours: hours.attendedHours,
        daysAttended: hours.daysAttended,
        minimumHours: hours.minimumHours,
        remainingHours: hours.remainingHours,
        met: hours.met,
        stepDownExcused:
          !hours.met &&
          stepDownExcuses({
            steppingDownSince: episode.stepping_down_since,
            monday,
            policy: DEFAULT_STEP_DOWN,
          }),
        outsideLimits: attendedOutsideLimits(
          attended,
          episode.intensity,
          episode.time_zone,
          monday,
          monday < weekOf(today).monday,
        ),
        authorization: authorization && {
          ...authorization,
          exceeded: authorization.hoursPerWeek !== null && hours.attendedHours > authorization.hoursPerWeek,
        },
        forecast,
      };
    },

    /**
     * Today's caseload: a therapist's own active patients (all of them for a director) with this
     * week's hours, whether they are behind, attendance rate, dropout risk, engagement risk and
     * open safety alerts.
     */
    async caseload(actor: OrgActor): Promise<CaseloadDto> {
      requireRole(actor, ...LICENSED_ROLES);
      const timeZone = await zoneOf(actor);
      const rows = await caseloadOf(actor);
      const items = withEngagement(
        rows,
        await engagementOf(
          db,
          actor.organizationId,
          rows.map((r) => r.patient_id),
          { now: clock.now(), timeZone },
        ),
      );
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Caseload',
        details: { count: items.length, patientIds: items.map((i) => i.patientId) },
      });
      return { weekOf: weekOf(clinicDateTime(clock.now(), timeZone).date).monday, items };
    },

    /** The patient's engagement now: hours this week, attendance rate and dropout risk. */
    async engagement(actor: OrgActor, patientId: string): Promise<EngagementDto> {
      // Clinical staff only: the risk reads scores, which the front desk has no need to see.
      requireRole(actor, ...INTAKE_ROLES);
      await patients.assertExists(db, actor, patientId);
      const timeZone = await zoneOf(actor);
      const engagement = (
        await engagementOf(db, actor.organizationId, [patientId], { now: clock.now(), timeZone })
      ).get(patientId)!;
      await audit.record(db, actor, { action: 'read', resourceType: 'Engagement', patientId });
      return engagement;
    },

    /**
     * The clinician's day: their sessions today with each member's attendance so far and
     * engagement, and their caseload (licensed staff). One read for the Today page.
     */
    async today(actor: OrgActor): Promise<TodayDto> {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      const timeZone = await zoneOf(actor);
      const now = clock.now();
      const date = clinicDateTime(now, timeZone).date;
      // Audited below with everything else Today shows.
      const sessions = await schedule.clinicianDay(db, actor, actor.userId, date);
      const sessionIds = sessions.map((s) => s.id);
      const [marks, rows] = await Promise.all([
        attendanceRepo.forSessions(db, actor.organizationId, sessionIds),
        LICENSED_ROLES.some((r) => actor.roles.includes(r)) ? caseloadOf(actor) : [],
      ]);
      const memberIds = sessions.flatMap((s) => s.participants.map((p) => p.patientId));
      const patientIds = [...new Set([...memberIds, ...rows.map((r) => r.patient_id)])];
      // The audit event is written while engagement is read: both need only the ids.
      const clinical = INTAKE_ROLES.some((r) => actor.roles.includes(r));
      const [engagement, scores] = await Promise.all([
        engagementOf(db, actor.organizationId, patientIds, { now, timeZone }),
        // Scores are clinical information: the front desk's roster shows none.
        clinical
          ? latestWithChange(db, actor.organizationId, memberIds)
          : new Map<string, LatestScoreDto[]>(),
        audit.record(db, actor, {
          action: 'read',
          resourceType: 'Today',
          details: { sessionIds, patientIds },
        }),
      ]);
      const caseload = withEngagement(rows, engagement);
      return {
        date,
        timeZone,
        weekOf: weekOf(date).monday,
        caseload,
        sessions: sessions.map((session) => {
          const rows = marks.filter((m) => m.session_id === session.id);
          return {
            session,
            recorded: rows.length,
            members: session.participants.map((p) => {
              const row = rows.find((r) => r.patient_id === p.patientId);
              const e = engagement.get(p.patientId)!;
              return {
                patientId: p.patientId,
                name: p.name,
                mrn: p.mrn,
                status: (row?.status as AttendanceStatus | undefined) ?? null,
                minutes: row?.minutes ?? null,
                engagementRisk: e.engagementRisk,
                openSafetyAlert: e.openSafetyAlert,
                dropoutRisk: e.dropoutRisk,
                scores: scores.get(p.patientId) ?? [],
              };
            }),
          };
        }),
      };
    },

    async rollCall(actor: OrgActor, sessionId: string): Promise<RollCallDto> {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      const session = await schedule.read(db, actor, sessionId);
      return toRollCall(session, await attendanceRepo.forSession(db, actor.organizationId, sessionId));
    },

    /** Saves roll-call marks; after the session's day each change needs a reason. Audited. */
    record: (actor: OrgActor, sessionId: string, body: RecordAttendanceBody) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...ROLL_CALL_ROLES);
        const session = await openSession(trx, actor, sessionId);
        const late = clock.now() >= endOfClinicDay(session.localDate, session.timeZone);
        const reason = body.changeReason?.trim() ?? null;
        const members = new Set(session.participants.map((p) => p.patientId));
        const rows = await attendanceRepo.forSession(trx, actor.organizationId, sessionId, {
          forUpdate: true,
        });
        const seen = new Set<string>();
        const changed: string[] = [];
        for (const [i, mark] of body.marks.entries()) {
          if (!members.has(mark.patientId))
            throw invalid(`marks.${i}.patientId`, 'That patient is not a member of this session.');
          if (seen.has(mark.patientId)) throw invalid(`marks.${i}.patientId`, 'Each member is marked once.');
          seen.add(mark.patientId);
          const absent = mark.status === 'absent_excused' || mark.status === 'absent_unexcused';
          if (mark.status === 'absent_excused' && !mark.absenceReason?.trim())
            throw invalid(`marks.${i}.absenceReason`, 'Give the reason the absence is excused.');
          let minutes: number;
          try {
            minutes = minutesAttended(sessionSpan(session), mark);
          } catch (err) {
            throw invalid(`marks.${i}`, err instanceof Error ? err.message : 'Invalid attendance.');
          }
          const next: AttendanceValues = {
            status: mark.status,
            late_minutes: mark.lateMinutes ?? 0,
            left_early_minutes: mark.leftEarlyMinutes ?? 0,
            telehealth: mark.telehealth,
            absence_reason: absent ? (mark.absenceReason?.trim() ?? null) : null,
            minutes,
          };
          const current = rows.find((r) => r.patient_id === mark.patientId);
          if (late && !reason && !(current && sameMark(current, next)))
            throw invalid('changeReason', 'Give the reason for changing attendance after the session’s day.');
          if (await write(trx, actor, session, mark.patientId, next, current, late ? reason : null)) {
            changed.push(mark.patientId);
            const becameUnexcused =
              next.status === 'absent_unexcused' && current?.status !== 'absent_unexcused';
            await followUp(trx, actor, session, mark.patientId, becameUnexcused);
          }
        }
        if (changed.length > 0)
          await audit.record(trx, actor, {
            action: 'update',
            resourceType: 'Attendance',
            resourceId: sessionId,
            patientId: changed.length === 1 ? changed[0] : null,
            details: { count: changed.length, patientIds: changed, afterTheDay: late },
          });
        return toRollCall(session, await attendanceRepo.forSession(trx, actor.organizationId, sessionId));
      }),

    /** Front-desk arrival: present, or late by the minutes past the start (after a short grace). */
    checkIn: (actor: OrgActor, sessionId: string, patientId: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...CHECK_IN_ROLES);
        const session = await openSession(trx, actor, sessionId);
        if (!session.participants.some((p) => p.patientId === patientId))
          throw invalid('patientId', 'That patient is not a member of this session.');
        const now = clock.now();
        const span = sessionSpan(session);
        if (now >= span.endsAt)
          throw conflict('The session has ended; record attendance in roll call.', 'sessionId');
        const rows = await attendanceRepo.forSession(trx, actor.organizationId, sessionId, {
          forUpdate: true,
        });
        const current = rows.find((r) => r.patient_id === patientId);
        if (current?.checked_in_at) throw conflict('Already checked in.', 'patientId');
        const lateBy = Math.floor((now.getTime() - span.startsAt.getTime()) / 60_000);
        const lateMinutes = lateBy > CHECK_IN_GRACE_MINUTES ? lateBy : 0;
        const mark: AttendanceMark =
          lateMinutes > 0 ? { status: 'late', lateMinutes } : { status: 'present' };
        await write(
          trx,
          actor,
          session,
          patientId,
          {
            status: mark.status,
            late_minutes: lateMinutes,
            left_early_minutes: 0,
            telehealth: false,
            absence_reason: null,
            minutes: minutesAttended(span, mark),
            checked_in_at: now,
          },
          current,
          null,
        );
        await followUp(trx, actor, session, patientId, false);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Attendance',
          resourceId: sessionId,
          patientId,
          details: { change: 'check-in' },
        });
        return toRollCall(session, await attendanceRepo.forSession(trx, actor.organizationId, sessionId));
      }),
  };
}

export type AttendanceService = ReturnType<typeof createAttendanceService>;
