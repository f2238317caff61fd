import { describe, expect, it } from 'vitest';
import { describeRate } from './engagement-labels.js';

describe('describeRate', () => {
  it('reads as a percentage of the sessions recorded', () => {
    expect(describeRate(0.8, 10)).toBe('80% of 10 sessions');
    expect(describeRate(1, 1)).toBe('100% of 1 session');
    expect(describeRate(0.667, 3)).toBe('67% of 3 sessions');
  });

  it('says when nothing is recorded', () => {
    expect(describeRate(null, 0)).toBe('No attendance recorded');
  });
});
