import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DROPOUT_THRESHOLDS,
  attendanceRate,
  consecutiveUnexcused,
  dropoutRisk,
} from './engagement.js';
import type { AttendanceHistoryItem, DropoutRiskInput } from './engagement.js';
import type { AttendanceStatus } from './minutes.js';

const h = (date: string, status: AttendanceStatus): AttendanceHistoryItem => ({ date, status });
const P = 'present';
const U = 'absent_unexcused';
const E = 'absent_excused';

const TODAY = '2026-11-30';
const risk = (over: Partial<DropoutRiskInput> = {}) =>
  dropoutRisk({ history: [], today: TODAY, weeklyShortfallHours: 0, worseningScores: [], ...over });

describe('consecutiveUnexcused', () => {
  it('is 0 for an empty history or when the last record is not an unexcused absence', () => {
    expect(consecutiveUnexcused([])).toBe(0);
    expect(consecutiveUnexcused([h('2026-11-23', U), h('2026-11-24', P)])).toBe(0);
    expect(consecutiveUnexcused([h('2026-11-23', U), h('2026-11-24', E)])).toBe(0);
    expect(consecutiveUnexcused([h('2026-11-23', U), h('2026-11-24', 'late')])).toBe(0);
  });

  it('counts the trailing run of unexcused absences', () => {
    expect(consecutiveUnexcused([h('2026-11-23', P), h('2026-11-24', U)])).toBe(1);
    expect(consecutiveUnexcused([h('2026-11-23', P), h('2026-11-24', U), h('2026-11-25', U)])).toBe(2);
    expect(consecutiveUnexcused([h('2026-11-23', U), h('2026-11-24', U), h('2026-11-25', U)])).toBe(3);
  });

  it('an excused absence breaks the run', () => {
    expect(consecutiveUnexcused([h('2026-11-23', U), h('2026-11-24', E), h('2026-11-25', U)])).toBe(1);
  });

  it('orders by date, not by input order', () => {
    expect(consecutiveUnexcused([h('2026-11-25', U), h('2026-11-23', P), h('2026-11-24', U)])).toBe(2);
    expect(consecutiveUnexcused([h('2026-11-25', P), h('2026-11-23', U), h('2026-11-24', U)])).toBe(0);
    expect(consecutiveUnexcused([h('2027-01-02', U), h('2026-12-31', U), h('2026-12-30', P)])).toBe(2);
  });

  it('keeps input order for records on the same date', () => {
    expect(consecutiveUnexcused([h('2026-11-24', U), h('2026-11-25', P), h('2026-11-25', U)])).toBe(1);
    expect(consecutiveUnexcused([h('2026-11-24', U), h('2026-11-25', U), h('2026-11-25', P)])).toBe(0);
  });

  it('rejects an invalid date or status', () => {
    expect(() => consecutiveUnexcused([h('2026-11-31', U)])).toThrow(/Invalid attendance record 1 date/);
    expect(() => consecutiveUnexcused([h('2026-11-30', P), h('30/11/2026', U)])).toThrow(
      /attendance record 2/,
    );
    expect(() => consecutiveUnexcused([h('2026-11-30', 'no_show' as AttendanceStatus)])).toThrow(
      /Invalid attendance status "no_show"/,
    );
  });
});

describe('attendanceRate', () => {
  it('is null with no records', () => {
    expect(attendanceRate([])).toBeNull();
  });

  it('counts late and early departures as attended, absences of both kinds as not', () => {
    expect(
      attendanceRate([
        h('2026-11-23', P),
        h('2026-11-24', 'late'),
        h('2026-11-25', 'left_early'),
        h('2026-11-26', 'late_and_left_early'),
        h('2026-11-27', E),
        h('2026-11-28', U),
        h('2026-11-29', U),
        h('2026-11-30', P),
      ]),
    ).toBe(5 / 8);
  });

  it('is 1 and 0 at the extremes', () => {
    expect(attendanceRate([h('2026-11-23', P), h('2026-11-24', P)])).toBe(1);
    expect(attendanceRate([h('2026-11-23', E), h('2026-11-24', U)])).toBe(0);
  });

  it('rejects an invalid record', () => {
    expect(() => attendanceRate([h('2026-02-29', P)])).toThrow(/Invalid attendance record 1 date/);
    expect(() => attendanceRate([h('2026-11-30', 'gone' as AttendanceStatus)])).toThrow(
      /Invalid attendance status/,
    );
  });
});

