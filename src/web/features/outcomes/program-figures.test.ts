import { describe, expect, it } from 'vitest';
import { countWithShare, formatMedianChange } from './program-figures.js';

describe('program figures', () => {
  it('gives a count with its share of the denominator', () => {
    expect(countWithShare(3, 12)).toBe('3 (25%)');
    expect(countWithShare(0, 0)).toBe('0');
  });
  it('signs the median change', () => {
    expect(formatMedianChange(-4.5)).toBe('−4.5 points');
    expect(formatMedianChange(2)).toBe('+2 points');
    expect(formatMedianChange(0)).toBe('No change');
    expect(formatMedianChange(null)).toBe('Not enough scores');
  });
});
