import { DEFAULT_RELIABLE_CHANGE } from '../instruments/change.js';

/**
 * Measurement-based care (MBC) outcome metrics for one instrument in one episode: baseline vs
 * latest, response, remission, reliable change and "not on track".
 *
 * Sources (clinical-facts.md §2.2):
 * - response = ≥ 50 % reduction from baseline; remission = PHQ-9 < 5 (NCQA/HEDIS indicators) [C];
 * - reliable improvement = PHQ-9 drop ≥ 6, GAD-7 drop ≥ 4 (NHS Talking Therapies/IAPT manual) [S];
 *   the same points, upwards, are read as reliable worsening (as in instruments/change.ts);
 * - GAD-7 remission < 5 (below the "mild" cut-point, §2.1) and "not on track after 4 weeks without
 *   reliable improvement" are DESIGN CHOICES [D];
 * - the thresholds are versioned configuration, never constants in a caller [D]; raw item answers
 *   are stored elsewhere so a summary can be recomputed when they change.
 *
 * ASSUMPTION: every instrument summarised here is a symptom scale where a HIGHER total is WORSE
 * (PHQ-9, PHQ-2, GAD-7, GAD-2, PCL-5, AUDIT, AUDIT-C, DAST-10 — see `SYMPTOM_SCALES`), so a drop
 * is an improvement. `summarizeOutcome` refuses any other instrument unless the thresholds
 * configure a remission cut-off or reliable-change threshold for it, which asserts the same.
 */

/** Versioned MBC thresholds as configuration (clinical-facts §2.2 [D]). */
export interface OutcomeThresholds {
  /** Stored with every computed outcome so a result can be traced to the rules that made it. */
  version: string;
  /** Fraction of the baseline total the score must drop by to count as response (0.5 = 50 %). */
  responseDrop: number;
  /** Per instrument id: remission when the latest total is strictly below this value. */
  remissionBelow: Record<string, number>;
  /** Per instrument id: points of change (either way) that count as reliable. */
  reliableChange: Record<string, number>;
  /** Weeks after baseline without reliable improvement before a patient is "not on track". */
  notOnTrackAfterWeeks: number;
}

/**
 * Response ≥ 50 % drop [C]; remission PHQ-9 < 5 [C], GAD-7 < 5 [D]; reliable change PHQ-9 ≥ 6,
 * GAD-7 ≥ 4 [S] (IAPT); not on track after 4 weeks without reliable improvement [D]. PCL-5's
 * "5–10 points ≈ reliable" (§2.1 [S]) is a range, not a cut-off, so it is left for a program to set.
 */
export const DEFAULT_OUTCOME_THRESHOLDS: Readonly<OutcomeThresholds> = Object.freeze({
  version: 'mbc-2026.1',
  responseDrop: 0.5,
  remissionBelow: Object.freeze({ 'phq-9': 5, 'gad-7': 5 }),
  reliableChange: Object.freeze({ ...DEFAULT_RELIABLE_CHANGE }),
  notOnTrackAfterWeeks: 4,
});

/** Instruments known to be symptom scales where a higher total is worse (clinical-facts §2.1). */
export const SYMPTOM_SCALES: readonly string[] = Object.freeze([
  'phq-9',
  'phq-2',
  'gad-7',
  'gad-2',
  'pcl-5',
  'audit',
  'audit-c',
  'dast-10',
]);

export interface Score {
  administeredAt: Date;
  total: number;
}

