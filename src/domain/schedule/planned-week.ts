import { Temporal } from 'temporal-polyfill';
import { weekOf } from '../hours/intensity.js';
import type { PlannedSession } from '../hours/intensity.js';
import { checkTimeZone, parseDate } from './recurrence.js';

/**
 * A patient's planned programme time per clinic-local date, as input to `checkIntensity`.
 *
 * Dates are clinic-local (the location's IANA zone), because "3 days a week" means days as the
 * clinic and the patient live them, not UTC days. Minutes are real elapsed time between the
 * instants, so a session spanning a DST change counts what the patient actually attends
 * (e.g. 00:30–03:30 local on 2026-03-08 in New York is 120 minutes, not 180).
 * A session that crosses midnight counts entirely on the date it starts [D]: an evening group is
 * one attendance day, not two.
 */

function checkInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${field}: expected a valid date-time`);
  }
}

const localDate = (instant: Date, timeZone: string): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();

/** Clinic-local date 'YYYY-MM-DD' of an instant in timeZone. */
export function clinicDate(instant: Date, timeZone: string): string {
  checkInstant(instant, 'instant');
  checkTimeZone(timeZone);
  return localDate(instant, timeZone).toString();
}

/**
 * Planned sessions (date + minutes) for the clinic-local Monday–Sunday week starting `monday`,
 * from session instants; sessions outside the week are ignored; a session crossing midnight counts
 * on its start date. Minutes are real elapsed minutes (DST-aware). One entry per session, in
 * start order. Throws if `monday` is not a real Monday, on an invalid time zone or instant, or on
 * a session that ends before it starts (a zero-length session gives 0 minutes).
 */
export function plannedWeek(
  sessions: readonly { startsAt: Date; endsAt: Date }[],
  timeZone: string,
  monday: string,
): PlannedSession[] {
  const first = parseDate(monday, 'monday');
  if (first.dayOfWeek !== 1) {
    throw new Error(`Week start ${monday} is not a Monday`);
  }
  checkTimeZone(timeZone);
  const last = first.add({ days: 6 });

  const inWeek: { startsAt: Date; date: string; minutes: number }[] = [];
  for (const [i, s] of sessions.entries()) {
    checkInstant(s.startsAt, `startsAt of session ${i + 1}`);
    checkInstant(s.endsAt, `endsAt of session ${i + 1}`);
    const ms = s.endsAt.getTime() - s.startsAt.getTime();
    if (ms < 0) {
      throw new Error(
        `Session ${i + 1} ends (${s.endsAt.toISOString()}) before it starts (${s.startsAt.toISOString()})`,
      );
    }
    const date = localDate(s.startsAt, timeZone);
    if (Temporal.PlainDate.compare(date, first) < 0 || Temporal.PlainDate.compare(date, last) > 0) continue;
    inWeek.push({ startsAt: s.startsAt, date: date.toString(), minutes: ms / 60_000 });
  }
  return inWeek
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
    .map(({ date, minutes }) => ({ date, minutes }));
}

/** Mondays (YYYY-MM-DD) of every clinic-local week touched by these instants, sorted, unique. */
export function weeksTouched(instants: readonly Date[], timeZone: string): string[] {
  checkTimeZone(timeZone);
  const mondays = new Set<string>();
  for (const [i, instant] of instants.entries()) {
    checkInstant(instant, `instant ${i + 1}`);
    mondays.add(weekOf(localDate(instant, timeZone).toString()).monday);
  }
  return [...mondays].sort();
}
