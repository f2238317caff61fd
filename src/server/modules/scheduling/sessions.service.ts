import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CalendarQuery,
  CreateAppointmentBody,
  CreateClosureBody,
  CreateGroupSessionBody,
  MoveSessionBody,
  SessionDto,
} from '../../../contracts/scheduling.js';
import { PATIENT_RECORD_ROLES, PROGRAM_SETUP_ROLES, type Role } from '../../../domain/identity/roles.js';
import type { BookingCandidate } from '../../../domain/schedule/conflicts.js';
import { WEEKDAYS } from '../../../domain/schedule/recurrence.js';
import { clinicDateTime } from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { conflict, invalid } from '../../platform/errors.js';
import { organizationsRepo } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';
import { APPOINTMENT_TITLES, insertAppointments, lastDateOf, planAppointments } from './appointments.js';
import { assertNoConflicts, assertOpen, clinicSpan } from './booking.js';
import { episodesRepo } from './episodes.repo.js';
import { enforceForPatients } from './intensity-check.js';
import { cancelWithNotice } from './programs.service.js';
import { programsRepo } from './programs.repo.js';
import { sessionDtos } from './sessions.dto.js';
import { placesRepo, sessionsRepo, type SessionRow } from './sessions.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

/** Who books and changes sessions: clinical staff and the front desk. */
const SCHEDULING_ROLES: Role[] = ['program_director', 'clinician', 'prescriber', 'intake', 'front_desk'];

