import { describe, expect, it } from 'vitest';
import { ageOn } from './age.js';

describe('ageOn', () => {
  it('counts a birthday on the day itself', () => {
    expect(ageOn('2008-11-27', '2026-11-27')).toBe(18);
    expect(ageOn('2008-11-28', '2026-11-27')).toBe(17);
  });

  it('ages a leap-day birth on 1 March in common years', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('is zero in the first year of life', () => {
    expect(ageOn('2026-01-15', '2026-11-27')).toBe(0);
  });
});
