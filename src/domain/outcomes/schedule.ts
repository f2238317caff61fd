import { Temporal } from 'temporal-polyfill';
import { parseDate } from '../schedule/recurrence.js';

/**
 * A program's measurement schedule as data: which instrument, how often (weekly, every N weeks),
 * and at which episode events (admission, discharge). Which instruments a program gives, and how
 * often, are program choices [D] (clinical-facts.md §2.1 lists the instruments, §2.2 the outcome
 * definitions they feed; neither prescribes a cadence).
 *
 * Dates are clinic-local calendar dates (YYYY-MM-DD); the caller converts instants with the
 * location's time zone.
 */

export type EpisodeEvent = 'admission' | 'discharge';

export interface MeasurementRule {
  instrumentId: string;
  /** Repeat every N whole weeks (N ≥ 1) after the last completion; first due on admission. */
  every?: { weeks: number };
  /** Also due at these episode events. */
  at?: EpisodeEvent[];
}

/**
 * Example defaults, all [D] program choices: PHQ-9 and GAD-7 weekly; PCL-5 every two weeks (for
 * trauma tracks — a program without one drops the rule); AUDIT-C and DAST-10 at admission and
 * discharge.
 */
export const EXAMPLE_MEASUREMENT_SCHEDULE: readonly MeasurementRule[] = Object.freeze([
  Object.freeze({ instrumentId: 'phq-9', every: Object.freeze({ weeks: 1 }) }),
  Object.freeze({ instrumentId: 'gad-7', every: Object.freeze({ weeks: 1 }) }),
  Object.freeze({ instrumentId: 'pcl-5', every: Object.freeze({ weeks: 2 }) }),
  Object.freeze({ instrumentId: 'audit-c', at: Object.freeze(['admission', 'discharge']) as EpisodeEvent[] }),
  Object.freeze({ instrumentId: 'dast-10', at: Object.freeze(['admission', 'discharge']) as EpisodeEvent[] }),
]);

/** Discharge measures come due this many days before the planned discharge date [D]. */
export const DISCHARGE_WINDOW_DAYS = 7;

export interface DueMeasure {
  instrumentId: string;
  reason: 'admission' | 'discharge' | 'periodic';
  /** Clinic-local date, YYYY-MM-DD. */
  dueOn: string;
  /** The due date is before today. */
  overdue: boolean;
}

export interface DueMeasuresInput {
  rules: readonly MeasurementRule[];
  /** Clinic-local admission date, YYYY-MM-DD. */
  admittedOn: string;
  /** Planned discharge date, if any. */
  dischargeOn?: string | null;
  /** Clinic-local date to evaluate, YYYY-MM-DD. */
  today: string;
  /** Per instrument id: the date it was last completed in this episode. */
  lastDone: Readonly<Record<string, string | undefined>>;
}

const EVENTS: readonly EpisodeEvent[] = ['admission', 'discharge'];
const REASON_ORDER: Readonly<Record<DueMeasure['reason'], number>> = {
  admission: 0,
  discharge: 1,
  periodic: 2,
};

function checkRule(rule: MeasurementRule, i: number): void {
  const where = `measurement rule ${i + 1}`;
  if (!isRecord(rule)) throw new Error(`Invalid ${where}: expected an object.`);
  if (typeof rule.instrumentId !== 'string' || rule.instrumentId.trim() === '') {
    throw new Error(`Invalid ${where}: instrumentId must be a non-empty string.`);
  }
  if (rule.every === undefined && (rule.at === undefined || rule.at.length === 0)) {
    throw new Error(`Invalid ${where} (${rule.instrumentId}): give "every" or "at" (or both).`);
  }
  if (rule.every !== undefined) {
    const w = rule.every.weeks;
    if (typeof w !== 'number' || !Number.isInteger(w) || w < 1) {
      throw new Error(
        `Invalid ${where} (${rule.instrumentId}): every.weeks must be a whole number ≥ 1 (got ${String(w)}).`,
      );
    }
  }
  if (rule.at !== undefined) {
    if (!Array.isArray(rule.at))
      throw new Error(`Invalid ${where} (${rule.instrumentId}): "at" must be a list.`);
    for (const e of rule.at) {
      if (!EVENTS.includes(e)) {
        throw new Error(
          `Invalid ${where} (${rule.instrumentId}): unknown event "${e}" (expected admission or discharge).`,
        );
      }
    }
  }
}