/** The weekday of a clinic-local date. */
const weekdayOf = (date: string) => WEEKDAYS[(new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7]!;

/** The schedule: calendars, group sessions, appointments, moves, cancellations and closures. */
export function createSessionsService({
  db,
  audit,
  clock,
  patients,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
}) {
  async function readSessions(tx: Db, actor: OrgActor, rows: readonly SessionRow[], resourceId?: string) {
    const dtos = await sessionDtos(tx, actor.organizationId, rows);
    const patientIds = [...new Set(dtos.flatMap((d) => d.participants.map((p) => p.patientId)))];
    if (patientIds.length > 0)
      await audit.record(tx, actor, {
        action: 'read',
        resourceType: 'Session',
        resourceId: resourceId ?? null,
        patientId: patientIds.length === 1 ? patientIds[0] : null,
        details: { count: dtos.length, patientIds },
      });
    return dtos;
  }

  const one = async (tx: Db, actor: OrgActor, id: string) =>
    (await readSessions(tx, actor, [await sessionsRepo.get(tx, actor.organizationId, id)], id))[0]!;

  async function roomFor(tx: Db, actor: OrgActor, roomId: string | null | undefined, locationId: string) {
    if (!roomId) return null;
    const room = await placesRepo.room(tx, actor.organizationId, roomId);
    if (room.location_id !== locationId) throw invalid('roomId', 'Choose a room at the session’s location.');
    return room;
  }

  return {
    /** One session with its staff and participants, in the caller's transaction (for other modules). */
    read: one,

    /**
     * A clinician's scheduled sessions on one clinic-local date, for a caller that audits the read
     * itself together with what else it shows (Today).
     */
    async clinicianDay(tx: Db, actor: OrgActor, userId: string, date: string) {
      const rows = await sessionsRepo.calendar(tx, actor.organizationId, {
        scope: 'clinician',
        id: userId,
        from: date,
        to: date,
        includeCancelled: false,
      });
      return sessionDtos(tx, actor.organizationId, rows);
    },

    async calendar(actor: OrgActor, q: z.infer<typeof CalendarQuery>) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      const rows = await sessionsRepo.calendar(db, actor.organizationId, {
        ...q,
        includeCancelled: q.includeCancelled !== 'false',
      });
      const timeZone =
        rows[0]?.time_zone ?? (await organizationsRepo.getOrganization(db, actor.organizationId)).time_zone;
      if (q.scope === 'patient') await patients.assertExists(db, actor, q.id);
      return { timeZone, from: q.from, to: q.to, sessions: await readSessions(db, actor, rows) };
    },

    get(actor: OrgActor, id: string): Promise<SessionDto> {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      return one(db, actor, id);
    },

    /** A one-off or make-up group session on a track, seated with the track's members if asked. */
    createGroup: (actor: OrgActor, body: z.infer<typeof CreateGroupSessionBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...SCHEDULING_ROLES);
        await sessionsRepo.lockSchedule(trx, actor.organizationId);
        const track = await programsRepo.getTrack(trx, actor.organizationId, body.trackId);
        const room = await roomFor(trx, actor, body.roomId, track.location_id);
        await assertOpen(trx, actor.organizationId, track.location_id, body.date);
        const { startsAt, endsAt } = clinicSpan(body.date, body.start, body.end, track.time_zone);
        const members = body.addTrackMembers
          ? (await episodesRepo.trackMembers(trx, actor.organizationId, body.trackId)).filter(
              (m) => m.admitted_on <= body.date,
            )
          : [];
        for (const id of body.patientIds) await patients.assertExists(trx, actor, id);
        const patientIds = [...new Set([...members.map((m) => m.patient_id), ...body.patientIds])];
        const staff = [
          { userId: body.facilitatorId, role: 'lead' as const },
          ...(body.coFacilitatorId ? [{ userId: body.coFacilitatorId, role: 'co' as const }] : []),
        ];
        await assertNoConflicts(trx, actor.organizationId, [
          {
            kind: 'group',
            startsAt,
            endsAt,
            timeZone: track.time_zone,
            roomId: room?.id ?? null,
            roomName: room?.name ?? null,
            roomCapacity: room?.capacity ?? null,
            maxSize: body.maxSize,
            staff,
            patientIds,
          },
        ]);
        const [session] = await sessionsRepo.insertSessions(trx, [
          {
            organization_id: actor.organizationId,
            kind: 'group',
            origin: body.origin,
            title: body.title,
            group_kind: body.groupKind,
            location_id: track.location_id,
            program_id: track.program_id,
            track_id: track.id,
            room_id: room?.id ?? null,
            telehealth_url: body.telehealthUrl ?? null,
            starts_at: startsAt,
            ends_at: endsAt,
            local_date: body.date,
            max_size: body.maxSize,
            created_by: actor.userId,
          },
        ]);
        const id = session!.id;
        await sessionsRepo.insertStaff(
          trx,
          actor.organizationId,
          staff.map((s) => ({ sessionId: id, ...s })),
        );
        const episodes = await episodesRepo.activeOfPatients(trx, actor.organizationId, patientIds);
        await sessionsRepo.insertParticipants(
          trx,
          actor.organizationId,
          patientIds.map((patientId) => ({
            sessionId: id,
            patientId,
            episodeId: episodes.find((e) => e.patient_id === patientId)?.id ?? null,
          })),
        );
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'Session',
          resourceId: id,
          details: { kind: 'group', origin: body.origin, patientIds },
        });
        return one(trx, actor, id);
      }),

    /** Books an appointment, or a weekly series of them in one action. */
    book: (actor: OrgActor, body: CreateAppointmentBody) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...SCHEDULING_ROLES);
        await sessionsRepo.lockSchedule(trx, actor.organizationId);
        await patients.assertExists(trx, actor, body.patientId);
        const location = await organizationsRepo.getLocation(trx, actor.organizationId, body.locationId);
        const room = await roomFor(trx, actor, body.roomId, location.id);
        const [episode] = await episodesRepo.activeOfPatients(trx, actor.organizationId, [body.patientId]);
        const plan = await planAppointments(
          trx,
          actor.organizationId,
          {
            kind: body.kind,
            patientId: body.patientId,
            episodeId: episode?.id ?? null,
            programId: episode?.program_id ?? null,
            clinicianId: body.clinicianId,
            location,
            room,
            telehealthUrl: body.telehealthUrl ?? null,
            weekday: weekdayOf(body.date),
            start: body.start,
            durationMinutes: body.durationMinutes,
            from: body.date,
            to: lastDateOf(body.date, body.repeatWeeks),
            everyWeeks: 1,
          },
          'durationMinutes',
        );
        const { occurrences } = plan;
        if (occurrences.length === 0) throw invalid('date', 'The clinic is closed on that date.');
        await assertNoConflicts(trx, actor.organizationId, plan.candidates);
        const ids = await insertAppointments(trx, actor, plan);
        await enforceForPatients(
          trx,
          actor,
          [body.patientId],
          occurrences.map((o) => o.startsAt),
          `booked ${APPOINTMENT_TITLES[body.kind].toLowerCase()}`,
          body.intensityOverrideReason,
        );
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'Session',
          resourceId: ids[0] ?? null,
          patientId: body.patientId,
          details: { kind: body.kind, count: ids.length },
        });
        return readSessions(trx, actor, await sessionsRepo.byIds(trx, actor.organizationId, ids));
      }),

    move: (actor: OrgActor, id: string, body: z.infer<typeof MoveSessionBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...SCHEDULING_ROLES);
        await sessionsRepo.lockSchedule(trx, actor.organizationId);
        const row = await sessionsRepo.get(trx, actor.organizationId, id, { forUpdate: true });
        if (row.status !== 'scheduled') throw conflict('A cancelled session cannot be moved.', 'status');
        if (row.starts_at <= clock.now())
          throw conflict('A session that has started cannot be moved.', 'date');
        const roomId = body.roomId === undefined ? row.room_id : body.roomId;
        const room = await roomFor(trx, actor, roomId, row.location_id);
        if (!room && !row.telehealth_url)
          throw invalid('roomId', 'Choose a room: this session has no telehealth link.');
        await assertOpen(trx, actor.organizationId, row.location_id, body.date);
        const { startsAt, endsAt } = clinicSpan(body.date, body.start, body.end, row.time_zone);
        if (startsAt <= clock.now()) throw invalid('date', 'Move the session to a time that is still ahead.');
        const [dto] = await sessionDtos(trx, actor.organizationId, [row]);
        const patientIds = dto!.participants.map((p) => p.patientId);
        await assertNoConflicts(trx, actor.organizationId, [
          {
            id,
            kind: row.kind as BookingCandidate['kind'],
            startsAt,
            endsAt,
            timeZone: row.time_zone,
            roomId: room?.id ?? null,
            roomName: room?.name ?? null,
            roomCapacity: room?.capacity ?? null,
            maxSize: row.max_size,
            staff: dto!.staff.map((s) => ({ userId: s.userId, role: s.role })),
            patientIds,
          },
        ]);
        await sessionsRepo.reschedule(trx, actor.organizationId, id, {
          startsAt,
          endsAt,
          localDate: body.date,
          roomId: room?.id ?? null,
          reason: body.reason,
          from: row.starts_at,
        });
        await sessionsRepo.insertNotices(
          trx,
          actor.organizationId,
          patientIds.map((patientId) => ({
            patientId,
            sessionId: id,
            kind: 'session_moved',
            message: `${row.title} on ${row.local_date} moved to ${body.date} ${body.start}–${body.end}: ${body.reason}`,
          })),
        );
        await enforceForPatients(
          trx,
          actor,
          patientIds,
          [row.starts_at, startsAt],
          `moved ${row.title}`,
          body.intensityOverrideReason,
        );
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Session',
          resourceId: id,
          patientId: patientIds.length === 1 ? patientIds[0] : null,
          details: { change: 'moved', patientIds },
        });
        return one(trx, actor, id);
      }),

    cancel: (actor: OrgActor, id: string, reason: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...SCHEDULING_ROLES);
        await sessionsRepo.lockSchedule(trx, actor.organizationId);
        const row = await sessionsRepo.get(trx, actor.organizationId, id, { forUpdate: true });
        if (row.status !== 'scheduled') throw conflict('The session is already cancelled.', 'status');
        const { patientIds } = await cancelWithNotice(trx, actor, [row], reason);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Session',
          resourceId: id,
          patientId: patientIds.length === 1 ? patientIds[0] : null,
          details: { change: 'cancelled', patientIds },
        });
        return one(trx, actor, id);
      }),

    /** Seats more patients in a session (e.g. a make-up group), subject to size and their own bookings. */
    addParticipants: (actor: OrgActor, id: string, patientIds: string[]) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...SCHEDULING_ROLES);
        await sessionsRepo.lockSchedule(trx, actor.organizationId);
        const row = await sessionsRepo.get(trx, actor.organizationId, id, { forUpdate: true });
        if (row.status !== 'scheduled') throw conflict('The session is cancelled.', 'status');
        for (const p of patientIds) await patients.assertExists(trx, actor, p);
        const [dto] = await sessionDtos(trx, actor.organizationId, [row]);
        const current = dto!.participants.map((p) => p.patientId);
        const added = [...new Set(patientIds)].filter((p) => !current.includes(p));
        if (row.kind !== 'group' && current.length + added.length > 1 && row.kind !== 'family')
          throw invalid('patientIds', 'Only group and family sessions have more than one patient.');
        await assertNoConflicts(trx, actor.organizationId, [
          {
            id,
            kind: row.kind as BookingCandidate['kind'],
            startsAt: row.starts_at,
            endsAt: row.ends_at,
            timeZone: row.time_zone,
            roomId: row.room_id,
            roomName: row.room_name,
            roomCapacity: row.room_capacity,
            maxSize: row.max_size,
            staff: dto!.staff.map((s) => ({ userId: s.userId, role: s.role })),
            patientIds: [...current, ...added],
          },
        ]);
        const episodes = await episodesRepo.activeOfPatients(trx, actor.organizationId, added);
        await sessionsRepo.insertParticipants(
          trx,
          actor.organizationId,
          added.map((patientId) => ({
            sessionId: id,
            patientId,
            episodeId: episodes.find((e) => e.patient_id === patientId)?.id ?? null,
          })),
        );
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Session',
          resourceId: id,
          patientId: added.length === 1 ? added[0] : null,
          details: { change: 'participants added', patientIds: added },
        });
        return one(trx, actor, id);
      }),

    async closures(actor: OrgActor, from?: string) {
      requireRole(actor, ...SCHEDULING_ROLES, 'admin');
      const timeZone = (await organizationsRepo.getOrganization(db, actor.organizationId)).time_zone;
      const start = from ?? clinicDateTime(clock.now(), timeZone).date;
      return (await sessionsRepo.closures(db, actor.organizationId, start)).map((c) => ({
        id: c.id,
        locationId: c.location_id,
        date: c.date,
        reason: c.reason,
        cancelledSessions: Number(c.cancelled ?? 0),
      }));
    },

    /** Closes a location for a day: that day's sessions are cancelled and members notified. */
    close: (actor: OrgActor, body: z.infer<typeof CreateClosureBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...PROGRAM_SETUP_ROLES);
        await organizationsRepo.getLocation(trx, actor.organizationId, body.locationId);
        const existing = await sessionsRepo.closedDates(
          trx,
          actor.organizationId,
          body.locationId,
          body.date,
          body.date,
        );
        if (existing.length > 0) throw conflict('That day is already closed.', 'date');
        const { id } = await sessionsRepo.insertClosure(trx, {
          organizationId: actor.organizationId,
          locationId: body.locationId,
          date: body.date,
          reason: body.reason,
          by: actor.userId,
        });
        const sessions = await sessionsRepo.byIds(
          trx,
          actor.organizationId,
          (await sessionsRepo.sessionsOnDate(trx, actor.organizationId, body.locationId, body.date)).map(
            (s) => s.id,
          ),
        );
        const cancelled = await cancelWithNotice(trx, actor, sessions, `Closed: ${body.reason}`, id);
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'Closure',
          resourceId: id,
          details: { cancelledSessions: cancelled.count, patientIds: cancelled.patientIds },
        });
        return {
          id,
          locationId: body.locationId,
          date: body.date,
          reason: body.reason,
          cancelledSessions: cancelled.count,
        };
      }),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