export interface OutcomeSummary {
  instrumentId: string;
  /** Earliest score (the first of equal times, in input order); null without scores. */
  baseline: Score | null;
  /** Most recent score (the last of equal times, in input order); null without scores. */
  latest: Score | null;
  /** latest − baseline (negative = better for symptom scales). */
  change: number | null;
  /** Change as a percentage of baseline (−50 = halved); null when baseline is 0 or missing. */
  percentChange: number | null;
  /** Drop ≥ responseDrop × baseline (baseline > 0). */
  response: boolean;
  /** A follow-up score below the instrument's remission cut-off (false when none configured). */
  remission: boolean;
  reliableImprovement: boolean;
  reliableWorsening: boolean;
  /** ≥ notOnTrackAfterWeeks since baseline and no reliable improvement. */
  notOnTrack: boolean;
  /** Plain words, one per finding, e.g. 'Response (52 % lower than baseline)'. */
  flags: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tolerance for floating-point products such as 0.3 × 10, so "exactly at the threshold" counts. */
const EPSILON = 1e-9;

function isNonNegativeNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0;
}

const isRecord = (v: unknown): boolean => typeof v === 'object' && v !== null;

function checkThresholds(t: OutcomeThresholds): void {
  if (!isRecord(t)) throw new Error('Invalid outcome thresholds: expected an object.');
  if (typeof t.version !== 'string' || t.version.trim() === '') {
    throw new Error('Invalid outcome thresholds: version must be a non-empty string.');
  }
  if (!isNonNegativeNumber(t.responseDrop) || t.responseDrop === 0 || t.responseDrop > 1) {
    throw new Error(
      `Invalid outcome thresholds: responseDrop must be a fraction above 0 and at most 1 (got ${String(t.responseDrop)}).`,
    );
  }
  for (const [name, map, allowZero] of [
    ['remissionBelow', t.remissionBelow, true],
    ['reliableChange', t.reliableChange, false],
  ] as const) {
    if (!isRecord(map)) {
      throw new Error(`Invalid outcome thresholds: ${name} must be an object of numbers per instrument.`);
    }
    for (const [id, v] of Object.entries(map)) {
      if (!isNonNegativeNumber(v) || (!allowZero && v === 0)) {
        throw new Error(
          `Invalid outcome thresholds: ${name}["${id}"] must be a ${allowZero ? 'non-negative' : 'positive'} number (got ${String(v)}).`,
        );
      }
    }
  }
  if (!isNonNegativeNumber(t.notOnTrackAfterWeeks)) {
    throw new Error(
      `Invalid outcome thresholds: notOnTrackAfterWeeks must be a non-negative number (got ${String(t.notOnTrackAfterWeeks)}).`,
    );
  }
}

function isValidDate(d: unknown): d is Date {
  return d instanceof Date && Number.isFinite(d.getTime());
}

/** Checked copy sorted by time, oldest first (stable: equal times keep their input order). */
function sortedScores(scores: readonly Score[]): Score[] {
  for (const [i, s] of scores.entries()) {
    if (!isValidDate(s.administeredAt)) throw new Error(`Invalid administeredAt for score ${i + 1}.`);
    if (!isNonNegativeNumber(s.total)) {
      throw new Error(`Invalid total for score ${i + 1}: must be a finite, non-negative number.`);
    }
  }
  return [...scores].sort((a, b) => a.administeredAt.getTime() - b.administeredAt.getTime());
}

const has = (map: Record<string, number>, id: string): boolean => Object.hasOwn(map, id);
const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/**
 * Scores of ONE instrument for one episode, any order; baseline = earliest, latest = most recent.
 *
 * - change and percentChange compare latest with baseline (a single score: change 0);
 * - response: baseline > 0 and baseline − latest ≥ responseDrop × baseline;
 * - remission: at least two scores and the latest strictly below the configured cut-off — a lone
 *   baseline is an intake score, not an outcome;
 * - reliable improvement / worsening: |latest − baseline| ≥ the instrument's reliable-change points
 *   (never true without a configured threshold);
 * - not on track: the instrument has a reliable-change threshold, at least notOnTrackAfterWeeks × 7
 *   days (elapsed time, `now` − baseline) have passed, and there is no reliable improvement (a
 *   baseline never followed up counts as no improvement).
 *
 * Throws on non-finite or negative totals, invalid dates (scores or `now`), bad thresholds, or an
 * instrument that is neither in `SYMPTOM_SCALES` nor configured in the thresholds.
 */
