import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreateGroupBlockBody,
  CreateModuleBody,
  CreateProgramBody,
  EndGroupBlockBody,
  ProgramDto,
  StaffDto,
  UpdateProgramBody,
  UpdateStaffSchedulingBody,
} from '../../../contracts/scheduling.js';
import { isStaff, PROGRAM_SETUP_ROLES, STAFF_ROLES } from '../../../domain/identity/roles.js';
import { addDays, clinicDateTime } from '../../../domain/time/clinic-day.js';
import { systemActor, type Actor, type AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { isLicensed } from './booking.js';
import { episodesRepo } from './episodes.repo.js';
import { generateTrackSessions, HORIZON_DAYS } from './generate-sessions.js';
import { enforceForPatients } from './intensity-check.js';
import { programsRepo, type ProgramRow } from './programs.repo.js';
import { organizationsRepo } from '../organizations/index.js';
import { placesRepo, sessionsRepo } from './sessions.repo.js';
import { staffRepo } from './staff.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string };

const CLINICAL_ROLES = ['program_director', 'clinician', 'prescriber', 'intake'];

const uniqueName = async <T>(what: string, write: () => Promise<T>) => {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`A ${what} with that name already exists.`, 'name');
    throw err;
  }
};

/** Programs, their tracks, group blocks and curriculum, and staff scheduling profiles. */
export function createProgramsService({
  db,
  audit,
  clock,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
}) {
  async function programDtos(tx: Db, organizationId: string, rows: ProgramRow[]): Promise<ProgramDto[]> {
    const tracks = await programsRepo.tracksOf(
      tx,
      organizationId,
      rows.map((p) => p.id),
    );
    const trackIds = tracks.map((t) => t.id);
    const blocks = await programsRepo.blocksOf(tx, organizationId, trackIds);
    const modules = await programsRepo.modulesOf(tx, organizationId, trackIds);
    const counts = new Map(
      (await episodesRepo.activeCounts(tx, organizationId)).map((c) => [c.program_id, Number(c.n)]),
    );
    return rows.map((p) => ({
      id: p.id,
      locationId: p.location_id,
      name: p.name,
      levelOfCare: p.level_of_care as ProgramDto['levelOfCare'],
      minAge: p.min_age,
      maxAge: p.max_age,
      capacity: p.capacity,
      delivery: p.delivery as ProgramDto['delivery'],
      substanceUse: p.substance_use,
      intensity: p.intensity,
      active: p.active,
      activeEpisodes: counts.get(p.id) ?? 0,
      tracks: tracks
        .filter((t) => t.program_id === p.id)
        .map((t) => ({
          id: t.id,
          programId: p.id,
          name: t.name,
          active: t.active,
          memberCount: Number(t.member_count ?? 0),
          blocks: blocks
            .filter((b) => b.track_id === t.id)
            .map((b) => ({
              id: b.id,
              trackId: t.id,
              title: b.title,
              groupKind: b.group_kind as ProgramDto['tracks'][number]['blocks'][number]['groupKind'],
              weekdays: b.weekdays as ProgramDto['tracks'][number]['blocks'][number]['weekdays'],
              start: b.start_time.slice(0, 5),
              end: b.end_time.slice(0, 5),
              facilitator: { id: b.facilitator_id, name: b.facilitator_name },
              coFacilitator:
                b.co_facilitator_id && b.co_facilitator_name
                  ? { id: b.co_facilitator_id, name: b.co_facilitator_name }
                  : null,
              room: b.room_id && b.room_name ? { id: b.room_id, name: b.room_name } : null,
              telehealthUrl: b.telehealth_url,
              maxSize: b.max_size,
              usesCurriculum: b.uses_curriculum,
              activeFrom: b.active_from,
              activeUntil: b.active_until,
            })),
          curriculum: modules
            .filter((m) => m.track_id === t.id)
            .map((m) => ({
              id: m.id,
              position: m.position,
              title: m.title,
              kind: m.kind as 'psychoeducation' | 'skills',
              description: m.description,
            })),
        })),
    }));
  }

  async function programDto(tx: Db, organizationId: string, id: string) {
    const [dto] = await programDtos(tx, organizationId, [
      await programsRepo.getProgram(tx, organizationId, id),
    ]);
    return dto!;
  }

  const trackDto = async (tx: Db, organizationId: string, trackId: string) => {
    const track = await programsRepo.getTrack(tx, organizationId, trackId);
    return (await programDto(tx, organizationId, track.program_id)).tracks.find((t) => t.id === trackId)!;
  };

  const setup = (actor: OrgActor) => requireRole(actor, ...PROGRAM_SETUP_ROLES);
  const horizon = (timeZone: string) => addDays(clinicDateTime(clock.now(), timeZone).date, HORIZON_DAYS);

  async function staffDtos(tx: Db, organizationId: string, ids?: string[]): Promise<StaffDto[]> {
    const rows = await staffRepo.profiles(tx, organizationId, ids ? { ids } : { roles: CLINICAL_ROLES });
    const windows = await staffRepo.availabilityOf(
      tx,
      organizationId,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.display_name,
      roles: r.roles,
      credentials: r.credentials,
      supervisor:
        r.supervisor_id && r.supervisor_name ? { id: r.supervisor_id, name: r.supervisor_name } : null,
      licensed: isLicensed(r),
      availability: windows
        .filter((w) => w.user_id === r.id)
        .map((w) => ({
          weekday: w.weekday as StaffDto['availability'][number]['weekday'],
          start: w.start_time.slice(0, 5),
          end: w.end_time.slice(0, 5),
        })),
    }));
  }

  return {
    async list(actor: OrgActor) {
      if (!isStaff(actor.roles as never)) throw forbidden();
      return programDtos(db, actor.organizationId, await programsRepo.listPrograms(db, actor.organizationId));
    },

    get(actor: OrgActor, id: string) {
      if (!isStaff(actor.roles as never)) throw forbidden();
      return programDto(db, actor.organizationId, id);
    },

    create: (actor: OrgActor, body: z.infer<typeof CreateProgramBody>) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        await organizationsRepo.getLocation(trx, actor.organizationId, body.locationId);
        const { id } = await uniqueName('program', () =>
          programsRepo.insertProgram(trx, {
            organization_id: actor.organizationId,
            location_id: body.locationId,
            name: body.name,
            level_of_care: body.levelOfCare,
            min_age: body.minAge,
            max_age: body.maxAge,
            capacity: body.capacity,
            delivery: body.delivery,
            substance_use: body.substanceUse,
            intensity: JSON.stringify(body.intensity),
          }),
        );
        await audit.record(trx, actor, { action: 'create', resourceType: 'Program', resourceId: id });
        return programDto(trx, actor.organizationId, id);
      }),

    update: (actor: OrgActor, id: string, body: z.infer<typeof UpdateProgramBody>) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        const current = await programsRepo.getProgram(trx, actor.organizationId, id, { forUpdate: true });
        const minAge = body.minAge ?? current.min_age;
        const maxAge = body.maxAge === undefined ? current.max_age : body.maxAge;
        if (maxAge !== null && maxAge < minAge)
          throw invalid('maxAge', 'The oldest age is below the youngest.');
        await uniqueName('program', () =>
          programsRepo.updateProgram(trx, actor.organizationId, id, {
            name: body.name,
            level_of_care: body.levelOfCare,
            min_age: body.minAge,
            max_age: body.maxAge,
            capacity: body.capacity,
            delivery: body.delivery,
            substance_use: body.substanceUse,
            intensity: body.intensity ? JSON.stringify(body.intensity) : undefined,
            active: body.active,
          }),
        );
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Program',
          resourceId: id,
          details: { fields: Object.keys(body) },
        });
        return programDto(trx, actor.organizationId, id);
      }),

    addTrack: (actor: OrgActor, programId: string, name: string) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        await programsRepo.getProgram(trx, actor.organizationId, programId);
        const { id } = await uniqueName('track', () =>
          programsRepo.insertTrack(trx, actor.organizationId, programId, name),
        );
        await audit.record(trx, actor, { action: 'create', resourceType: 'Track', resourceId: id });
        return trackDto(trx, actor.organizationId, id);
      }),

    /** Adds a weekly group block and generates its sessions over the scheduling horizon. */
    addBlock: (actor: OrgActor, trackId: string, body: z.infer<typeof CreateGroupBlockBody>) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        const track = await programsRepo.getTrack(trx, actor.organizationId, trackId);
        if (body.roomId) {
          const room = await placesRepo.room(trx, actor.organizationId, body.roomId);
          if (room.location_id !== track.location_id)
            throw invalid('roomId', 'Choose a room at the program’s location.');
        }
        if (body.coFacilitatorId === body.facilitatorId)
          throw invalid('coFacilitatorId', 'The co-facilitator must be someone other than the facilitator.');
        const staffIds = [body.facilitatorId, ...(body.coFacilitatorId ? [body.coFacilitatorId] : [])];
        const known = await staffRepo.profiles(trx, actor.organizationId, { ids: staffIds });
        if (known.length !== staffIds.length) throw notFound('staff member');
        const { id } = await programsRepo.insertBlock(trx, {
          organization_id: actor.organizationId,
          track_id: trackId,
          title: body.title,
          group_kind: body.groupKind,
          weekdays: body.weekdays,
          start_time: body.start,
          end_time: body.end,
          facilitator_id: body.facilitatorId,
          co_facilitator_id: body.coFacilitatorId ?? null,
          room_id: body.roomId ?? null,
          telehealth_url: body.telehealthUrl ?? null,
          max_size: body.maxSize,
          uses_curriculum: body.usesCurriculum,
          active_from: body.activeFrom,
        });
        await generateTrackSessions(trx, actor, trackId, {
          through: horizon(track.time_zone),
          now: clock.now(),
          strict: true,
        });
        await audit.record(trx, actor, { action: 'create', resourceType: 'GroupBlock', resourceId: id });
        return trackDto(trx, actor.organizationId, trackId);
      }),

    /** Ends a block after `lastDate`; its later sessions are cancelled with notice to members. */
    endBlock: (actor: OrgActor, blockId: string, body: z.infer<typeof EndGroupBlockBody>) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        const block = await programsRepo.getBlock(trx, actor.organizationId, blockId);
        if (body.lastDate < block.active_from)
          throw invalid(
            'lastDate',
            `The block starts on ${block.active_from}; end it on or after that date.`,
          );
        await programsRepo.endBlock(trx, actor.organizationId, blockId, body.lastDate);
        const later = (
          await sessionsRepo.calendar(trx, actor.organizationId, {
            scope: 'track',
            id: block.track_id,
            from: addDays(body.lastDate, 1),
            to: '9999-12-31',
            includeCancelled: false,
          })
        ).filter((s) => s.group_block_id === blockId);
        const cancelled = await cancelWithNotice(trx, actor, later, body.reason);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'GroupBlock',
          resourceId: blockId,
          details: { change: 'ended', cancelledSessions: cancelled.count, patientIds: cancelled.patientIds },
        });
        return trackDto(trx, actor.organizationId, block.track_id);
      }),

    addModule: (actor: OrgActor, trackId: string, body: z.infer<typeof CreateModuleBody>) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        await programsRepo.getTrack(trx, actor.organizationId, trackId);
        await programsRepo.lockTrack(trx, actor.organizationId, trackId);
        await programsRepo.insertModule(trx, {
          organizationId: actor.organizationId,
          trackId,
          title: body.title,
          kind: body.kind,
          description: body.description ?? null,
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'CurriculumModule',
          resourceId: trackId,
        });
        return trackDto(trx, actor.organizationId, trackId);
      }),

    reorderModules: (actor: OrgActor, trackId: string, moduleIds: string[]) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        await programsRepo.getTrack(trx, actor.organizationId, trackId);
        await programsRepo.lockTrack(trx, actor.organizationId, trackId);
        const current = await programsRepo.modulesOf(trx, actor.organizationId, [trackId]);
        const same =
          moduleIds.length === current.length &&
          new Set(moduleIds).size === moduleIds.length &&
          current.every((m) => moduleIds.includes(m.id));
        if (!same) throw invalid('moduleIds', 'List every module of this track exactly once.');
        for (const [position, id] of moduleIds.entries())
          await programsRepo.setModulePosition(trx, actor.organizationId, id, position);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'CurriculumModule',
          resourceId: trackId,
          details: { change: 'order' },
        });
        return trackDto(trx, actor.organizationId, trackId);
      }),

    generate: (actor: OrgActor, trackId: string, through: string) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        const track = await programsRepo.getTrack(trx, actor.organizationId, trackId);
        const limit = addDays(clinicDateTime(clock.now(), track.time_zone).date, 366);
        if (through > limit) throw invalid('through', `Generate at most a year ahead (through ${limit}).`);
        const result = await generateTrackSessions(trx, actor, trackId, {
          through,
          now: clock.now(),
          strict: false,
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'Session',
          resourceId: trackId,
          details: { generated: result.created, skipped: result.skipped.length, patientIds: result.seated },
        });
        return result;
      }),

    /** Keeps every active track generated over the horizon; the scheduler job calls this. */
    async extendHorizons(): Promise<number> {
      const tracks = await db
        .selectFrom('tracks as t')
        .innerJoin('programs as p', (j) =>
          j.onRef('p.organization_id', '=', 't.organization_id').onRef('p.id', '=', 't.program_id'),
        )
        .innerJoin('locations as l', (j) =>
          j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'),
        )
        .select(['t.organization_id', 't.id', 'l.time_zone'])
        .where('t.active', '=', true)
        .where('p.active', '=', true)
        .execute();
      let created = 0;
      for (const t of tracks) {
        const result = await db.transaction().execute(async (trx) => {
          const generated = await generateTrackSessions(
            trx,
            { organizationId: t.organization_id, userId: null },
            t.id,
            { through: horizon(t.time_zone), now: clock.now(), strict: false },
          );
          if (generated.created > 0)
            await audit.record(trx, systemActor(t.organization_id), {
              action: 'create',
              resourceType: 'Session',
              resourceId: t.id,
              details: { generated: generated.created, patientIds: generated.seated },
            });
          return generated;
        });
        created += result.created;
      }
      return created;
    },

    async staff(actor: OrgActor) {
      if (!isStaff(actor.roles as never)) throw forbidden();
      return staffDtos(db, actor.organizationId);
    },

    updateStaff: (actor: OrgActor, userId: string, body: z.infer<typeof UpdateStaffSchedulingBody>) =>
      db.transaction().execute(async (trx) => {
        setup(actor);
        const user = await staffRepo.lockUser(trx, actor.organizationId, userId);
        if (!user.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r)))
          throw invalid('userId', 'Only staff have a schedule.');
        if (body.supervisorId) {
          if (body.supervisorId === userId)
            throw invalid('supervisorId', 'Someone cannot supervise themselves.');
          const [supervisor] = await staffRepo.profiles(trx, actor.organizationId, {
            ids: [body.supervisorId],
          });
          if (!supervisor || supervisor.status !== 'active' || !isLicensed(supervisor))
            throw invalid('supervisorId', 'The supervisor must be an active, licensed clinician.');
        }
        await staffRepo.setProfile(trx, actor.organizationId, userId, {
          credentials: body.credentials?.trim() || null,
          supervisorId: body.supervisorId,
        });
        await staffRepo.replaceAvailability(trx, actor.organizationId, userId, body.availability);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'User',
          resourceId: userId,
          details: { change: 'scheduling profile' },
        });
        return (await staffDtos(trx, actor.organizationId, [userId]))[0]!;
      }),
  };
}

