import { parseDate } from '../schedule/recurrence.js';
import { assertStatus, isAbsence } from './minutes.js';
import type { AttendanceStatus } from './minutes.js';

/**
 * Engagement signals from a patient's attendance history: trailing unexcused absences, attendance
 * rate, and an explainable dropout-risk score.
 *
 * The risk score is a documented DESIGN CHOICE [D], not a validated instrument: simple points
 * a clinician can read and check, never a diagnosis or an automatic action. Level thresholds are
 * exported (`DEFAULT_DROPOUT_THRESHOLDS`) so a program can override them.
 *
 * Dates are clinic-local calendar dates. Several records on one date (several groups a day) keep
 * the order they were given in.
 */

export interface AttendanceHistoryItem {
  /** Clinic-local date, YYYY-MM-DD. */
  date: string;
  status: AttendanceStatus;
}

/** Lowest points at which each level starts: low < moderate ≤ points < high ≤ points. */
export interface DropoutThresholds {
  moderate: number;
  high: number;
}

/** low < 3 ≤ moderate < 6 ≤ high: design choice [D], not a validated cut-off. */
export const DEFAULT_DROPOUT_THRESHOLDS: Readonly<DropoutThresholds> = Object.freeze({
  moderate: 3,
  high: 6,
});

export interface DropoutRiskInput {
  history: readonly AttendanceHistoryItem[];
  /** Clinic-local date; records after it are ignored. */
  today: string;
  /** Hours below the weekly minimum (0 when met). */
  weeklyShortfallHours: number;
  /** Instruments whose scores reliably worsened, in plain words, e.g. "PHQ-9 up 7 points". */
  worseningScores: readonly string[];
}

export interface DropoutRisk {
  level: 'low' | 'moderate' | 'high';
  points: number;
  /** Plain words, one per contributing factor, e.g. "3 unexcused absences in the last 14 days". */
  reasons: string[];
}

/** Days in the absence look-back window, today included [D]. */
const WINDOW_DAYS = 14;

/** Checked copy of the history, sorted by date (stable: same-date records keep their order). */
function sortedHistory(history: readonly AttendanceHistoryItem[]): AttendanceHistoryItem[] {
  for (const [i, h] of history.entries()) {
    parseDate(h.date, `attendance record ${i + 1}`);
    assertStatus(h.status);
  }
  return [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function trailingUnexcused(sorted: readonly AttendanceHistoryItem[]): number {
  let n = 0;
  for (let i = sorted.length - 1; i >= 0 && sorted[i]?.status === 'absent_unexcused'; i--) n++;
  return n;
}

/**
 * Count of trailing unexcused absences: how many of the most recent recorded attendances (by
 * date, most recent last) are absent_unexcused in a row. Two or more is the "≥ 2 consecutive"
 * signal. Throws on an invalid date or status.
 */
export function consecutiveUnexcused(history: readonly AttendanceHistoryItem[]): number {
  return trailingUnexcused(sortedHistory(history));
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Explainable points, from records dated on or before `today`:
 * - absences in the last 14 days (today and the 13 days before): 2 points per unexcused, 1 per excused;
 * - 2 points when the most recent ≥ 2 attendances are consecutive unexcused absences;
 * - 1 point per full 3 hours of weekly shortfall, at most 3;
 * - 2 points when any score reliably worsened (see instruments/change.ts).
 * Level: low < thresholds.moderate ≤ moderate < thresholds.high ≤ high (default 3 and 6) [D].
 * Throws on an invalid date or status, a negative or non-finite shortfall, or invalid thresholds.
 */
export function dropoutRisk(
  input: DropoutRiskInput,
  thresholds: DropoutThresholds = DEFAULT_DROPOUT_THRESHOLDS,
): DropoutRisk {
  const { moderate, high } = thresholds;
  for (const [name, v] of [
    ['moderate', moderate],
    ['high', high],
  ] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new Error(
        `Invalid dropout thresholds: ${name} must be a non-negative number (got ${String(v)}).`,
      );
    }
  }
  if (high < moderate) throw new Error('Invalid dropout thresholds: high is below moderate.');

  const today = parseDate(input.today, 'today');
  const shortfall = input.weeklyShortfallHours;
  if (typeof shortfall !== 'number' || !Number.isFinite(shortfall) || shortfall < 0) {
    throw new Error(
      `Invalid weeklyShortfallHours ${String(shortfall)}: must be a non-negative number of hours.`,
    );
  }

  const todayStr = today.toString();
  const windowStart = today.subtract({ days: WINDOW_DAYS - 1 }).toString();
  const past = sortedHistory(input.history).filter((h) => h.date <= todayStr);

  let points = 0;
  const reasons: string[] = [];

  const recent = past.filter((h) => h.date >= windowStart);
  const unexcused = recent.filter((h) => h.status === 'absent_unexcused').length;
  const excused = recent.filter((h) => h.status === 'absent_excused').length;
  if (unexcused > 0) {
    points += 2 * unexcused;
    reasons.push(
      `${plural(unexcused, 'unexcused absence', 'unexcused absences')} in the last ${WINDOW_DAYS} days`,
    );
  }
  if (excused > 0) {
    points += excused;
    reasons.push(`${plural(excused, 'excused absence', 'excused absences')} in the last ${WINDOW_DAYS} days`);
  }

  const streak = trailingUnexcused(past);
  if (streak >= 2) {
    points += 2;
    reasons.push(`Missed the last ${streak} sessions in a row without an excuse`);
  }

  const shortfallPoints = Math.min(3, Math.floor(Math.round(shortfall * 1000) / 3000));
  if (shortfallPoints > 0) {
    points += shortfallPoints;
    reasons.push(`${Math.round(shortfall * 100) / 100} hours below the weekly minimum`);
  }

  if (input.worseningScores.length > 0) {
    points += 2;
    reasons.push(`Symptom scores worsening: ${input.worseningScores.join(', ')}`);
  }

  const level = points >= high ? 'high' : points >= moderate ? 'moderate' : 'low';
  return { level, points, reasons };
}

/**
 * Attended records (any non-absence status, late or leaving early included) divided by all
 * recorded attendances, 0..1; null when nothing is recorded. Throws on an invalid date or status.
 */
export function attendanceRate(history: readonly AttendanceHistoryItem[]): number | null {
  const checked = sortedHistory(history);
  if (checked.length === 0) return null;
  return checked.filter((h) => !isAbsence(h.status)).length / checked.length;
}
