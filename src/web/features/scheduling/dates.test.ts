import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMinutes,
  formatDay,
  formatWeekRange,
  isDate,
  isTime,
  todayIn,
  weekDates,
  weekStart,
  weekdayOf,
} from './dates.js';

describe('date-only arithmetic', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-03-07', 7)).toBe('2026-03-14');
  });

  it('finds the weekday and the Monday of the week', () => {
    expect(weekdayOf('2026-05-04')).toBe('MO');
    expect(weekdayOf('2026-05-10')).toBe('SU');
    expect(weekStart('2026-05-10')).toBe('2026-05-04');
    expect(weekStart('2026-05-04')).toBe('2026-05-04');
    expect(weekStart('2026-03-01')).toBe('2026-02-23');
  });

  it('lists the seven days Monday to Sunday', () => {
    expect(weekDates('2026-05-06')).toEqual([
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
      '2026-05-10',
    ]);
  });

  it('gives today in the clinic’s zone, not the browser’s', () => {
    const lateEvening = new Date('2026-05-05T02:30:00Z');
    expect(todayIn('America/New_York', lateEvening)).toBe('2026-05-04');
    expect(todayIn('UTC', lateEvening)).toBe('2026-05-05');
  });

  it('labels days and weeks', () => {
    expect(formatDay('2026-05-04')).toBe('Mon, May 4');
    expect(formatWeekRange('2026-05-04')).toBe('May 4 – May 10, 2026');
  });

  it('adds minutes to clock times', () => {
    expect(addMinutes('09:00', 50)).toBe('09:50');
    expect(addMinutes('23:30', 90)).toBe('23:59');
  });

  it('validates dates and times', () => {
    expect(isDate('2026-05-04')).toBe(true);
    expect(isDate('2026-5-4')).toBe(false);
    expect(isTime('18:00')).toBe(true);
    expect(isTime('24:00')).toBe(false);
  });
});
