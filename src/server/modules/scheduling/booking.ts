import type { ConflictDto } from '../../../contracts/scheduling.js';
import { LICENSED_ROLES, type Role } from '../../../domain/identity/roles.js';
import {
  findConflicts,
  type BookingCandidate,
  type Conflict,
  type ExistingBooking,
  type SessionKind,
  type StaffProfile,
} from '../../../domain/schedule/conflicts.js';
import type { Weekday } from '../../../domain/schedule/recurrence.js';
import { clinicInstant } from '../../../domain/time/clinic-day.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import { sessionsRepo } from './sessions.repo.js';
import { staffRepo, type StaffRow } from './staff.repo.js';

export const isLicensed = (row: { roles: readonly string[]; supervisor_id: string | null }) =>
  row.supervisor_id === null && row.roles.some((r) => LICENSED_ROLES.includes(r as Role));

/** Scheduling profiles (roles, supervision, weekly availability) for the conflict rules. */
export async function staffProfiles(
  db: Db,
  organizationId: string,
  userIds: readonly string[],
): Promise<Map<string, StaffProfile & { row: StaffRow }>> {
  const unique = [...new Set(userIds)];
  const rows = await staffRepo.profiles(db, organizationId, { ids: unique });
  const windows = await staffRepo.availabilityOf(db, organizationId, unique);
  return new Map(
    rows
      .filter((r) => r.status === 'active')
      .map((r) => [
        r.id,
        {
          row: r,
          userId: r.id,
          name: r.display_name,
          roles: r.roles as Role[],
          supervised: r.supervisor_id !== null,
          availability: windows
            .filter((w) => w.user_id === r.id)
            .map((w) => ({
              weekday: w.weekday as Weekday,
              start: w.start_time.slice(0, 5),
              end: w.end_time.slice(0, 5),
            })),
        },
      ]),
  );
}

/**
 * Every conflict of a batch of new or moved sessions against the calendar and against each other
 * (a weekly series, or a track's generated sessions, must not collide with itself either).
 */
export async function conflictsOf(
  db: Db,
  organizationId: string,
  candidates: readonly BookingCandidate[],
): Promise<Conflict[]> {
  return (await conflictsByCandidate(db, organizationId, candidates)).flat();
}

/** The conflicts of each candidate, in the candidates' order. */
export async function conflictsByCandidate(
  db: Db,
  organizationId: string,
  candidates: readonly BookingCandidate[],
): Promise<Conflict[][]> {
  if (candidates.length === 0) return [];
  const staff = await staffProfiles(
    db,
    organizationId,
    candidates.flatMap((c) => c.staff.map((s) => s.userId)),
  );
  const from = new Date(Math.min(...candidates.map((c) => c.startsAt.getTime())));
  const to = new Date(Math.max(...candidates.map((c) => c.endsAt.getTime())));
  const rows = await sessionsRepo.overlapping(
    db,
    organizationId,
    { from, to },
    {
      userIds: [...new Set(candidates.flatMap((c) => c.staff.map((s) => s.userId)))],
      roomIds: [...new Set(candidates.flatMap((c) => (c.roomId ? [c.roomId] : [])))],
      patientIds: [...new Set(candidates.flatMap((c) => c.patientIds))],
    },
  );
  const existing: ExistingBooking[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as SessionKind,
    title: r.title,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    roomId: r.room_id,
    staffIds: r.staffIds,
    patientIds: r.patientIds,
  }));
  return candidates.map((candidate, i) => {
    const found = findConflicts(candidate, existing, staff);
    existing.push({
      id: candidate.id ?? `new-${i}`,
      kind: candidate.kind,
      title: 'another session in this booking',
      startsAt: candidate.startsAt,
      endsAt: candidate.endsAt,
      roomId: candidate.roomId,
      staffIds: candidate.staff.map((s) => s.userId),
      patientIds: candidate.patientIds,
    });
    return found;
  });
}

/** A 409 naming each conflict; `conflicts` rides along for the screen. No patient is named. */
export function scheduleConflict(conflicts: readonly Conflict[]): AppError {
  const first = conflicts[0]?.message ?? 'The booking conflicts with the schedule.';
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  return new AppError('schedule_conflict', {
    message: `schedule conflict: ${[...new Set(conflicts.map((c) => c.code))].join(',')}`,
    userMessage: `${first}${more}`,
    extensions: { conflicts: conflicts.map(toConflictDto) },
  });
}

export async function assertNoConflicts(
  db: Db,
  organizationId: string,
  candidates: readonly BookingCandidate[],
): Promise<void> {
  const conflicts = await conflictsOf(db, organizationId, candidates);
  if (conflicts.length > 0) throw scheduleConflict(conflicts);
}

export const toConflictDto = (c: Conflict): ConflictDto => ({
  code: c.code,
  message: c.message,
  ...(c.sessionId && !c.sessionId.startsWith('new-') ? { sessionId: c.sessionId } : {}),
  ...(c.userId ? { userId: c.userId } : {}),
  ...(c.patientId ? { patientId: c.patientId } : {}),
});

/** The instants of a clinic-local date and times; a span the clock change swallows is refused. */
export function clinicSpan(date: string, start: string, end: string, timeZone: string) {
  const startsAt = clinicInstant(date, start, timeZone);
  const endsAt = clinicInstant(date, end, timeZone);
  if (endsAt <= startsAt)
    throw invalid('end', `On ${date} the clocks change during that time; choose other times.`);
  return { startsAt, endsAt };
}

/** Refuses a date the location is closed on. */
export async function assertOpen(db: Db, organizationId: string, locationId: string, date: string) {
  const closed = await sessionsRepo.closedDates(db, organizationId, locationId, date, date);
  if (closed.length > 0) throw conflict(`The clinic is closed on ${date}.`, 'date');
}
