import { describe, expect, it } from 'vitest';
import { DEFAULT_STEP_DOWN, stepDownExcuses } from './step-down.js';
import type { StepDownPolicy } from './step-down.js';

const excuses = (
  steppingDownSince: string | null,
  monday: string,
  policy: StepDownPolicy = DEFAULT_STEP_DOWN,
) => stepDownExcuses({ steppingDownSince, monday, policy });

describe('DEFAULT_STEP_DOWN', () => {
  it('is 2 weeks (ASAM step-down allowance, clinical-facts §1.1) and frozen', () => {
    expect(DEFAULT_STEP_DOWN).toEqual({ allowanceWeeks: 2 });
    expect(Object.isFrozen(DEFAULT_STEP_DOWN)).toBe(true);
  });
});

describe('stepDownExcuses', () => {
  it('never excuses when the patient is not stepping down', () => {
    expect(excuses(null, '2026-11-23')).toBe(false);
    expect(excuses(null, '2026-11-23', { allowanceWeeks: 52 })).toBe(false);
  });

  it.each([
    ['2026-11-09', false], // before the step-down
    ['2026-11-16', false], // week before
    ['2026-11-23', true], // week containing Wed 2026-11-25
    ['2026-11-30', true], // second week
    ['2026-12-07', false], // allowance over
    ['2027-11-22', false],
  ])('step-down on Wed 2026-11-25: week of %s → %s', (monday, expected) => {
    expect(excuses('2026-11-25', monday)).toBe(expected);
  });

  it('counts the week containing a Sunday step-down as the first week', () => {
    expect(excuses('2026-11-29', '2026-11-23')).toBe(true);
    expect(excuses('2026-11-29', '2026-11-30')).toBe(true);
    expect(excuses('2026-11-29', '2026-12-07')).toBe(false);
  });

  it('starts on the same Monday when stepping down on a Monday', () => {
    expect(excuses('2026-11-30', '2026-11-23')).toBe(false);
    expect(excuses('2026-11-30', '2026-11-30')).toBe(true);
    expect(excuses('2026-11-30', '2026-12-07')).toBe(true);
    expect(excuses('2026-11-30', '2026-12-14')).toBe(false);
  });

  it('uses the configured number of weeks', () => {
    expect(excuses('2026-11-25', '2026-11-23', { allowanceWeeks: 1 })).toBe(true);
    expect(excuses('2026-11-25', '2026-11-30', { allowanceWeeks: 1 })).toBe(false);
    expect(excuses('2026-11-25', '2026-12-14', { allowanceWeeks: 4 })).toBe(true);
    expect(excuses('2026-11-25', '2026-12-21', { allowanceWeeks: 4 })).toBe(false);
  });

  it('excuses nothing with a zero-week allowance', () => {
    expect(excuses('2026-11-25', '2026-11-23', { allowanceWeeks: 0 })).toBe(false);
  });

  it('spans a year end', () => {
    expect(excuses('2026-12-31', '2026-12-28')).toBe(true);
    expect(excuses('2026-12-31', '2027-01-04')).toBe(true);
    expect(excuses('2026-12-31', '2027-01-11')).toBe(false);
    expect(excuses('2027-01-01', '2026-12-28')).toBe(true);
  });

  it('counts calendar weeks across the DST changes (New York 2026-03-08, 2026-11-01)', () => {
    expect(excuses('2026-03-08', '2026-03-02')).toBe(true);
    expect(excuses('2026-03-08', '2026-03-09')).toBe(true);
    expect(excuses('2026-03-08', '2026-03-16')).toBe(false);
    expect(excuses('2026-10-30', '2026-10-26')).toBe(true);
    expect(excuses('2026-10-30', '2026-11-02')).toBe(true);
    expect(excuses('2026-10-30', '2026-11-09')).toBe(false);
  });

  it('handles a leap day', () => {
    expect(excuses('2028-02-29', '2028-02-28')).toBe(true);
    expect(excuses('2028-02-29', '2028-03-06')).toBe(true);
    expect(excuses('2028-02-29', '2028-03-13')).toBe(false);
  });

  it('rejects a week start that is not a real Monday', () => {
    expect(() => excuses('2026-11-25', '2026-11-25')).toThrow(/2026-11-25 is not a Monday/);
    expect(() => excuses(null, '2026-11-29')).toThrow(/not a Monday/);
    expect(() => excuses(null, '2026-13-01')).toThrow(/Invalid monday date/);
  });

  it.each(['2026-02-30', '2026-11-5', '', 'yesterday'])('rejects steppingDownSince %j', (since) => {
    expect(() => excuses(since, '2026-11-23')).toThrow(/Invalid steppingDownSince date/);
  });

  it.each([-1, 1.5, NaN, Infinity])('rejects allowanceWeeks %s', (allowanceWeeks) => {
    expect(() => excuses('2026-11-25', '2026-11-23', { allowanceWeeks })).toThrow(
      /allowanceWeeks must be a whole, non-negative number/,
    );
    expect(() => excuses(null, '2026-11-23', { allowanceWeeks })).toThrow(/allowanceWeeks/);
  });
});
