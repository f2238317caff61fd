import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADULT_IOP, checkIntensity } from '../hours/intensity.js';
import { expandWeekly } from './recurrence.js';
import { clinicDate, plannedWeek, weeksTouched } from './planned-week.js';

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';

/** The instant of a wall-clock time in `tz`, e.g. at('2026-11-30T18:00'). */
const at = (local: string, tz = NY): Date =>
  new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(tz).epochMilliseconds);
const session = (start: string, end: string, tz = NY) => ({ startsAt: at(start, tz), endsAt: at(end, tz) });

describe('clinicDate', () => {
  it('gives the clinic-local date, not the UTC one', () => {
    // Mon 30 Nov 21:00 EST is Tue 02:00Z.
    expect(clinicDate(new Date('2026-12-01T02:00:00Z'), NY)).toBe('2026-11-30');
    expect(clinicDate(new Date('2026-12-01T02:00:00Z'), 'UTC')).toBe('2026-12-01');
    expect(clinicDate(new Date('2026-12-01T02:00:00Z'), 'Asia/Tokyo')).toBe('2026-12-01');
  });

  it('local midnight belongs to the new day', () => {
    expect(clinicDate(at('2026-12-01T00:00'), NY)).toBe('2026-12-01');
    expect(clinicDate(new Date(at('2026-12-01T00:00').getTime() - 1), NY)).toBe('2026-11-30');
  });

  it('follows the DST offset change (EDT −4 in summer, EST −5 in winter)', () => {
    expect(clinicDate(new Date('2026-07-01T03:30:00Z'), NY)).toBe('2026-06-30');
    expect(clinicDate(new Date('2026-07-01T04:30:00Z'), NY)).toBe('2026-07-01');
    expect(clinicDate(new Date('2026-01-01T04:30:00Z'), NY)).toBe('2025-12-31');
  });

  it('rejects an invalid instant or time zone', () => {
    expect(() => clinicDate(new Date(NaN), NY)).toThrow(/Invalid instant/);
    expect(() => clinicDate(new Date(), 'Eastern')).toThrow(/Invalid time zone "Eastern"/);
  });
});

