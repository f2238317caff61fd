/**
 * Minutes of a group session credited to one patient from their attendance mark.
 *
 * Credited minutes feed the weekly-hours check against the program's minimum (ASAM 3rd ed.
 * Level 2.1: generally ≥ 9 h/week adults, ≥ 6 h/week adolescents [C], clinical-facts §1.1), so
 * they are real time the patient was in the room (or on the call), never scheduled time.
 *
 * Design choices [D]:
 * - Session length is real elapsed time between the two instants, so a session spanning a DST
 *   change counts what actually elapsed (00:30–03:30 local on 2026-03-08 in New York is 120
 *   minutes), rounded DOWN to whole minutes: a patient is never credited time that did not pass.
 * - Late / left-early minutes are whole minutes. A late status needs its minutes (≥ 1): "late by
 *   an unknown amount" cannot be credited honestly. Minutes given for a status they do not belong
 *   to are an error (0 is accepted as "not given", as forms often send it).
 * - If late + left-early minutes reach the session length the person was not there: the mark is
 *   rejected and they should be marked absent instead.
 * - Telehealth attendance is credited exactly like in-person attendance; the flag is kept for
 *   reporting and billing, not for minutes.
 */

export const ATTENDANCE_STATUSES = [
  'present',
  'late',
  'left_early',
  'late_and_left_early',
  'absent_excused',
  'absent_unexcused',
] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export interface AttendanceMark {
  status: AttendanceStatus;
  /** Whole minutes the patient arrived after the start; only for 'late' and 'late_and_left_early'. */
  lateMinutes?: number;
  /** Whole minutes the patient left before the end; only for 'left_early' and 'late_and_left_early'. */
  leftEarlyMinutes?: number;
  telehealth?: boolean;
}

const LATE_STATUSES: readonly AttendanceStatus[] = ['late', 'late_and_left_early'];
const LEFT_EARLY_STATUSES: readonly AttendanceStatus[] = ['left_early', 'late_and_left_early'];
const MS_PER_MINUTE = 60_000;

/** Throws unless `status` is one of ATTENDANCE_STATUSES. */
export function assertStatus(status: unknown): asserts status is AttendanceStatus {
  if (typeof status !== 'string' || !(ATTENDANCE_STATUSES as readonly string[]).includes(status)) {
    throw new Error(
      `Invalid attendance status "${String(status)}": expected one of ${ATTENDANCE_STATUSES.join(', ')}`,
    );
  }
}

/** True for the two absence statuses (excused or not); throws on an unknown status. */
export function isAbsence(status: AttendanceStatus): boolean {
  assertStatus(status);
  return status === 'absent_excused' || status === 'absent_unexcused';
}

function checkInstant(value: unknown, field: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${field}: expected a valid date-time`);
  }
}

/** The optional minutes field, checked: undefined when not given (or 0), else a positive integer. */
function optionalMinutes(value: number | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(`Invalid ${field} ${String(value)}: must be a whole, non-negative number of minutes`);
  }
  return value === 0 ? undefined : value;
}

/**
 * Minutes credited: session length minus late and left-early minutes; absences credit 0; never
 * more than the session lasted, never negative. Session length is real elapsed time (DST-aware),
 * rounded down to whole minutes.
 * Throws on an invalid instant or a session ending before it starts; on an unknown status; on
 * negative or non-integer minutes; on late (left-early) minutes given for a status that is not
 * late (left early), or missing for one that is; or when late + left-early minutes reach or exceed
 * the session length (then the person should be marked absent).
 */
export function minutesAttended(session: { startsAt: Date; endsAt: Date }, mark: AttendanceMark): number {
  checkInstant(session.startsAt, 'session startsAt');
  checkInstant(session.endsAt, 'session endsAt');
  const ms = session.endsAt.getTime() - session.startsAt.getTime();
  if (ms < 0) {
    throw new Error(
      `Session ends (${session.endsAt.toISOString()}) before it starts (${session.startsAt.toISOString()})`,
    );
  }
  const sessionMinutes = Math.floor(ms / MS_PER_MINUTE);

  const { status } = mark;
  assertStatus(status);
  const late = optionalMinutes(mark.lateMinutes, 'lateMinutes');
  const leftEarly = optionalMinutes(mark.leftEarlyMinutes, 'leftEarlyMinutes');

  const isLate = LATE_STATUSES.includes(status);
  const leftEarlyStatus = LEFT_EARLY_STATUSES.includes(status);
  if (late !== undefined && !isLate) {
    throw new Error(`lateMinutes (${late}) given for status "${status}", which is not a late arrival`);
  }
  if (leftEarly !== undefined && !leftEarlyStatus) {
    throw new Error(
      `leftEarlyMinutes (${leftEarly}) given for status "${status}", which is not an early departure`,
    );
  }
  if (isLate && late === undefined) {
    throw new Error(`Status "${status}" needs lateMinutes of at least 1`);
  }
  if (leftEarlyStatus && leftEarly === undefined) {
    throw new Error(`Status "${status}" needs leftEarlyMinutes of at least 1`);
  }

  if (isAbsence(status)) return 0;

  const missed = (late ?? 0) + (leftEarly ?? 0);
  if (missed > 0 && missed >= sessionMinutes) {
    throw new Error(
      `Late and left-early minutes (${missed}) reach the session length (${sessionMinutes} minutes): mark the person absent instead`,
    );
  }
  return sessionMinutes - missed;
}
