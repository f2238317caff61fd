import { describe, expect, it } from 'vitest';
import * as outcomes from './index.js';

describe('outcomes index', () => {
  it('re-exports the metrics, schedule and plan-review rules', () => {
    for (const name of [
      'DEFAULT_OUTCOME_THRESHOLDS',
      'SYMPTOM_SCALES',
      'summarizeOutcome',
      'changeSinceLast',
      'EXAMPLE_MEASUREMENT_SCHEDULE',
      'dueMeasures',
      'DEFAULT_REVIEW_INTERVAL_DAYS',
      'reviewIntervalDays',
      'nextReviewDate',
      'reviewStatus',
    ]) {
      expect(outcomes).toHaveProperty(name);
    }
  });
});
