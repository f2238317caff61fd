import type { ConflictDto } from '../../../contracts/scheduling.js';
import type { BookingCandidate } from '../../../domain/schedule/conflicts.js';
import { assignModules } from '../../../domain/schedule/curriculum.js';
import { expandWeekly, type Weekday } from '../../../domain/schedule/recurrence.js';
import { clinicDateTime } from '../../../domain/time/clinic-day.js';
import type { Db } from '../../platform/db/tx.js';
import { conflictsByCandidate, scheduleConflict, toConflictDto } from './booking.js';
import { episodesRepo } from './episodes.repo.js';
import { programsRepo } from './programs.repo.js';
import { sessionsRepo } from './sessions.repo.js';

/** How far ahead a track's calendar is kept generated. A scheduling horizon, not a clinical rule. */
export const HORIZON_DAYS = 8 * 7;

export interface GenerateResult {
  created: number;
  through: string;
  skipped: (ConflictDto & { date: string })[];
  /** Patients seated in the new sessions, for the audit trail. */
  seated: string[];
}

/**
 * Creates the track's group sessions from its blocks for clinic-local dates from today (or
 * `from`) through `through`, skipping closed days and sessions that already exist, and seats
 * every active member admitted by then. `strict` refuses the whole run on any staff or room
 * conflict (used when a block is created); otherwise conflicting occurrences are skipped and
 * reported.
 */
export async function generateTrackSessions(
  db: Db,
  actor: { organizationId: string; userId: string | null },
  trackId: string,
  opts: { through: string; now: Date; strict: boolean; from?: string },
): Promise<GenerateResult> {
  const org = actor.organizationId;
  await sessionsRepo.lockSchedule(db, org);
  const track = await programsRepo.getTrack(db, org, trackId);
  const today = clinicDateTime(opts.now, track.time_zone).date;
  const from = opts.from && opts.from > today ? opts.from : today;
  if (!track.active || !track.program_active || opts.through < from)
    return { created: 0, through: opts.through, skipped: [], seated: [] };

  const blocks = await programsRepo.blocksOf(db, org, [trackId]);
  const closed = await sessionsRepo.closedDates(db, org, track.location_id, from, opts.through);
  const members = await episodesRepo.trackMembers(db, org, trackId);
  const existing = await sessionsRepo.blockOccurrences(db, org, trackId, from, opts.through);

  const all = blocks
    .flatMap((block) => {
      const start = block.active_from > from ? block.active_from : from;
      const end = block.active_until && block.active_until < opts.through ? block.active_until : opts.through;
      if (end < start) return [];
      return expandWeekly(
        {
          weekdays: block.weekdays as Weekday[],
          start: block.start_time.slice(0, 5),
          end: block.end_time.slice(0, 5),
          timeZone: track.time_zone,
        },
        { from: start, to: end, exceptions: closed },
      )
        .filter((o) => !existing.has(`${block.id}|${o.date}`))
        .map((o) => ({ block, ...o }));
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  // A block inside the spring-forward hour has no real length that day.
  const gaps = all
    .filter((p) => p.endsAt <= p.startsAt)
    .map((p) => ({
      code: 'clock_change',
      message: `${p.block.title} falls in the daylight-saving change on ${p.date}.`,
      date: p.date,
    }));
  const planned = all.filter((p) => p.endsAt > p.startsAt);

  const membersOn = (date: string) => members.filter((m) => m.admitted_on <= date);
  const candidates: BookingCandidate[] = planned.map(({ block, startsAt, endsAt, date }) => ({
    kind: 'group',
    startsAt,
    endsAt,
    timeZone: track.time_zone,
    roomId: block.room_id,
    roomName: block.room_name,
    roomCapacity: block.room_capacity,
    maxSize: block.max_size,
    staff: [
      { userId: block.facilitator_id, role: 'lead' as const },
      ...(block.co_facilitator_id ? [{ userId: block.co_facilitator_id, role: 'co' as const }] : []),
    ],
    patientIds: membersOn(date).map((m) => m.patient_id),
  }));
  // A member's own appointment at group time is theirs to move; it does not cancel the group.
  const perCandidate = (await conflictsByCandidate(db, org, candidates)).map((found) =>
    found.filter((c) => c.code !== 'patient_double_booked'),
  );
  if (opts.strict && perCandidate.some((c) => c.length > 0)) throw scheduleConflict(perCandidate.flat());
  const skipped = perCandidate.flatMap((found, i) =>
    found.slice(0, 1).map((c) => ({ ...toConflictDto(c), date: planned[i]!.date })),
  );
  const keep = planned.filter((_, i) => perCandidate[i]!.length === 0);

  const modules = await programsRepo.modulesOf(db, org, [trackId]);
  const curriculumSlots = keep.filter((p) => p.block.uses_curriculum).length;
  const sequence = assignModules(
    modules.map((m) => ({ id: m.id, title: m.title })),
    curriculumSlots,
    await sessionsRepo.curriculumSessionsBefore(db, org, trackId, '9999-12-31'),
  );
  let slot = 0;
  const inserted = await sessionsRepo.insertSessions(
    db,
    keep.map((p) => ({
      organization_id: org,
      kind: 'group',
      origin: 'track',
      title: p.block.title,
      group_kind: p.block.group_kind,
      location_id: track.location_id,
      program_id: track.program_id,
      track_id: trackId,
      group_block_id: p.block.id,
      curriculum_module_id: p.block.uses_curriculum ? (sequence[slot++] ?? null) : null,
      room_id: p.block.room_id,
      telehealth_url: p.block.telehealth_url,
      starts_at: p.startsAt,
      ends_at: p.endsAt,
      local_date: p.date,
      occurrence_date: p.date,
      max_size: p.block.max_size,
      created_by: actor.userId,
    })),
  );
  const blockOf = new Map(blocks.map((b) => [b.id, b]));
  await sessionsRepo.insertStaff(
    db,
    org,
    inserted.flatMap((s) => {
      const b = blockOf.get(s.group_block_id!)!;
      return [
        { sessionId: s.id, userId: b.facilitator_id, role: 'lead' as const },
        ...(b.co_facilitator_id
          ? [{ sessionId: s.id, userId: b.co_facilitator_id, role: 'co' as const }]
          : []),
      ];
    }),
  );
  await sessionsRepo.insertParticipants(
    db,
    org,
    inserted.flatMap((s) =>
      membersOn(s.local_date).map((m) => ({ sessionId: s.id, patientId: m.patient_id, episodeId: m.id })),
    ),
  );
  const seated = [...new Set(inserted.flatMap((s) => membersOn(s.local_date).map((m) => m.patient_id)))];
  return { created: inserted.length, through: opts.through, skipped: [...gaps, ...skipped], seated };
}
