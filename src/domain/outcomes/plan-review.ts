import { Temporal } from 'temporal-polyfill';
import { parseDate } from '../schedule/recurrence.js';

/**
 * Treatment-plan review dates.
 *
 * [U] there is no universal review interval (clinical-facts.md §7.1: Medicare IOP at least every
 * other month [C]; Washington State SUD IOP monthly [C]; payer utilization review varies [S]), so
 * the interval is configuration: a program default with a payer override. 30 days is our default
 * [D] — it meets the monthly rule, and so the every-other-month one.
 *
 * Dates are clinic-local calendar dates (YYYY-MM-DD).
 */

/** Days between plan reviews when neither the program nor the payer sets an interval [D]. */
export const DEFAULT_REVIEW_INTERVAL_DAYS = 30;

function checkInterval(value: number, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`Invalid ${field} review interval ${String(value)}: must be a whole number of days ≥ 1.`);
  }
  return value;
}

/**
 * The shortest of the program's and the payer's intervals applies (a plan reviewed often enough
 * for the stricter rule satisfies both). A missing program interval means the default
 * (`DEFAULT_REVIEW_INTERVAL_DAYS`); a missing payer interval means the payer sets none.
 * Throws unless each given interval is a whole number of days ≥ 1.
 */
export function reviewIntervalDays(program: number | null | undefined, payer?: number | null): number {
  const own =
    program === null || program === undefined
      ? DEFAULT_REVIEW_INTERVAL_DAYS
      : checkInterval(program, 'program');
  if (payer === null || payer === undefined) return own;
  return Math.min(own, checkInterval(payer, 'payer'));
}

/**
 * Next review date = last review (or plan start when never reviewed) + interval calendar days.
 * Throws on an invalid date, a review before the plan started, or an invalid interval.
 */
export function nextReviewDate(input: {
  startedOn: string;
  lastReviewedOn?: string | null;
  intervalDays: number;
}): string {
  const started = parseDate(input.startedOn, 'startedOn');
  const interval = checkInterval(input.intervalDays, 'intervalDays');
  let from = started;
  if (input.lastReviewedOn !== undefined && input.lastReviewedOn !== null) {
    from = parseDate(input.lastReviewedOn, 'lastReviewedOn');
    if (Temporal.PlainDate.compare(from, started) < 0) {
      throw new Error(
        `Invalid lastReviewedOn ${input.lastReviewedOn}: before the plan started on ${input.startedOn}.`,
      );
    }
  }
  return from.add({ days: interval }).toString();
}

/**
 * 'overdue' when the due date is before today; 'due_this_week' when it falls from today up to the
 * Sunday ending today's clinic-local Monday–Sunday week; otherwise 'not_due'. Throws on an invalid
 * date.
 */
export function reviewStatus(dueOn: string, today: string): 'overdue' | 'due_this_week' | 'not_due' {
  const due = parseDate(dueOn, 'dueOn');
  const day = parseDate(today, 'today');
  if (Temporal.PlainDate.compare(due, day) < 0) return 'overdue';
  const sunday = day.add({ days: 7 - day.dayOfWeek });
  return Temporal.PlainDate.compare(due, sunday) <= 0 ? 'due_this_week' : 'not_due';
}
