import type { BookingCandidate, SessionKind } from '../../../domain/schedule/conflicts.js';
import { expandWeekly, toRRule, type Occurrence, type Weekday } from '../../../domain/schedule/recurrence.js';
import { addDays } from '../../../domain/time/clinic-day.js';
import type { Db } from '../../platform/db/tx.js';
import { invalid } from '../../platform/errors.js';
import { sessionsRepo } from './sessions.repo.js';

export type AppointmentKind = Exclude<SessionKind, 'group'>;

export const APPOINTMENT_TITLES: Record<AppointmentKind, string> = {
  intake_assessment: 'Intake assessment',
  individual: 'Individual therapy',
  family: 'Family therapy',
  medication_management: 'Medication management',
};

/** 'HH:MM' plus minutes, or null past midnight (appointments stay within one clinic day). */
export function endTime(start: string, minutes: number): string | null {
  const total = Number(start.slice(0, 2)) * 60 + Number(start.slice(3, 5)) + minutes;
  if (total >= 24 * 60) return null;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export interface AppointmentPlanInput {
  kind: AppointmentKind;
  patientId: string;
  episodeId: string | null;
  programId: string | null;
  clinicianId: string;
  location: { id: string; time_zone: string };
  room: { id: string; name: string; capacity: number } | null;
  telehealthUrl: string | null;
  weekday: Weekday;
  start: string;
  durationMinutes: number;
  /** Clinic-local dates, inclusive. */
  from: string;
  to: string;
  everyWeeks: number;
  /** Occurrences starting before this instant are left out. */
  notBefore?: Date;
}

export interface PlannedAppointments {
  input: AppointmentPlanInput;
  block: { weekdays: Weekday[]; start: string; end: string; timeZone: string };
  occurrences: Occurrence[];
  candidates: BookingCandidate[];
}

/** The weekly (or every-N-weeks) occurrences of one appointment, skipping closed days. */
export async function planAppointments(
  db: Db,
  organizationId: string,
  input: AppointmentPlanInput,
  field: string,
): Promise<PlannedAppointments> {
  const end = endTime(input.start, input.durationMinutes);
  if (!end) throw invalid(field, 'The appointment must end by midnight.');
  const block = { weekdays: [input.weekday], start: input.start, end, timeZone: input.location.time_zone };
  const closed = await sessionsRepo.closedDates(db, organizationId, input.location.id, input.from, input.to);
  const all = expandWeekly(block, { from: input.from, to: input.to, exceptions: closed });
  const swallowed = all.find((o) => o.endsAt <= o.startsAt);
  if (swallowed)
    throw invalid(field, `On ${swallowed.date} the clocks change during that time; choose another time.`);
  const first = all[0]?.date;
  const occurrences = all.filter((o) => {
    const weeks = Math.round((Date.parse(o.date) - Date.parse(first!)) / (7 * 86_400_000));
    return weeks % input.everyWeeks === 0 && (!input.notBefore || o.startsAt >= input.notBefore);
  });
  return {
    input,
    block,
    occurrences,
    candidates: occurrences.map((o) => ({
      kind: input.kind,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      timeZone: input.location.time_zone,
      roomId: input.room?.id ?? null,
      roomName: input.room?.name ?? null,
      roomCapacity: input.room?.capacity ?? null,
      maxSize: null,
      staff: [{ userId: input.clinicianId, role: 'lead' }],
      patientIds: [input.patientId],
    })),
  };
}

/** Stores planned appointments (a series when there is more than one) with their clinician and patient. */
export async function insertAppointments(
  db: Db,
  actor: { organizationId: string; userId: string },
  plan: PlannedAppointments,
): Promise<string[]> {
  const { input, occurrences } = plan;
  if (occurrences.length === 0) return [];
  let seriesId: string | null = null;
  if (occurrences.length > 1) {
    const pair = toRRule(plan.block, { from: occurrences[0]!.date, until: occurrences.at(-1)!.date });
    const rrule = input.everyWeeks > 1 ? `${pair.rrule};INTERVAL=${input.everyWeeks}` : pair.rrule;
    seriesId = (
      await sessionsRepo.insertSeries(db, {
        organizationId: actor.organizationId,
        by: actor.userId,
        dtstart: pair.dtstart,
        rrule,
      })
    ).id;
  }
  const inserted = await sessionsRepo.insertSessions(
    db,
    occurrences.map((o) => ({
      organization_id: actor.organizationId,
      kind: input.kind,
      origin: 'appointment',
      title: APPOINTMENT_TITLES[input.kind],
      location_id: input.location.id,
      program_id: input.programId,
      series_id: seriesId,
      room_id: input.room?.id ?? null,
      telehealth_url: input.telehealthUrl,
      starts_at: o.startsAt,
      ends_at: o.endsAt,
      local_date: o.date,
      created_by: actor.userId,
    })),
  );
  const ids = inserted.map((s) => s.id);
  await sessionsRepo.insertStaff(
    db,
    actor.organizationId,
    ids.map((sessionId) => ({ sessionId, userId: input.clinicianId, role: 'lead' as const })),
  );
  await sessionsRepo.insertParticipants(
    db,
    actor.organizationId,
    ids.map((sessionId) => ({ sessionId, patientId: input.patientId, episodeId: input.episodeId })),
  );
  return ids;
}

/** The last date of `weeks` weeks starting on `from`. */
export const lastDateOf = (from: string, weeks: number) => addDays(from, weeks * 7 - 1);
