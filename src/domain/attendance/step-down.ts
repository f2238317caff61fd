import { weekOf } from '../hours/intensity.js';
import { parseDate } from '../schedule/recurrence.js';

/**
 * Step-down allowance for weeks below the program's weekly minimum.
 *
 * ASAM 3rd ed. Level 2.1: when an IOP patient no longer needs 9 h/week (adult) / 6 h/week
 * (adolescent) but is not ready for Level 1, continuing at fewer hours for 1–2 weeks may be
 * treated as a continuation of IOP [C] (clinical-facts §1.1, Aetna reproduction of ASAM text).
 * The number of weeks is a program's CONFIGURATION; the default takes the upper bound, 2 weeks.
 *
 * Weeks are clinic-local Monday–Sunday; the week containing the step-down date is the first
 * allowance week, even if stepping down began late in that week [D] (the same weeks the
 * weekly-hours check reports on).
 */

export interface StepDownPolicy {
  /** Clinic-local weeks (starting with the week containing the step-down date) excused; default 2. */
  allowanceWeeks: number;
}

/** 2 weeks: ASAM step-down allowance ("1–2 weeks"), clinical-facts §1.1 [C]. */
export const DEFAULT_STEP_DOWN: Readonly<StepDownPolicy> = Object.freeze({ allowanceWeeks: 2 });

const DAY_MS = 86_400_000;
const epochDay = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/**
 * Whether a week below the minimum is excused because the patient is stepping down: true when
 * steppingDownSince (a clinic-local date) is set and `monday` falls within the first
 * allowanceWeeks clinic-local weeks starting with the week containing steppingDownSince.
 * Weeks before the step-down are never excused. allowanceWeeks 0 excuses nothing.
 * Throws when `monday` is not a real Monday, steppingDownSince is not a real YYYY-MM-DD date, or
 * allowanceWeeks is not a non-negative integer.
 */
export function stepDownExcuses(input: {
  steppingDownSince: string | null;
  monday: string;
  policy: StepDownPolicy;
}): boolean {
  const { steppingDownSince, monday, policy } = input;
  if (parseDate(monday, 'monday').dayOfWeek !== 1) throw new Error(`Week start ${monday} is not a Monday`);
  const weeks = policy.allowanceWeeks;
  if (typeof weeks !== 'number' || !Number.isInteger(weeks) || weeks < 0) {
    throw new Error(
      `Invalid step-down policy: allowanceWeeks must be a whole, non-negative number of weeks (got ${String(weeks)}).`,
    );
  }
  if (steppingDownSince === null) return false;
  parseDate(steppingDownSince, 'steppingDownSince');

  const firstMonday = weekOf(steppingDownSince).monday;
  const weekIndex = Math.round((epochDay(monday) - epochDay(firstMonday)) / 7);
  return weekIndex >= 0 && weekIndex < weeks;
}
