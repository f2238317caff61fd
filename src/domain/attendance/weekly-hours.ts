import { Temporal } from 'temporal-polyfill';
import { weekOf } from '../hours/intensity.js';
import type { IntensityRule } from '../hours/intensity.js';
import { checkTimeZone, parseDate } from '../schedule/recurrence.js';

/**
 * Attended hours per clinic-local week, and a forecast of whether the patient can still reach the
 * program's weekly minimum by Sunday.
 *
 * The minimum is the program's CONFIGURATION (`rule.minHoursPerWeek`), e.g. 9 h/week for adults
 * and 6 h/week for adolescents at ASAM 3rd ed. Level 2.1 [C] (clinical-facts §1.1); Medicare IOP
 * certification also requires ≥ 9 h/week of services [C] (clinical-facts §1.3).
 *
 * Weeks are clinic-local Monday–Sunday (the location's IANA zone), the same weeks as
 * `checkIntensity` and `plannedWeek`. A session counts in the week of the clinic-local date it
 * STARTS on (an evening group crossing midnight belongs to its start date) [D].
 * Comparisons use integer thousandths of a minute, as in hours/intensity.ts, so no float drift.
 */

/** A session the patient attended, with its credited minutes (see `minutesAttended`). */
export interface AttendedSession {
  startsAt: Date;
  minutes: number;
}

export interface UpcomingSession {
  sessionId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  makeUp: boolean;
}

export interface WeeklyHours {
  /** The Monday (YYYY-MM-DD) of the clinic-local week. */
  weekOf: string;
  attendedMinutes: number;
  /** Display value, 2 decimals. */
  attendedHours: number;
  /** Distinct clinic-local dates with more than zero credited minutes. */
  daysAttended: number;
  minimumHours: number;
  /** max(0, minimum − attended), 2 decimals. */
  remainingHours: number;
  met: boolean;
}

export interface MakeUpOption {
  sessionId: string;
  title: string;
  /** Clinic-local start date. */
  date: string;
  hours: number;
}

export interface Forecast {
  /** Hours still missing after attended AND still-scheduled sessions (0 when on track), 2 decimals. */
  needsHours: number;
  /** The Sunday (YYYY-MM-DD) ending the current clinic-local week. */
  byDate: string;
  /** Still-planned minutes from now to Sunday, as hours (2 decimals). */
  scheduledHours: number;
  /** attended + scheduled ≥ minimum. */
  onTrack: boolean;
  /** Make-up sessions that would cover the gap (fewest sessions, listed by start time); only when !onTrack. */
  makeUpOptions: MakeUpOption[];
  message: string;
}

const UNITS_PER_MINUTE = 1000;
const UNITS_PER_HOUR = 60 * UNITS_PER_MINUTE;
const MS_PER_MINUTE = 60_000;

const toUnits = (minutes: number): number => Math.round(minutes * UNITS_PER_MINUTE);
const hoursToUnits = (hours: number): number => Math.round(hours * UNITS_PER_HOUR);
const round2 = (n: number): number => Math.round(n * 100) / 100;
const unitsToHours = (units: number): number => round2(units / UNITS_PER_HOUR);
const moreHours = (h: number): string => `${h} more ${h === 1 ? 'hour' : 'hours'}`;
const nDays = (n: number): string => `${n} ${n === 1 ? 'day' : 'days'}`;