describe('DEFAULT_DROPOUT_THRESHOLDS', () => {
  it('is moderate from 3 points and high from 6, frozen', () => {
    expect(DEFAULT_DROPOUT_THRESHOLDS).toEqual({ moderate: 3, high: 6 });
    expect(Object.isFrozen(DEFAULT_DROPOUT_THRESHOLDS)).toBe(true);
  });
});

describe('dropoutRisk', () => {
  it('is low with no signals', () => {
    expect(risk()).toEqual({ level: 'low', points: 0, reasons: [] });
    expect(risk({ history: [h('2026-11-23', P), h('2026-11-24', 'late')] })).toEqual({
      level: 'low',
      points: 0,
      reasons: [],
    });
  });

  it('scores unexcused absences 2 and excused 1 in the last 14 days', () => {
    const r = risk({ history: [h('2026-11-20', U), h('2026-11-24', E), h('2026-11-25', P)] });
    expect(r).toEqual({
      level: 'moderate',
      points: 3,
      reasons: ['1 unexcused absence in the last 14 days', '1 excused absence in the last 14 days'],
    });
  });

  it('matches the plain-words example for 3 unexcused absences', () => {
    const r = risk({
      history: [
        h('2026-11-18', U),
        h('2026-11-20', P),
        h('2026-11-23', U),
        h('2026-11-25', U),
        h('2026-11-27', P),
      ],
    });
    expect(r.reasons).toEqual(['3 unexcused absences in the last 14 days']);
    expect(r).toMatchObject({ points: 6, level: 'high' });
  });

  it('uses a 14-day window including today', () => {
    // 2026-11-17 is the 14th day back from 2026-11-30 (inclusive); 2026-11-16 is outside.
    expect(risk({ history: [h('2026-11-16', E), h('2026-11-30', P)] }).points).toBe(0);
    expect(risk({ history: [h('2026-11-17', E), h('2026-11-30', P)] }).points).toBe(1);
    expect(risk({ history: [h('2026-11-30', E)] }).points).toBe(1);
  });

  it('ignores records dated after today', () => {
    const r = risk({
      history: [h('2026-11-29', P), h('2026-12-01', E), h('2026-12-02', U), h('2026-12-03', U)],
    });
    expect(r).toEqual({ level: 'low', points: 0, reasons: [] });
  });

  it('adds 2 points for 2 or more consecutive unexcused absences', () => {
    const r = risk({ history: [h('2026-11-25', P), h('2026-11-26', U), h('2026-11-27', U)] });
    expect(r).toEqual({
      level: 'high',
      points: 6,
      reasons: [
        '2 unexcused absences in the last 14 days',
        'Missed the last 2 sessions in a row without an excuse',
      ],
    });
  });

  it('counts a streak that began before the 14-day window', () => {
    const r = risk({ history: [h('2026-11-01', U), h('2026-11-10', U)] });
    expect(r.points).toBe(2);
    expect(r.reasons).toEqual(['Missed the last 2 sessions in a row without an excuse']);
  });

  it('adds no streak points for a single trailing unexcused absence', () => {
    expect(risk({ history: [h('2026-11-28', P), h('2026-11-29', U)] }).points).toBe(2);
  });

  it.each([
    [0, 0],
    [2.99, 0],
    [3, 1],
    [5.5, 1],
    [6, 2],
    [8.999, 2],
    [9, 3],
    [12, 3],
    [40, 3],
  ])('gives %s hours of weekly shortfall %s point(s), at most 3', (weeklyShortfallHours, points) => {
    expect(risk({ weeklyShortfallHours }).points).toBe(points);
  });

  it('explains the shortfall in hours', () => {
    expect(risk({ weeklyShortfallHours: 4.5 }).reasons).toEqual(['4.5 hours below the weekly minimum']);
    expect(risk({ weeklyShortfallHours: 1 }).reasons).toEqual([]);
  });

  it('adds 2 points when scores are worsening', () => {
    expect(risk({ worseningScores: ['PHQ-9 up 7 points'] })).toEqual({
      level: 'low',
      points: 2,
      reasons: ['Symptom scores worsening: PHQ-9 up 7 points'],
    });
  });

  it('sums every signal with reasons in a fixed order', () => {
    const r = risk({
      history: [h('2026-11-24', E), h('2026-11-26', U), h('2026-11-27', U), h('2026-11-28', U)],
      weeklyShortfallHours: 9,
      worseningScores: ['PHQ-9 up 7 points'],
    });
    expect(r).toEqual({
      level: 'high',
      points: 6 + 1 + 2 + 3 + 2,
      reasons: [
        '3 unexcused absences in the last 14 days',
        '1 excused absence in the last 14 days',
        'Missed the last 3 sessions in a row without an excuse',
        '9 hours below the weekly minimum',
        'Symptom scores worsening: PHQ-9 up 7 points',
      ],
    });
  });

  it.each([
    [2, 'low'],
    [3, 'moderate'],
    [5, 'moderate'],
    [6, 'high'],
  ] as const)('level boundaries: %s points → %s', (excusedCount, level) => {
    const history = Array.from({ length: excusedCount }, (_, i) =>
      h(`2026-11-${String(20 + i).padStart(2, '0')}`, E),
    );
    expect(risk({ history })).toMatchObject({ points: excusedCount, level });
  });

  it('accepts program thresholds', () => {
    const input = {
      history: [],
      today: TODAY,
      weeklyShortfallHours: 0,
      worseningScores: ['PHQ-9 up 7 points'],
    };
    expect(dropoutRisk(input, { moderate: 2, high: 4 }).level).toBe('moderate');
    expect(dropoutRisk(input, { moderate: 1, high: 2 }).level).toBe('high');
    expect(dropoutRisk(input, { moderate: 5, high: 5 }).level).toBe('low');
    expect(dropoutRisk({ ...input, worseningScores: [] }, { moderate: 0, high: 10 }).level).toBe('moderate');
  });

  it('spans a year end', () => {
    // Window for 2027-01-05 is 2026-12-23..2027-01-05: 2026-12-22 falls outside.
    const r = risk({
      today: '2027-01-05',
      history: [h('2026-12-22', U), h('2026-12-23', U), h('2026-12-31', U), h('2027-01-04', P)],
    });
    expect(r).toEqual({
      points: 4,
      level: 'moderate',
      reasons: ['2 unexcused absences in the last 14 days'],
    });
  });

  it('rejects invalid input', () => {
    expect(() => risk({ today: '2026-11-31' })).toThrow(/Invalid today date/);
    expect(() => risk({ history: [h('2026-1-5', U)] })).toThrow(/Invalid attendance record 1 date/);
    expect(() => risk({ history: [h('2026-11-20', 'skipped' as AttendanceStatus)] })).toThrow(
      /Invalid attendance status/,
    );
    for (const weeklyShortfallHours of [-1, NaN, Infinity]) {
      expect(() => risk({ weeklyShortfallHours })).toThrow(/Invalid weeklyShortfallHours/);
    }
    const input = { history: [], today: TODAY, weeklyShortfallHours: 0, worseningScores: [] };
    expect(() => dropoutRisk(input, { moderate: 6, high: 3 })).toThrow(/high is below moderate/);
    expect(() => dropoutRisk(input, { moderate: -1, high: 3 })).toThrow(/moderate must be a non-negative/);
    expect(() => dropoutRisk(input, { moderate: 3, high: NaN })).toThrow(/high must be a non-negative/);
  });
});
