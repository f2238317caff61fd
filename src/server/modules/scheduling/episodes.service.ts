import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AdmitBody,
  AppointmentPlan,
  ChangeTrackBody,
  EpisodeDto,
  EpisodeListQuery,
  IntensityDto,
} from '../../../contracts/scheduling.js';
import {
  INTAKE_ROLES,
  LICENSED_ROLES,
  PATIENT_RECORD_ROLES,
  type Role,
} from '../../../domain/identity/roles.js';
import { weekOf } from '../../../domain/hours/intensity.js';
import { ageOn } from '../../../domain/patients/age.js';
import type { BookingCandidate, Conflict } from '../../../domain/schedule/conflicts.js';
import { curriculumProgress } from '../../../domain/schedule/curriculum.js';
import { addDays, clinicDateTime } from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { conflict, invalid } from '../../platform/errors.js';
import type { IntakeService } from '../intake/index.js';
import { organizationsRepo } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';
import {
  APPOINTMENT_TITLES,
  insertAppointments,
  lastDateOf,
  planAppointments,
  type AppointmentKind,
  type PlannedAppointments,
} from './appointments.js';
import { conflictsByCandidate, scheduleConflict, staffProfiles, toConflictDto } from './booking.js';
import { episodesRepo, type EpisodeRow } from './episodes.repo.js';
import { enforceIntensity, firstFullWeek, weekIntensity } from './intensity-check.js';
import { programsRepo } from './programs.repo.js';
import { sessionDtos } from './sessions.dto.js';
import { placesRepo, sessionsRepo } from './sessions.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

const NO_CONFLICT_WITH_MEMBERSHIP = new Set(['patient_double_booked', 'group_full', 'room_over_capacity']);

/** Diagnoses are clinical content: only intake and clinical roles see them (front desk does not). */
export const toEpisodeDto = (e: EpisodeRow, viewer: { roles: readonly Role[] }): EpisodeDto => ({
  id: e.id,
  patient: {
    id: e.patient_id,
    mrn: e.mrn,
    givenName: e.given_name,
    familyName: e.family_name,
    preferredName: e.preferred_name,
    dateOfBirth: e.date_of_birth,
  },
  referralId: e.referral_id,
  program: { id: e.program_id, name: e.program_name },
  track: { id: e.track_id, name: e.track_name },
  levelOfCare: e.level_of_care as EpisodeDto['levelOfCare'],
  status: e.status as EpisodeDto['status'],
  admittedOn: e.admitted_on,
  dischargedOn: e.discharged_on,
  primaryTherapist: { id: e.primary_therapist_id, name: e.therapist_name },
  prescriber: e.prescriber_id && e.prescriber_name ? { id: e.prescriber_id, name: e.prescriber_name } : null,
  diagnoses: viewer.roles.some((r) => INTAKE_ROLES.includes(r))
    ? (e.diagnoses as EpisodeDto['diagnoses'])
    : null,
  steppingDown: e.stepping_down_since !== null,
  steppingDownSince: e.stepping_down_since,
});

/** Thrown inside a preview transaction to roll it back and carry the preview out. */
class PreviewRollback extends Error {
  constructor(readonly preview: AdmissionPreview) {
    super('admission preview');
  }
}

export interface AdmissionPreview {
  weekOf: string;
  sessions: { title: string; kind: string; date: string; start: string; end: string }[];
  intensity: IntensityDto;
  conflicts: ReturnType<typeof toConflictDto>[];
}

