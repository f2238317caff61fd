import { describe, expect, it } from 'vitest';
import { checkVitals, VITAL_RANGES } from './vitals.js';

describe('checkVitals', () => {
  it('is empty when all absent', () => {
    expect(checkVitals({})).toEqual({});
    expect(
      checkVitals({ systolic: null, diastolic: null, heartRate: null, weightKg: null, heightCm: null }),
    ).toEqual({});
  });
  it('is empty for typical values', () => {
    expect(
      checkVitals({ systolic: 120, diastolic: 80, heartRate: 72, weightKg: 70.5, heightCm: 172.5 }),
    ).toEqual({});
  });
  it('accepts abnormal but plausible values (not clinical thresholds)', () => {
    expect(checkVitals({ systolic: 200, diastolic: 120, heartRate: 140 })).toEqual({});
  });
  it('accepts the range bounds', () => {
    expect(checkVitals({ systolic: 50, diastolic: 30, heartRate: 20, weightKg: 1, heightCm: 30 })).toEqual(
      {},
    );
    expect(
      checkVitals({ systolic: 260, diastolic: 159, heartRate: 250, weightKg: 400, heightCm: 250 }),
    ).toEqual({});
    expect(checkVitals({ systolic: 200, diastolic: 160 })).toEqual({});
  });
  it.each([
    ['systolic', 49, { diastolic: 30 }],
    ['systolic', 261, { diastolic: 80 }],
    ['diastolic', 29, { systolic: 120 }],
    ['diastolic', 161, { systolic: 250 }],
    ['heartRate', 19, {}],
    ['heartRate', 251, {}],
    ['weightKg', 0.9, {}],
    ['weightKg', 400.1, {}],
    ['heightCm', 29.9, {}],
    ['heightCm', 251, {}],
  ] as const)('%s %d is out of range', (field, value, rest) => {
    const errors = checkVitals({ ...rest, [field]: value });
    expect(Object.keys(errors)).toEqual([field]);
    const r = VITAL_RANGES[field];
    expect(errors[field]).toBe(`${r.label} should be between ${r.min} and ${r.max} ${r.unit}.`);
  });
  it('wants whole numbers for blood pressure and heart rate, not for weight and height', () => {
    expect(checkVitals({ systolic: 120.5, diastolic: 80, heartRate: 70.2 })).toEqual({
      systolic: 'Systolic pressure must be a whole number.',
      heartRate: 'Heart rate must be a whole number.',
    });
    expect(checkVitals({ systolic: 120, diastolic: 80.5 })).toEqual({
      diastolic: 'Diastolic pressure must be a whole number.',
    });
    expect(checkVitals({ weightKg: 70.25, heightCm: 170.4 })).toEqual({});
  });
  it('wants both blood-pressure values or neither', () => {
    expect(checkVitals({ systolic: 120 })).toEqual({
      diastolic: 'Give both blood-pressure values, or neither.',
    });
    expect(checkVitals({ diastolic: 80, systolic: null })).toEqual({
      systolic: 'Give both blood-pressure values, or neither.',
    });
  });
  it('wants diastolic below systolic', () => {
    expect(checkVitals({ systolic: 80, diastolic: 120 })).toEqual({
      diastolic: 'Diastolic pressure must be below systolic.',
    });
    expect(checkVitals({ systolic: 90, diastolic: 90 })).toEqual({
      diastolic: 'Diastolic pressure must be below systolic.',
    });
    expect(checkVitals({ systolic: 91, diastolic: 90 })).toEqual({});
  });
  it('reports range problems before the ordering check', () => {
    expect(checkVitals({ systolic: 40, diastolic: 60 })).toEqual({
      systolic: 'Systolic pressure should be between 50 and 260 mmHg.',
    });
  });
  it('reports several fields at once', () => {
    expect(Object.keys(checkVitals({ systolic: 300, heartRate: 5, weightKg: 900 })).sort()).toEqual([
      'diastolic',
      'heartRate',
      'systolic',
      'weightKg',
    ]);
  });
  it('reports non-finite numbers as a message', () => {
    expect(checkVitals({ heartRate: Number.NaN })).toEqual({ heartRate: 'Heart rate must be a number.' });
    expect(checkVitals({ weightKg: Number.POSITIVE_INFINITY })).toEqual({
      weightKg: 'Weight must be a number.',
    });
  });
  it('ignores unknown fields', () => {
    expect(checkVitals({ temperature: 99 } as never)).toEqual({});
  });
  it('throws on a non-object or a non-number field', () => {
    expect(() => checkVitals(null as never)).toThrow(/vitals/);
    expect(() => checkVitals([] as never)).toThrow(/vitals/);
    expect(() => checkVitals({ systolic: '120' as never, diastolic: 80 })).toThrow(/systolic/);
  });
  it('ranges are frozen data', () => {
    expect(Object.isFrozen(VITAL_RANGES)).toBe(true);
    expect(VITAL_RANGES.systolic).toMatchObject({ min: 50, max: 260, integer: true });
  });
});