/**
 * Cancels sessions and leaves each member a notice the portal will show. The cancellation's
 * reason stands as the reason for any week it leaves below a member's intensity rule.
 */
export async function cancelWithNotice(
  db: Db,
  actor: { organizationId: string; userId: string },
  sessions: readonly { id: string; title: string; local_date: string; starts_at: Date }[],
  reason: string,
  closureId: string | null = null,
) {
  const { organizationId } = actor;
  const cancelled = await sessionsRepo.cancel(
    db,
    organizationId,
    sessions.map((s) => s.id),
    reason,
    closureId,
  );
  const ids = new Set(cancelled.map((c) => c.id));
  const members = await sessionsRepo.participantsOf(db, organizationId, [...ids]);
  const byId = new Map(sessions.map((s) => [s.id, s]));
  await sessionsRepo.insertNotices(
    db,
    organizationId,
    members.map((m) => {
      const s = byId.get(m.session_id)!;
      return {
        patientId: m.patient_id,
        sessionId: m.session_id,
        kind: 'session_cancelled',
        message: `${s.title} on ${s.local_date} is cancelled: ${reason}`,
      };
    }),
  );
  await enforceForPatients(
    db,
    actor,
    [...new Set(members.map((m) => m.patient_id))],
    sessions.filter((s) => ids.has(s.id)).map((s) => s.starts_at),
    'cancelled sessions',
    reason,
  );
  return { count: cancelled.length, patientIds: [...new Set(members.map((m) => m.patient_id))] };
}

export type ProgramsService = ReturnType<typeof createProgramsService>;
