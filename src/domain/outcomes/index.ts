/**
 * Measurement-based care outcomes (clinical-facts.md §2.2), measurement schedules, and treatment-plan
 * review dates (§7.1): pure rules, thresholds and intervals as configuration.
 */
export * from './metrics.js';
export * from './schedule.js';
export * from './plan-review.js';