/** Admission into a program track (an episode of care), and the patient's schedule as an episode sees it. */
export function createEpisodesService({
  db,
  audit,
  clock,
  patients,
  intake,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  patients: PatientsService;
  intake: IntakeService;
}) {
  /** Seats the patient in the track's sessions from `from` on; returns membership conflicts. */
  async function joinTrack(
    trx: Db,
    actor: OrgActor,
    episode: { id: string; patientId: string },
    trackId: string,
    from: string,
  ) {
    const sessions = await sessionsRepo.futureTrackSessions(
      trx,
      actor.organizationId,
      trackId,
      from,
      clock.now(),
    );
    const rows = await sessionsRepo.byIds(
      trx,
      actor.organizationId,
      sessions.map((s) => s.id),
    );
    const dtos = await sessionDtos(trx, actor.organizationId, rows);
    const candidates: BookingCandidate[] = rows.map((r, i) => ({
      id: r.id,
      kind: 'group',
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      timeZone: r.time_zone,
      roomId: r.room_id,
      roomName: r.room_name,
      roomCapacity: r.room_capacity,
      maxSize: r.max_size,
      staff: dtos[i]!.staff.map((s) => ({ userId: s.userId, role: s.role })),
      patientIds: [...dtos[i]!.participants.map((p) => p.patientId), episode.patientId],
    }));
    const conflicts = (await conflictsByCandidate(trx, actor.organizationId, candidates))
      .flat()
      .filter((c) => NO_CONFLICT_WITH_MEMBERSHIP.has(c.code));
    await sessionsRepo.insertParticipants(
      trx,
      actor.organizationId,
      rows.map((r) => ({ sessionId: r.id, patientId: episode.patientId, episodeId: episode.id })),
    );
    return { conflicts, sessionIds: rows.map((r) => r.id) };
  }

  async function admitIn(trx: Db, actor: OrgActor, body: AdmitBody, preview: boolean) {
    requireRole(actor, ...INTAKE_ROLES);
    const org = actor.organizationId;
    await sessionsRepo.lockSchedule(trx, org);
    const { patientId } = await intake.lockForAdmission(trx, actor, body.referralId);
    const patient = await patients.assertExists(trx, actor, patientId);
    const program = await programsRepo.getProgram(trx, org, body.programId, { forUpdate: true });
    const track = await programsRepo.getTrack(trx, org, body.trackId);
    if (!program.active) throw invalid('programId', 'That program is not admitting.');
    if (track.program_id !== program.id || !track.active)
      throw invalid('trackId', 'Choose an active track of the chosen program.');
    const today = clinicDateTime(clock.now(), track.time_zone).date;
    if (body.admittedOn < addDays(today, -14) || body.admittedOn > addDays(today, 90))
      throw invalid(
        'admittedOn',
        'The admission date must be within two weeks before and 90 days after today.',
      );
    if (patient.date_of_birth) {
      const age = ageOn(patient.date_of_birth, body.admittedOn);
      if (age < program.min_age || (program.max_age !== null && age > program.max_age))
        throw invalid(
          'programId',
          `This program admits ages ${program.min_age}${program.max_age === null ? '+' : `–${program.max_age}`}; the patient is ${age}.`,
        );
    }
    if ((await episodesRepo.countActive(trx, org, program.id)) >= program.capacity)
      throw conflict(`The program is at capacity (${program.capacity} patients).`, 'programId');

    const staff = await staffProfiles(trx, org, [
      body.primaryTherapistId,
      ...(body.prescriberId ? [body.prescriberId] : []),
    ]);
    const therapist = staff.get(body.primaryTherapistId);
    if (
      !therapist ||
      !therapist.roles.some((r) => ['clinician', 'prescriber', 'program_director'].includes(r))
    )
      throw invalid('primaryTherapistId', 'The primary therapist must be an active clinician.');
    if (body.prescriberId && !staff.get(body.prescriberId)?.roles.includes('prescriber'))
      throw invalid(
        'prescriberId',
        'The prescriber must be an active staff member with the prescriber role.',
      );

    let episodeId: string;
    try {
      ({ id: episodeId } = await episodesRepo.insert(trx, {
        organization_id: org,
        patient_id: patientId,
        referral_id: body.referralId,
        program_id: program.id,
        track_id: track.id,
        level_of_care: program.level_of_care,
        admitted_on: body.admittedOn,
        primary_therapist_id: body.primaryTherapistId,
        prescriber_id: body.prescriberId,
        diagnoses: JSON.stringify(body.diagnoses),
        sensitivity: program.substance_use ? ['part2'] : [],
        created_by: actor.userId,
      }));
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('The patient already has an active episode of care.', 'referralId');
      throw err;
    }
    await episodesRepo.insertSpan(trx, {
      organizationId: org,
      episodeId,
      level: program.level_of_care,
      from: body.admittedOn,
      reason: 'Admission',
    });
    await intake.markAdmitted(trx, actor, body.referralId);
    const membership = await joinTrack(trx, actor, { id: episodeId, patientId }, track.id, body.admittedOn);

    const location = await organizationsRepo.getLocation(trx, org, track.location_id);
    const appointment = async (
      kind: AppointmentKind,
      plan: AppointmentPlan | null,
      field: string,
      fallback: string | null,
    ) => {
      if (!plan) return null;
      const clinicianId = plan.clinicianId ?? fallback;
      if (!clinicianId)
        throw invalid(
          `${field}.clinicianId`,
          'Choose who sees the patient (or a prescriber for the episode).',
        );
      const room = plan.roomId ? await placesRepo.room(trx, org, plan.roomId) : null;
      if (room && room.location_id !== location.id)
        throw invalid(`${field}.roomId`, 'Choose a room at the program’s location.');
      if (!room && !plan.telehealthUrl)
        throw invalid(`${field}.roomId`, 'Choose a room or give a telehealth link.');
      return planAppointments(
        trx,
        org,
        {
          kind,
          patientId,
          episodeId,
          programId: program.id,
          clinicianId,
          location,
          room,
          telehealthUrl: plan.telehealthUrl ?? null,
          weekday: plan.weekday,
          start: plan.start,
          durationMinutes: plan.durationMinutes,
          from: body.admittedOn,
          to: lastDateOf(body.admittedOn, body.weeks),
          everyWeeks: plan.everyWeeks,
          notBefore: clock.now(),
        },
        `${field}.durationMinutes`,
      );
    };
    const plans = [
      await appointment('individual', body.individual, 'individual', body.primaryTherapistId),
      await appointment(
        'medication_management',
        body.medicationManagement,
        'medicationManagement',
        body.prescriberId,
      ),
      await appointment('family', body.family, 'family', body.primaryTherapistId),
    ].filter((p): p is PlannedAppointments => p !== null);
    const conflicts: Conflict[] = [
      ...membership.conflicts,
      ...(
        await conflictsByCandidate(
          trx,
          org,
          plans.flatMap((p) => p.candidates),
        )
      ).flat(),
    ];
    if (!preview && conflicts.length > 0) throw scheduleConflict(conflicts);
    const appointmentIds: string[] = [];
    for (const plan of plans) appointmentIds.push(...(await insertAppointments(trx, actor, plan)));

    const episode = await episodesRepo.get(trx, org, episodeId);
    const monday = firstFullWeek(body.admittedOn);
    if (preview) {
      const week = await sessionsRepo.patientSessions(trx, org, patientId, monday, addDays(monday, 6));
      const rows = await sessionsRepo.byIds(
        trx,
        org,
        week.map((s) => s.id),
      );
      const dtos = await sessionDtos(trx, org, rows);
      throw new PreviewRollback({
        weekOf: monday,
        sessions: dtos.map((s) => ({
          title: s.title,
          kind: s.kind,
          date: s.localDate,
          start: s.start,
          end: s.end,
        })),
        intensity: await weekIntensity(trx, org, episode, monday),
        conflicts: conflicts.map(toConflictDto),
      });
    }
    await enforceIntensity(trx, actor, episode, {
      mondays: [monday],
      description: 'admission',
      overrideReason: body.intensityOverrideReason,
    });
    await audit.record(trx, actor, {
      action: 'create',
      resourceType: 'EpisodeOfCare',
      resourceId: episodeId,
      patientId,
      details: {
        trackSessions: membership.sessionIds.length,
        appointments: appointmentIds.length,
        kinds: plans.map((p) => APPOINTMENT_TITLES[p.input.kind]),
      },
    });
    return toEpisodeDto(episode, actor);
  }

  async function readEpisodes(tx: Db, actor: OrgActor, rows: EpisodeRow[], patientId?: string) {
    await audit.record(tx, actor, {
      action: 'read',
      resourceType: 'EpisodeOfCare',
      patientId: patientId ?? (rows.length === 1 ? rows[0]!.patient_id : null),
      details: { count: rows.length, patientIds: [...new Set(rows.map((r) => r.patient_id))] },
    });
    return rows.map((r) => toEpisodeDto(r, actor));
  }

  return {
    admit: (actor: OrgActor, body: AdmitBody) =>
      db.transaction().execute((trx) => admitIn(trx, actor, body, false)),

    /** The admission as it would be (first full week, intensity, conflicts), changing nothing. */
    async preview(actor: OrgActor, body: AdmitBody): Promise<AdmissionPreview> {
      try {
        await db.transaction().execute((trx) => admitIn(trx, actor, body, true));
      } catch (err) {
        if (err instanceof PreviewRollback) return err.preview;
        throw err;
      }
      throw new Error('admission preview did not roll back');
    },

    async list(actor: OrgActor, q: z.infer<typeof EpisodeListQuery> & { patientId?: string }) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      if (q.patientId) await patients.assertExists(db, actor, q.patientId);
      return readEpisodes(db, actor, await episodesRepo.list(db, actor.organizationId, q), q.patientId);
    },

    async get(actor: OrgActor, id: string) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      return (await readEpisodes(db, actor, [await episodesRepo.get(db, actor.organizationId, id)]))[0]!;
    },

    /** A patient's sessions in one clinic-local Monday–Sunday week, with the intensity check. */
    async week(actor: OrgActor, patientId: string, week?: string) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      await patients.assertExists(db, actor, patientId);
      const episode = await episodesRepo.latestOf(db, actor.organizationId, patientId);
      const timeZone =
        episode?.time_zone ?? (await organizationsRepo.getOrganization(db, actor.organizationId)).time_zone;
      const { monday } = weekOf(week ?? clinicDateTime(clock.now(), timeZone).date);
      const rows = await sessionsRepo.calendar(db, actor.organizationId, {
        scope: 'patient',
        id: patientId,
        from: monday,
        to: addDays(monday, 6),
        includeCancelled: true,
      });
      const sessions = await sessionDtos(db, actor.organizationId, rows);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Schedule',
        patientId,
        details: { weekOf: monday, count: sessions.length },
      });
      return {
        timeZone,
        weekOf: monday,
        episode: episode ? toEpisodeDto(episode, actor) : null,
        sessions: sessions.map((s) => ({
          ...s,
          participants: s.participants.filter((p) => p.patientId === patientId),
          participantCount: s.participantCount,
        })),
        intensity:
          episode?.status === 'active'
            ? await weekIntensity(db, actor.organizationId, episode, monday)
            : null,
      };
    },

    async curriculum(actor: OrgActor, episodeId: string) {
      requireRole(actor, ...PATIENT_RECORD_ROLES);
      const episode = await episodesRepo.get(db, actor.organizationId, episodeId);
      const modules = await programsRepo.modulesOf(db, actor.organizationId, [episode.track_id]);
      const completed = await episodesRepo.completions(db, actor.organizationId, episodeId);
      const today = clinicDateTime(clock.now(), episode.time_zone).date;
      const upcoming = (
        await sessionsRepo.patientSessions(db, actor.organizationId, episode.patient_id, today, '9999-12-31')
      ).filter((s) => s.curriculum_module_id !== null && s.starts_at >= clock.now());
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'CurriculumProgress',
        resourceId: episodeId,
        patientId: episode.patient_id,
      });
      return curriculumProgress({
        modules: modules.map((m) => ({ id: m.id, title: m.title })),
        completedModuleIds: completed.map((c) => c.module_id),
        upcoming: upcoming.map((s) => ({
          sessionId: s.id,
          date: s.local_date,
          moduleId: s.curriculum_module_id!,
        })),
      });
    },

    /** Records that these members completed the module a curriculum session covered. */
    completeModule: (actor: OrgActor, sessionId: string, patientIds: string[]) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, 'program_director', 'clinician', 'prescriber');
        const session = await sessionsRepo.get(trx, actor.organizationId, sessionId);
        if (!session.curriculum_module_id)
          throw invalid('sessionId', 'This session does not cover a curriculum module.');
        if (session.status !== 'scheduled') throw conflict('The session was cancelled.', 'sessionId');
        const seated = new Map(
          (await sessionsRepo.participantsOf(trx, actor.organizationId, [sessionId])).map((p) => [
            p.patient_id,
            p.episode_id,
          ]),
        );
        const missing = patientIds.filter((p) => !seated.get(p));
        if (missing.length > 0)
          throw invalid('patientIds', 'Each patient must be an admitted member of this session.');
        await episodesRepo.insertCompletions(
          trx,
          actor.organizationId,
          patientIds.map((p) => ({
            episodeId: seated.get(p)!,
            moduleId: session.curriculum_module_id!,
            sessionId,
            on: session.local_date,
            by: actor.userId,
          })),
        );
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'ModuleCompletion',
          resourceId: sessionId,
          details: { patientIds },
        });
        return { ok: true as const };
      }),

    /**
     * Marks the patient as stepping down (or ends it): for the program's allowance of weeks
     * (ASAM step-down allowance, clinical-facts §1.1) a week below the minimum is not flagged.
     */
    setSteppingDown: (actor: OrgActor, episodeId: string, since: string | null) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...LICENSED_ROLES);
        const episode = await episodesRepo.get(trx, actor.organizationId, episodeId, { forUpdate: true });
        if (episode.status !== 'active') throw conflict('The episode is closed.', 'status');
        if (since !== null && since < episode.admitted_on)
          throw invalid('since', `The step-down cannot begin before admission (${episode.admitted_on}).`);
        await episodesRepo.setSteppingDown(trx, actor.organizationId, episodeId, since);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'EpisodeOfCare',
          resourceId: episodeId,
          patientId: episode.patient_id,
          details: { change: since ? 'stepping down' : 'step-down ended' },
        });
        return toEpisodeDto(await episodesRepo.get(trx, actor.organizationId, episodeId), actor);
      }),

    /** Moves a member to another track of the same program from a date on. */
    changeTrack: (actor: OrgActor, episodeId: string, body: z.infer<typeof ChangeTrackBody>) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, 'program_director', 'clinician', 'prescriber');
        await sessionsRepo.lockSchedule(trx, actor.organizationId);
        const episode = await episodesRepo.get(trx, actor.organizationId, episodeId, { forUpdate: true });
        if (episode.status !== 'active') throw conflict('The episode is closed.', 'status');
        if (body.trackId === episode.track_id)
          throw invalid('trackId', 'The patient is already on that track.');
        const track = await programsRepo.getTrack(trx, actor.organizationId, body.trackId);
        if (track.program_id !== episode.program_id || !track.active)
          throw invalid('trackId', 'Choose an active track of the same program.');
        const leaving = await sessionsRepo.futureTrackSessions(
          trx,
          actor.organizationId,
          episode.track_id,
          body.from,
          clock.now(),
        );
        await sessionsRepo.removeParticipant(
          trx,
          actor.organizationId,
          episode.patient_id,
          leaving.map((s) => s.id),
        );
        await episodesRepo.setTrack(trx, actor.organizationId, episodeId, body.trackId);
        const joined = await joinTrack(
          trx,
          actor,
          { id: episodeId, patientId: episode.patient_id },
          body.trackId,
          body.from,
        );
        if (joined.conflicts.length > 0) throw scheduleConflict(joined.conflicts);
        const updated = await episodesRepo.get(trx, actor.organizationId, episodeId);
        const { monday } = weekOf(body.from);
        await enforceIntensity(trx, actor, updated, {
          mondays: [monday, addDays(monday, 7)],
          description: `changed track to ${track.name}`,
          overrideReason: body.intensityOverrideReason,
        });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'EpisodeOfCare',
          resourceId: episodeId,
          patientId: episode.patient_id,
          details: { change: 'track' },
        });
        return toEpisodeDto(updated, actor);
      }),
  };
}

export type EpisodesService = ReturnType<typeof createEpisodesService>;
