import { describe, expect, it } from 'vitest';
import { DEFAULT_LATE_ENTRY_HOURS, isLateEntry } from './signing.js';

const END = new Date('2026-03-09T21:00:00Z');
const plusMs = (ms: number): Date => new Date(END.getTime() + ms);
const H = 3_600_000;

describe('isLateEntry', () => {
  it('default is 24 hours [D]', () => {
    expect(DEFAULT_LATE_ENTRY_HOURS).toBe(24);
  });
  it('is late strictly after the cut-off', () => {
    expect(isLateEntry(END, plusMs(24 * H))).toBe(false);
    expect(isLateEntry(END, plusMs(24 * H + 1))).toBe(true);
    expect(isLateEntry(END, plusMs(72 * H))).toBe(true);
  });
  it('is on time at once, and when signed before the session ended', () => {
    expect(isLateEntry(END, END)).toBe(false);
    expect(isLateEntry(END, plusMs(-H))).toBe(false);
  });
  it('uses a configured number of hours, fractional allowed', () => {
    expect(isLateEntry(END, plusMs(49 * H), 48)).toBe(true);
    expect(isLateEntry(END, plusMs(48 * H), 48)).toBe(false);
    expect(isLateEntry(END, plusMs(31 * 60_000), 0.5)).toBe(true);
    expect(isLateEntry(END, plusMs(30 * 60_000), 0.5)).toBe(false);
  });
  it('counts real elapsed time (instants), not clock hours', () => {
    // Across the US spring-forward night the wall clock jumps, the instants do not.
    const end = new Date('2026-03-07T22:00:00-05:00');
    expect(isLateEntry(end, new Date('2026-03-08T22:30:00-04:00'))).toBe(false); // 23.5 h elapsed
  });
  it('throws on invalid dates or hours ≤ 0', () => {
    expect(() => isLateEntry(new Date('nope'), END)).toThrow(/sessionEndsAt/);
    expect(() => isLateEntry(END, '2026-03-10' as never)).toThrow(/signedAt/);
    for (const h of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '24' as never]) {
      expect(() => isLateEntry(END, END, h)).toThrow(/lateAfterHours/);
    }
  });
});
