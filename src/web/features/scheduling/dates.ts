import type { Weekday } from '../../../domain/schedule/recurrence.js';
import { WEEKDAY_ORDER, WEEKDAY_SHORT } from './labels.js';

/**
 * Arithmetic on date-only values (YYYY-MM-DD). They carry no time zone, so everything runs in UTC
 * and the browser's own zone never shifts a day.
 */

const DAY_MS = 86_400_000;

function toUtc(date: string): Date {
  return new Date(`${date.slice(0, 10)}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The weekday code (MO…SU) of a date. */
export function weekdayOf(date: string): Weekday {
  const index = (toUtc(date).getUTCDay() + 6) % 7; // Monday = 0
  return WEEKDAY_ORDER[index]!;
}

/** The Monday that starts the week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, -WEEKDAY_ORDER.indexOf(weekdayOf(date)));
}

/** The seven dates Monday to Sunday of the week holding `date`. */
export function weekDates(date: string): string[] {
  const monday = weekStart(date);
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Today's date in a time zone (the clinic's), as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** "Mon, May 4" for a date-only value. */
export function formatDay(date: string): string {
  const monthDay = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    month: 'short',
    day: 'numeric',
  }).format(toUtc(date));
  return `${WEEKDAY_SHORT[weekdayOf(date)]}, ${monthDay}`;
}

/** "May 4 – 10, 2026" style label for the week starting `monday`. */
export function formatWeekRange(monday: string): string {
  const sunday = addDays(monday, 6);
  const fmt = (date: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', ...options }).format(toUtc(date));
  return `${fmt(monday, { month: 'short', day: 'numeric' })} – ${fmt(sunday, { month: 'short', day: 'numeric', year: 'numeric' })}`;
}

/** Minutes since midnight of an HH:MM time. */
export function toMinutes(time: string): number {
  const [h = 0, m = 0] = time.split(':').map(Number);
  return h * 60 + m;
}

/** HH:MM for minutes since midnight (clamped to the day). */
export function fromMinutes(minutes: number): string {
  const clamped = Math.max(0, Math.min(minutes, 23 * 60 + 59));
  const h = Math.floor(clamped / 60);
  const m = clamped % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function addMinutes(time: string, minutes: number): string {
  return fromMinutes(toMinutes(time) + minutes);
}

export function isDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(toUtc(value).getTime());
}

export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