const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null;
const cmp = (a: Temporal.PlainDate, b: Temporal.PlainDate): number => Temporal.PlainDate.compare(a, b);

/**
 * Which measures are due on `today` for an episode admitted on `admittedOn` (and discharging on
 * `dischargeOn` if planned), given the dates each instrument was last completed in this episode.
 *
 * - periodic (`every`): due when never done, dueOn = admission date; otherwise when today ≥ last +
 *   weeks × 7 days, dueOn = last + weeks × 7;
 * - admission: due when not done on or after the admission date, dueOn = admission date;
 * - discharge: when `dischargeOn` is set and today is on or after dischargeOn − 7 days [D], due
 *   unless done on or after that window start; dueOn = dischargeOn;
 * - overdue when dueOn < today.
 * (In an episode shorter than the window, the admission administration also counts for discharge.)
 * A completion dated before admission belongs to another episode (or intake) and counts as not
 * done. One administration satisfies every reason, so each instrument appears at most once, with
 * its earliest due date (ties: admission, then discharge, then periodic). Nothing is due before
 * the admission date. Sorted by due date, then instrument id.
 *
 * Throws on an invalid date, a discharge before admission, a completion after today, or an invalid
 * rule (no `every` and no `at`, weeks not a whole number ≥ 1, unknown event).
 */
export function dueMeasures(input: DueMeasuresInput): DueMeasure[] {
  const { rules, lastDone } = input;
  rules.forEach(checkRule);
  const admitted = parseDate(input.admittedOn, 'admittedOn');
  const today = parseDate(input.today, 'today');
  const discharge =
    input.dischargeOn === undefined || input.dischargeOn === null
      ? null
      : parseDate(input.dischargeOn, 'dischargeOn');
  if (discharge && cmp(discharge, admitted) < 0) {
    throw new Error(
      `Invalid dischargeOn ${discharge.toString()}: before admission on ${admitted.toString()}.`,
    );
  }
  if (!isRecord(lastDone)) {
    throw new Error('Invalid lastDone: expected an object of dates per instrument.');
  }
  const done = new Map<string, Temporal.PlainDate>();
  for (const [id, value] of Object.entries(lastDone)) {
    if (value === undefined) continue;
    const d = parseDate(value, `lastDone["${id}"]`);
    if (cmp(d, today) > 0) {
      throw new Error(`Invalid lastDone["${id}"] ${value}: after today (${today.toString()}).`);
    }
    if (cmp(d, admitted) >= 0) done.set(id, d);
  }
  if (cmp(today, admitted) < 0) return [];

  const best = new Map<string, { reason: DueMeasure['reason']; dueOn: Temporal.PlainDate }>();
  const offer = (instrumentId: string, reason: DueMeasure['reason'], dueOn: Temporal.PlainDate): void => {
    const current = best.get(instrumentId);
    const better =
      !current ||
      cmp(dueOn, current.dueOn) < 0 ||
      (cmp(dueOn, current.dueOn) === 0 && REASON_ORDER[reason] < REASON_ORDER[current.reason]);
    if (better) best.set(instrumentId, { reason, dueOn });
  };

  for (const rule of rules) {
    const last = done.get(rule.instrumentId);
    if (rule.every) {
      const dueOn = last ? last.add({ days: rule.every.weeks * 7 }) : admitted;
      if (cmp(dueOn, today) <= 0) offer(rule.instrumentId, 'periodic', dueOn);
    }
    if (rule.at?.includes('admission') && !last) offer(rule.instrumentId, 'admission', admitted);
    if (rule.at?.includes('discharge') && discharge) {
      const windowStart = discharge.subtract({ days: DISCHARGE_WINDOW_DAYS });
      const doneInWindow = last !== undefined && cmp(last, windowStart) >= 0;
      if (cmp(today, windowStart) >= 0 && !doneInWindow) offer(rule.instrumentId, 'discharge', discharge);
    }
  }

  return [...best]
    .map(([instrumentId, { reason, dueOn }]) => ({
      instrumentId,
      reason,
      dueOn: dueOn.toString(),
      overdue: cmp(dueOn, today) < 0,
    }))
    .sort((a, b) =>
      a.dueOn !== b.dueOn
        ? a.dueOn < b.dueOn
          ? -1
          : 1
        : a.instrumentId < b.instrumentId
          ? -1
          : a.instrumentId > b.instrumentId
            ? 1
            : 0,
    );
}
