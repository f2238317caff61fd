import type { SessionDto } from '../../../contracts/scheduling.js';
import { clinicDateTime } from '../../../domain/time/clinic-day.js';
import type { Db } from '../../platform/db/tx.js';
import { sessionsRepo, type SessionRow } from './sessions.repo.js';

type StaffRows = Awaited<ReturnType<typeof sessionsRepo.staffOf>>;
type ParticipantRows = Awaited<ReturnType<typeof sessionsRepo.participantsOf>>;

/** "Jordan Avery" → "J.A." (what a calendar feed may show instead of a name). */
export const initialsOf = (given: string, family: string) =>
  `${given.trim().charAt(0).toUpperCase()}.${family.trim().charAt(0).toUpperCase()}.`;

export const displayName = (p: { given_name: string; family_name: string; preferred_name: string | null }) =>
  `${p.preferred_name ?? p.given_name} ${p.family_name}`;

export function toSessionDto(row: SessionRow, staff: StaffRows, participants: ParticipantRows): SessionDto {
  const mine = participants.filter((p) => p.session_id === row.id);
  return {
    id: row.id,
    kind: row.kind as SessionDto['kind'],
    origin: row.origin,
    title: row.title,
    groupKind: row.group_kind as SessionDto['groupKind'],
    locationId: row.location_id,
    program: row.program_id && row.program_name ? { id: row.program_id, name: row.program_name } : null,
    track: row.track_id && row.track_name ? { id: row.track_id, name: row.track_name } : null,
    room: row.room_id && row.room_name ? { id: row.room_id, name: row.room_name } : null,
    telehealthUrl: row.telehealth_url,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    localDate: row.local_date,
    timeZone: row.time_zone,
    start: clinicDateTime(row.starts_at, row.time_zone).time,
    end: clinicDateTime(row.ends_at, row.time_zone).time,
    maxSize: row.max_size,
    status: row.status as SessionDto['status'],
    statusReason: row.status_reason,
    seriesId: row.series_id,
    curriculumModule:
      row.curriculum_module_id && row.module_title
        ? { id: row.curriculum_module_id, title: row.module_title }
        : null,
    staff: staff
      .filter((s) => s.session_id === row.id)
      .map((s) => ({ userId: s.user_id, name: s.display_name, role: s.role as 'lead' | 'co' })),
    participantCount: mine.length,
    participants: mine.map((p) => ({
      patientId: p.patient_id,
      name: displayName(p),
      initials: initialsOf(p.given_name, p.family_name),
      mrn: p.mrn,
    })),
  };
}

/** Session rows with their staff and participants, as DTOs. */
export async function sessionDtos(db: Db, organizationId: string, rows: readonly SessionRow[]) {
  const ids = rows.map((r) => r.id);
  const [staff, participants] = [
    await sessionsRepo.staffOf(db, organizationId, ids),
    await sessionsRepo.participantsOf(db, organizationId, ids),
  ];
  return rows.map((r) => toSessionDto(r, staff, participants));
}