export function summarizeOutcome(
  instrumentId: string,
  scores: readonly Score[],
  now: Date,
  thresholds: OutcomeThresholds = DEFAULT_OUTCOME_THRESHOLDS,
): OutcomeSummary {
  checkThresholds(thresholds);
  if (typeof instrumentId !== 'string' || instrumentId === '') {
    throw new Error('Invalid instrumentId: expected a non-empty string.');
  }
  if (
    !SYMPTOM_SCALES.includes(instrumentId) &&
    !has(thresholds.remissionBelow, instrumentId) &&
    !has(thresholds.reliableChange, instrumentId)
  ) {
    throw new Error(
      `Cannot summarise outcomes for "${instrumentId}": it is not a known symptom scale where a higher score is worse (configure its thresholds to opt in).`,
    );
  }
  if (!isValidDate(now)) throw new Error('Invalid now: expected a valid Date.');
  const sorted = sortedScores(scores);

  const baseline = sorted[0] ?? null;
  const latest = sorted[sorted.length - 1] ?? null;
  const summary: OutcomeSummary = {
    instrumentId,
    baseline,
    latest,
    change: null,
    percentChange: null,
    response: false,
    remission: false,
    reliableImprovement: false,
    reliableWorsening: false,
    notOnTrack: false,
    flags: [],
  };
  if (!baseline || !latest) return summary;

  const change = latest.total - baseline.total;
  summary.change = change;
  summary.percentChange = baseline.total > 0 ? (change / baseline.total) * 100 : null;
  const drop = -change;
  summary.response = baseline.total > 0 && drop >= thresholds.responseDrop * baseline.total - EPSILON;

  const followedUp = sorted.length >= 2;
  const remissionBelow = has(thresholds.remissionBelow, instrumentId)
    ? thresholds.remissionBelow[instrumentId]
    : undefined;
  summary.remission = followedUp && remissionBelow !== undefined && latest.total < remissionBelow;

  const reliable = has(thresholds.reliableChange, instrumentId)
    ? thresholds.reliableChange[instrumentId]
    : undefined;
  if (reliable !== undefined) {
    summary.reliableImprovement = drop >= reliable - EPSILON;
    summary.reliableWorsening = change >= reliable - EPSILON;
  }

  const elapsedMs = now.getTime() - baseline.administeredAt.getTime();
  summary.notOnTrack =
    reliable !== undefined &&
    elapsedMs >= thresholds.notOnTrackAfterWeeks * 7 * DAY_MS &&
    !summary.reliableImprovement;

  const f = summary.flags;
  if (summary.response && summary.percentChange !== null) {
    f.push(`Response (${Math.round(-summary.percentChange)} % lower than baseline)`);
  }
  if (summary.remission) f.push(`Remission (latest ${latest.total}, below ${String(remissionBelow)})`);
  if (summary.reliableImprovement) {
    f.push(`Reliable improvement (${plural(drop, 'point', 'points')} lower than baseline)`);
  }
  if (summary.reliableWorsening) {
    f.push(`Reliable worsening (${plural(change, 'point', 'points')} higher than baseline)`);
  }
  if (summary.notOnTrack) {
    const weeks = Math.floor(elapsedMs / (7 * DAY_MS));
    f.push(`Not on track: no reliable improvement after ${plural(weeks, 'week', 'weeks')}`);
  }
  return summary;
}

/**
 * Change since the previous score (for the facilitator's roster: "PHQ-9 14 (−3 since last week)");
 * null with fewer than two scores. Scores may come in any order; of equal times, the later one in
 * the input counts as later. Throws on non-finite or negative totals and invalid dates.
 */
export function changeSinceLast(
  scores: readonly Score[],
): { latest: Score; previous: Score; change: number } | null {
  const sorted = sortedScores(scores);
  const latest = sorted[sorted.length - 1];
  const previous = sorted[sorted.length - 2];
  if (!latest || !previous) return null;
  return { latest, previous, change: latest.total - previous.total };
}