function checkInstant(value: unknown, field: string): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${field}: expected a valid date-time`);
  }
}

function checkMinimum(rule: Pick<IntensityRule, 'minHoursPerWeek'>): number {
  const v = rule.minHoursPerWeek;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new Error(
      `Invalid intensity rule: minHoursPerWeek must be a non-negative number (got ${String(v)}).`,
    );
  }
  return v;
}

const localDate = (instant: Date, timeZone: string): Temporal.PlainDate =>
  Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate();

function inWeek(date: Temporal.PlainDate, monday: Temporal.PlainDate): boolean {
  return (
    Temporal.PlainDate.compare(date, monday) >= 0 &&
    Temporal.PlainDate.compare(date, monday.add({ days: 6 })) <= 0
  );
}

/** Credited units in the week: in total, per clinic-local date, and the dates with credited time. */
function attendedInWeek(
  attended: readonly AttendedSession[],
  timeZone: string,
  monday: Temporal.PlainDate,
): { units: number; days: number; byDay: Map<string, number> } {
  const unitsByDay = new Map<string, number>();
  for (const [i, s] of attended.entries()) {
    checkInstant(s.startsAt, `startsAt of attended session ${i + 1}`);
    if (typeof s.minutes !== 'number' || !Number.isFinite(s.minutes) || s.minutes < 0) {
      throw new Error(
        `Invalid minutes for attended session ${i + 1}: ${String(s.minutes)} (must be a non-negative number).`,
      );
    }
    const date = localDate(s.startsAt, timeZone);
    if (!inWeek(date, monday)) continue;
    const key = date.toString();
    unitsByDay.set(key, (unitsByDay.get(key) ?? 0) + toUnits(s.minutes));
  }
  let units = 0;
  for (const [day, u] of unitsByDay) {
    units += u;
    if (u === 0) unitsByDay.delete(day);
  }
  return { units, days: unitsByDay.size, byDay: unitsByDay };
}

/**
 * Attended minutes in the clinic-local Monday–Sunday week starting `monday` (which must be a
 * Monday, else this throws), against rule.minHoursPerWeek. Sessions outside the week are ignored.
 * Throws on an invalid time zone, instant, minutes (negative / non-finite) or rule.
 */
export function weeklyHours(
  attended: readonly AttendedSession[],
  rule: Pick<IntensityRule, 'minHoursPerWeek'>,
  timeZone: string,
  monday: string,
): WeeklyHours {
  const first = parseDate(monday, 'monday');
  if (first.dayOfWeek !== 1) throw new Error(`Week start ${monday} is not a Monday`);
  checkTimeZone(timeZone);
  const minimum = checkMinimum(rule);

  const { units, days } = attendedInWeek(attended, timeZone, first);
  const minUnits = hoursToUnits(minimum);
  return {
    weekOf: monday,
    attendedMinutes: units / UNITS_PER_MINUTE,
    attendedHours: unitsToHours(units),
    daysAttended: days,
    minimumHours: minimum,
    remainingHours: unitsToHours(Math.max(0, minUnits - units)),
    met: units >= minUnits,
  };
}

/**
 * Where a week's ATTENDED time falls outside the program's allowed days and hours: above the
 * weekly maximum, too many days, a day too long and, once the week is over (`complete`), too few
 * days. The weekly minimum is `weeklyHours`' job. Plain words for a clinician, empty when within.
 * Limits are the program's configuration (`IntensityRule`; ASAM 2.1 adult 9–19 h/week [C],
 * clinical-facts §1.1; days and hours a day are program defaults [D]).
 */
export function attendedOutsideLimits(
  attended: readonly AttendedSession[],
  rule: IntensityRule,
  timeZone: string,
  monday: string,
  complete: boolean,
): string[] {
  const first = parseDate(monday, 'monday');
  if (first.dayOfWeek !== 1) throw new Error(`Week start ${monday} is not a Monday`);
  checkTimeZone(timeZone);
  const { units: total, byDay } = attendedInWeek(attended, timeZone, first);
  const out: string[] = [];
  if (rule.maxHoursPerWeek !== undefined && total > hoursToUnits(rule.maxHoursPerWeek))
    out.push(
      `Attended ${unitsToHours(total)} hours; the program allows at most ${rule.maxHoursPerWeek} a week.`,
    );
  if (byDay.size > rule.maxDaysPerWeek)
    out.push(`Attended on ${nDays(byDay.size)}; the program allows at most ${rule.maxDaysPerWeek}.`);
  if (complete && byDay.size < rule.minDaysPerWeek)
    out.push(`Attended on ${nDays(byDay.size)}; the program expects at least ${rule.minDaysPerWeek}.`);
  for (const [date, units] of [...byDay].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (units > hoursToUnits(rule.maxHoursPerDay))
      out.push(
        `${date}: attended ${unitsToHours(units)} hours; the program allows at most ${rule.maxHoursPerDay} a day.`,
      );
  return out;
}

interface Span {
  start: number;
  end: number;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function checkUpcoming(s: UpcomingSession, field: string): Span {
  checkInstant(s.startsAt, `startsAt of ${field}`);
  checkInstant(s.endsAt, `endsAt of ${field}`);
  const span = { start: s.startsAt.getTime(), end: s.endsAt.getTime() };
  if (span.end < span.start) {
    throw new Error(
      `${field} ends (${s.endsAt.toISOString()}) before it starts (${s.startsAt.toISOString()})`,
    );
  }
  return span;
}

/**
 * Whether the patient can still reach the weekly minimum in the clinic-local week containing
 * `now`, and which open make-up sessions would close the gap.
 *
 * - attended: credited sessions; only those in the current week count.
 * - scheduled: the patient's own remaining sessions. Those not yet over (ending after `now`) and
 *   starting on or before Sunday of this week count at their full planned length (real elapsed
 *   time) [D]; the caller leaves out sessions whose attendance is already recorded.
 * - makeUps: open make-up sessions. Only those with makeUp true that have not yet started, start
 *   by Sunday, are not already among `scheduled` (same sessionId) and do not overlap a scheduled
 *   session are options. Options are chosen greedily, longest first (earlier start breaks ties),
 *   skipping any that overlap one already chosen, until the gap is covered [D]: for covering
 *   a total this gives the fewest sessions. If all of them cannot cover the gap, all non-overlapping
 *   chosen ones are still listed. The result is listed by start time.
 * - needsHours is the gap left after attended AND scheduled hours (0 when on track).
 *
 * Throws on an invalid instant, time zone or rule, a session ending before it starts, or invalid
 * attended minutes.
 */
export function forecastWeek(input: {
  attended: readonly AttendedSession[];
  scheduled: readonly UpcomingSession[];
  makeUps: readonly UpcomingSession[];
  rule: Pick<IntensityRule, 'minHoursPerWeek'>;
  timeZone: string;
  now: Date;
}): Forecast {
  const { attended, scheduled, makeUps, rule, timeZone, now } = input;
  checkInstant(now, 'now');
  checkTimeZone(timeZone);
  const minimum = checkMinimum(rule);

  const week = weekOf(localDate(now, timeZone).toString());
  const monday = Temporal.PlainDate.from(week.monday);
  const nowMs = now.getTime();

  const { units: attendedUnits } = attendedInWeek(attended, timeZone, monday);

  const scheduledSpans: Span[] = [];
  const scheduledIds = new Set<string>();
  let scheduledUnits = 0;
  for (const [i, s] of scheduled.entries()) {
    const span = checkUpcoming(s, `scheduled session ${i + 1}`);
    if (span.end <= nowMs || !inWeek(localDate(s.startsAt, timeZone), monday)) continue;
    scheduledSpans.push(span);
    scheduledIds.add(s.sessionId);
    scheduledUnits += toUnits((span.end - span.start) / MS_PER_MINUTE);
  }

  const minUnits = hoursToUnits(minimum);
  const plannedUnits = attendedUnits + scheduledUnits;
  const onTrack = plannedUnits >= minUnits;
  const gapUnits = Math.max(0, minUnits - plannedUnits);

  const candidates: { s: UpcomingSession; span: Span; units: number; date: string }[] = [];
  for (const [i, s] of makeUps.entries()) {
    const span = checkUpcoming(s, `make-up session ${i + 1}`);
    if (!s.makeUp || span.start < nowMs || span.end === span.start) continue;
    const date = localDate(s.startsAt, timeZone);
    if (!inWeek(date, monday) || scheduledIds.has(s.sessionId)) continue;
    if (scheduledSpans.some((sp) => overlaps(sp, span))) continue;
    candidates.push({
      s,
      span,
      units: toUnits((span.end - span.start) / MS_PER_MINUTE),
      date: date.toString(),
    });
  }

  const chosen: typeof candidates = [];
  if (!onTrack) {
    const byLength = [...candidates].sort(
      (a, b) => b.units - a.units || a.span.start - b.span.start || (a.s.sessionId < b.s.sessionId ? -1 : 1),
    );
    let covered = 0;
    const seen = new Set<string>();
    for (const c of byLength) {
      if (covered >= gapUnits) break;
      if (seen.has(c.s.sessionId) || chosen.some((o) => overlaps(o.span, c.span))) continue;
      seen.add(c.s.sessionId);
      chosen.push(c);
      covered += c.units;
    }
    chosen.sort((a, b) => a.span.start - b.span.start);
  }

  const needsHours = unitsToHours(gapUnits);
  const scheduledHours = unitsToHours(scheduledUnits);
  const message = onTrack
    ? `On track: ${unitsToHours(plannedUnits)} hours attended or scheduled this week (minimum ${minimum}).`
    : `Needs ${moreHours(needsHours)} by Sunday ${week.sunday} to reach ${minimum}` +
      (scheduledUnits > 0
        ? ` (${unitsToHours(attendedUnits)} attended, ${scheduledHours} still scheduled).`
        : '.');

  return {
    needsHours,
    byDate: week.sunday,
    scheduledHours,
    onTrack,
    makeUpOptions: chosen.map((c) => ({
      sessionId: c.s.sessionId,
      title: c.s.title,
      date: c.date,
      hours: unitsToHours(c.units),
    })),
    message,
  };
}
