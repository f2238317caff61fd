import { describe, expect, it } from 'vitest';
import { alertAcuity, CRISIS_STEPS } from './crisis-steps.js';

describe('crisis path', () => {
  it('any suicide-risk flag opens an alert; acute risk makes it acute', () => {
    expect(alertAcuity([])).toBeNull();
    expect(alertAcuity(['suicidal_ideation', 'suicide_risk'])).toBe('non_acute');
    expect(alertAcuity(['suicide_risk', 'acute_suicide_risk'])).toBe('acute');
  });

  it('the immediate steps name 988 and emergency services', () => {
    const text = CRISIS_STEPS.steps.join(' ');
    expect(text).toContain('988');
    expect(text).toContain('911');
    expect(text).toMatch(/stay with/i);
  });
});