describe('plannedWeek', () => {
  it('one entry per session with its clinic-local date and minutes, in time order', () => {
    const sessions = [
      session('2026-12-03T18:00', '2026-12-03T21:00'),
      session('2026-11-30T18:00', '2026-11-30T21:00'),
      session('2026-12-02T18:00', '2026-12-02T21:00'),
      session('2026-12-02T14:00', '2026-12-02T14:50'),
    ];
    expect(plannedWeek(sessions, NY, '2026-11-30')).toEqual([
      { date: '2026-11-30', minutes: 180 },
      { date: '2026-12-02', minutes: 50 },
      { date: '2026-12-02', minutes: 180 },
      { date: '2026-12-03', minutes: 180 },
    ]);
  });

  it('an evening session that is already "tomorrow" in UTC counts on its clinic-local date', () => {
    // Sun 6 Dec 20:00–23:00 EST is Mon 01:00Z–04:00Z: still the week of 30 Nov.
    const s = session('2026-12-06T20:00', '2026-12-06T23:00');
    expect(s.startsAt.toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(plannedWeek([s], NY, '2026-11-30')).toEqual([{ date: '2026-12-06', minutes: 180 }]);
    expect(plannedWeek([s], NY, '2026-12-07')).toEqual([]);
  });

  it('ignores sessions before Monday 00:00 or from the next Monday 00:00, clinic-local', () => {
    const sessions = [
      session('2026-11-29T23:00', '2026-11-29T23:59'), // Sunday before
      session('2026-11-30T00:00', '2026-11-30T01:00'), // Monday first minute
      session('2026-12-06T23:00', '2026-12-06T23:59'), // Sunday last hour
      session('2026-12-07T00:00', '2026-12-07T01:00'), // next Monday
    ];
    expect(plannedWeek(sessions, NY, '2026-11-30').map((p) => p.date)).toEqual(['2026-11-30', '2026-12-06']);
  });

  it('a session crossing midnight counts entirely on its start date', () => {
    const late = session('2026-12-02T22:30', '2026-12-03T00:30');
    expect(plannedWeek([late], NY, '2026-11-30')).toEqual([{ date: '2026-12-02', minutes: 120 }]);
    // Sunday night into Monday stays in the week it started.
    const sunday = session('2026-12-06T23:00', '2026-12-07T01:00');
    expect(plannedWeek([sunday], NY, '2026-11-30')).toEqual([{ date: '2026-12-06', minutes: 120 }]);
    expect(plannedWeek([sunday], NY, '2026-12-07')).toEqual([]);
  });

  it('spring forward week (2026-03-08): real elapsed minutes, an hour short across the gap', () => {
    const sessions = [
      session('2026-03-02T18:00', '2026-03-02T21:00'), // Mon, EST
      session('2026-03-08T00:30', '2026-03-08T03:30'), // Sun, crosses 02:00→03:00: 2 real hours
      session('2026-03-07T18:00', '2026-03-07T21:00'), // Sat, EST
    ];
    expect(plannedWeek(sessions, NY, '2026-03-02')).toEqual([
      { date: '2026-03-02', minutes: 180 },
      { date: '2026-03-07', minutes: 180 },
      { date: '2026-03-08', minutes: 120 },
    ]);
  });

  it('fall back week (2026-11-01): an hour longer across the repeated hour', () => {
    const sessions = [
      session('2026-10-26T18:00', '2026-10-26T21:00'), // Mon, EDT
      { startsAt: new Date('2026-11-01T04:30:00Z'), endsAt: new Date('2026-11-01T07:30:00Z') }, // Sun 00:30 EDT → 02:30 EST
    ];
    expect(plannedWeek(sessions, NY, '2026-10-26')).toEqual([
      { date: '2026-10-26', minutes: 180 },
      { date: '2026-11-01', minutes: 180 },
    ]);
    // Its wall clock shows 00:30–02:30, yet the member attends three real hours.
    expect(clinicDate(new Date('2026-11-01T07:30:00Z'), NY)).toBe('2026-11-01');
  });

  it('the Sunday of spring forward is still in the week: Sunday 23:00 EDT starts at 03:00Z Monday', () => {
    const s = session('2026-03-08T23:00', '2026-03-08T23:45');
    expect(s.startsAt.toISOString()).toBe('2026-03-09T03:00:00.000Z');
    expect(plannedWeek([s], NY, '2026-03-02')).toEqual([{ date: '2026-03-08', minutes: 45 }]);
  });

  it('keeps fractional minutes (a session ending at :30 seconds)', () => {
    const start = at('2026-11-30T18:00');
    const s = { startsAt: start, endsAt: new Date(start.getTime() + 90_500) };
    expect(plannedWeek([s], NY, '2026-11-30')).toEqual([{ date: '2026-11-30', minutes: 90_500 / 60_000 }]);
  });

  it('the same instants fall into different dates in different clinics', () => {
    // 04:30Z Monday is still Sunday evening in New York (23:30) and Los Angeles (20:30).
    const s = { startsAt: new Date('2026-12-07T04:30:00Z'), endsAt: new Date('2026-12-07T06:00:00Z') };
    expect(plannedWeek([s], NY, '2026-12-07')).toEqual([]); // Sun 23:30 EST
    expect(plannedWeek([s], NY, '2026-11-30')).toEqual([{ date: '2026-12-06', minutes: 90 }]);
    expect(plannedWeek([s], LA, '2026-11-30')).toEqual([{ date: '2026-12-06', minutes: 90 }]);
    expect(plannedWeek([s], 'UTC', '2026-12-07')).toEqual([{ date: '2026-12-07', minutes: 90 }]);
  });

  it('feeds checkIntensity directly: Mon/Wed/Thu 18:00–21:00 is 9 h on 3 days, DST week included', () => {
    const block = {
      weekdays: ['MO' as const, 'WE' as const, 'TH' as const],
      start: '18:00',
      end: '21:00',
      timeZone: NY,
    };
    for (const monday of ['2026-03-02', '2026-03-09', '2026-10-26', '2026-11-02']) {
      const occ = expandWeekly(block, { from: '2026-02-23', to: '2026-11-15' });
      const planned = plannedWeek(occ, NY, monday);
      expect(planned).toHaveLength(3);
      const result = checkIntensity(planned, DEFAULT_ADULT_IOP);
      expect(result.hoursPerWeek).toBe(9);
      expect(result.daysPerWeek).toBe(3);
      expect(result.ok).toBe(true);
    }
  });

  it('an empty week gives an empty list', () => {
    expect(plannedWeek([], NY, '2026-11-30')).toEqual([]);
  });

  it('a zero-length session gives 0 minutes; one that ends before it starts is refused', () => {
    const start = at('2026-11-30T18:00');
    expect(plannedWeek([{ startsAt: start, endsAt: start }], NY, '2026-11-30')).toEqual([
      { date: '2026-11-30', minutes: 0 },
    ]);
    expect(() =>
      plannedWeek([{ startsAt: start, endsAt: at('2026-11-30T17:00') }], NY, '2026-11-30'),
    ).toThrow(/Session 1 ends .* before it starts/);
  });

  it('refuses a week start that is not a Monday, or not a real date', () => {
    expect(() => plannedWeek([], NY, '2026-12-01')).toThrow('Week start 2026-12-01 is not a Monday');
    expect(() => plannedWeek([], NY, '2026-11-29')).toThrow(/not a Monday/);
    expect(() => plannedWeek([], NY, '2026-02-30')).toThrow(/Invalid monday date "2026-02-30"/);
    expect(() => plannedWeek([], NY, '30/11/2026')).toThrow(/Invalid monday date/);
  });

  it('refuses an invalid time zone or instant', () => {
    expect(() => plannedWeek([], 'Nowhere/City', '2026-11-30')).toThrow(/Invalid time zone/);
    expect(() => plannedWeek([{ startsAt: new Date(NaN), endsAt: new Date() }], NY, '2026-11-30')).toThrow(
      /Invalid startsAt of session 1/,
    );
  });
});

describe('weeksTouched', () => {
  it('returns sorted unique clinic-local Mondays', () => {
    const instants = [
      at('2026-12-09T18:00'),
      at('2026-11-30T18:00'),
      at('2026-12-06T23:30'), // Sunday night: still the week of 30 Nov
      at('2026-12-02T18:00'),
      at('2026-12-07T00:00'), // next Monday 00:00
    ];
    expect(weeksTouched(instants, NY)).toEqual(['2026-11-30', '2026-12-07']);
  });

  it('uses the clinic-local date, not UTC: Sunday 21:00 EST is Monday 02:00Z', () => {
    const sunday = at('2026-12-06T21:00');
    expect(weeksTouched([sunday], NY)).toEqual(['2026-11-30']);
    expect(weeksTouched([sunday], 'UTC')).toEqual(['2026-12-07']);
  });

  it('handles DST weeks and a year boundary', () => {
    expect(weeksTouched([at('2026-03-08T03:00'), at('2026-11-01T01:30')], NY)).toEqual([
      '2026-03-02',
      '2026-10-26',
    ]);
    // Thu 31 Dec 2026 and Sun 3 Jan 2027 share the week of Mon 28 Dec.
    expect(weeksTouched([at('2027-01-03T10:00'), at('2026-12-31T10:00')], NY)).toEqual(['2026-12-28']);
  });

  it('no instants, no weeks; invalid input is refused', () => {
    expect(weeksTouched([], NY)).toEqual([]);
    expect(() => weeksTouched([new Date(NaN)], NY)).toThrow(/Invalid instant 1/);
    expect(() => weeksTouched([], 'EST5EDT-ish')).toThrow(/Invalid time zone/);
  });
});
