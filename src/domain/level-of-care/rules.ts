import type { LevelOfCareAssessment } from './assessment.js';
import { moreIntensive, type LevelOfCare } from './levels.js';
import { PLACEMENT_NOTES } from './notes.js';
import { OUTPATIENT_SUFFICIENT, PLACEMENT_RULES } from './placement-rules.js';

/** Stored with every decision; bump it whenever a rule, threshold or text changes. */
export const RULESET_VERSION = 'trellis-loc-2026.1';

export interface LevelOfCareReason {
  code: string;
  text: string;
}

export interface LevelOfCareRecommendation {
  level: LevelOfCare;
  /** The person needs an emergency or crisis response now. */
  crisis: boolean;
  /** Every rule that applied (most intensive first), then notes; never empty. */
  reasons: LevelOfCareReason[];
  rulesetVersion: string;
}

/** Every code a recommendation can carry, in report order. */
export const REASON_CODES: readonly string[] = [
  ...PLACEMENT_RULES.map((r) => r.code),
  OUTPATIENT_SUFFICIENT.code,
  ...PLACEMENT_NOTES.map((n) => n.code),
];

/**
 * The least intensive level that is safe: the most intensive floor among the rules that apply, or
 * outpatient when none does. A recommendation only; the clinician makes and records the decision.
 */
export function recommendLevelOfCare(assessment: LevelOfCareAssessment): LevelOfCareRecommendation {
  const applied = PLACEMENT_RULES.filter((r) => r.applies(assessment));
  const level = applied.reduce<LevelOfCare>((l, r) => moreIntensive(l, r.level), 'outpatient');
  const notes = PLACEMENT_NOTES.filter((n) => n.applies(assessment, level));
  const used = [...(applied.length > 0 ? applied : [OUTPATIENT_SUFFICIENT]), ...notes];
  return {
    level,
    crisis: applied.some((r) => r.crisis === true),
    reasons: used.map(({ code, text }) => ({ code, text })),
    rulesetVersion: RULESET_VERSION,
  };
}

export { PLACEMENT_RULES, OUTPATIENT_SUFFICIENT } from './placement-rules.js';
export { PLACEMENT_NOTES } from './notes.js';
export * from './assessment.js';
export * from './levels.js';
