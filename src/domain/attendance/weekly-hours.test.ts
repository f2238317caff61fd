import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ADOLESCENT_IOP, DEFAULT_ADULT_IOP } from '../hours/intensity.js';
import { attendedOutsideLimits, forecastWeek, weeklyHours } from './weekly-hours.js';
import type { AttendedSession, UpcomingSession } from './weekly-hours.js';

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const at = (local: string, tz = NY): Date =>
  new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(tz).epochMilliseconds);
const went = (local: string, minutes: number, tz = NY): AttendedSession => ({
  startsAt: at(local, tz),
  minutes,
});
let nextId = 0;
const upcoming = (
  start: string,
  end: string,
  opts: { id?: string; makeUp?: boolean; title?: string } = {},
) => ({
  sessionId: opts.id ?? `s${++nextId}`,
  title: opts.title ?? 'Group',
  startsAt: at(start),
  endsAt: at(end),
  makeUp: opts.makeUp ?? false,
});
const makeUp = (start: string, end: string, id: string, title = 'Make-up group'): UpcomingSession =>
  upcoming(start, end, { id, makeUp: true, title });

const ADULT = DEFAULT_ADULT_IOP;
const MON = '2026-11-23';

describe('weeklyHours', () => {
  it('totals credited minutes and distinct days, and reports the minimum met', () => {
    const r = weeklyHours(
      [went('2026-11-23T18:00', 180), went('2026-11-25T18:00', 180), went('2026-11-26T18:00', 180)],
      ADULT,
      NY,
      MON,
    );
    expect(r).toEqual({
      weekOf: MON,
      attendedMinutes: 540,
      attendedHours: 9,
      daysAttended: 3,
      minimumHours: 9,
      remainingHours: 0,
      met: true,
    });
  });

  it('reports the remaining hours when below the minimum', () => {
    const r = weeklyHours([went('2026-11-23T18:00', 165), went('2026-11-25T18:00', 180)], ADULT, NY, MON);
    expect(r).toMatchObject({ attendedMinutes: 345, attendedHours: 5.75, remainingHours: 3.25, met: false });
  });

  it('rounds hours to 2 decimals', () => {
    const r = weeklyHours([went('2026-11-23T18:00', 50)], ADULT, NY, MON);
    expect(r.attendedHours).toBe(0.83);
    expect(r.remainingHours).toBe(8.17);
  });

  it('uses the rule minimum (adolescent 6 h)', () => {
    const r = weeklyHours(
      [went('2026-11-23T16:00', 180), went('2026-11-24T16:00', 180)],
      DEFAULT_ADOLESCENT_IOP,
      NY,
      MON,
    );
    expect(r).toMatchObject({ minimumHours: 6, met: true, remainingHours: 0 });
  });

  it('meets a fractional minimum exactly (no float drift)', () => {
    const three = [
      went('2026-11-23T18:00', 179.6),
      went('2026-11-24T18:00', 179.6),
      went('2026-11-25T18:00', 179.6),
    ];
    expect(weeklyHours(three, { minHoursPerWeek: 8.98 }, NY, MON)).toMatchObject({
      met: true,
      remainingHours: 0,
    });
    expect(weeklyHours(three, { minHoursPerWeek: 8.99 }, NY, MON)).toMatchObject({
      met: false,
      remainingHours: 0.01,
    });
  });

  it('counts two sessions on one date as one day and ignores zero-minute sessions for days', () => {
    const r = weeklyHours(
      [went('2026-11-23T09:00', 120), went('2026-11-23T13:00', 90), went('2026-11-24T18:00', 0)],
      ADULT,
      NY,
      MON,
    );
    expect(r).toMatchObject({ attendedMinutes: 210, daysAttended: 1 });
  });

  it('meets a zero minimum with no attendance', () => {
    expect(weeklyHours([], { minHoursPerWeek: 0 }, NY, MON)).toMatchObject({ attendedHours: 0, met: true });
    expect(weeklyHours([], ADULT, NY, MON)).toMatchObject({
      attendedMinutes: 0,
      daysAttended: 0,
      remainingHours: 9,
    });
  });

  it('uses clinic-local week edges, not UTC', () => {
    const r = weeklyHours(
      [
        went('2026-11-22T23:30', 60), // Sunday before: out (04:30Z Monday)
        went('2026-11-23T00:00', 60), // local midnight Monday: in
        went('2026-11-29T23:30', 60), // Sunday 23:30 EST = Monday 04:30Z: in
        went('2026-11-30T00:00', 60), // next Monday: out
      ],
      ADULT,
      NY,
      MON,
    );
    expect(r).toMatchObject({ attendedMinutes: 120, daysAttended: 2 });
  });

  it('counts a session crossing midnight on its start date', () => {
    const r = weeklyHours([went('2026-11-29T22:00', 180)], ADULT, NY, MON);
    expect(r.attendedMinutes).toBe(180);
    expect(weeklyHours([went('2026-11-29T22:00', 180)], ADULT, NY, '2026-11-30').attendedMinutes).toBe(0);
  });

  it('depends on the clinic time zone', () => {
    const s = [{ startsAt: new Date('2026-11-30T06:30:00Z'), minutes: 60 }]; // Sun 22:30 LA, Mon 01:30 NY
    expect(weeklyHours(s, ADULT, LA, MON).attendedMinutes).toBe(60);
    expect(weeklyHours(s, ADULT, NY, MON).attendedMinutes).toBe(0);
    expect(weeklyHours(s, ADULT, NY, '2026-11-30').attendedMinutes).toBe(60);
  });

  it('spans a year end (week 2026-12-28 to 2027-01-03)', () => {
    const r = weeklyHours(
      [
        went('2026-12-27T18:00', 180), // previous Sunday: out
        went('2026-12-28T18:00', 180),
        went('2026-12-31T18:00', 180),
        went('2027-01-02T10:00', 120),
        went('2027-01-03T23:00', 30), // 04:00Z on 2027-01-04: still in
        went('2027-01-04T18:00', 180), // out
      ],
      ADULT,
      NY,
      '2026-12-28',
    );
    expect(r).toMatchObject({
      weekOf: '2026-12-28',
      attendedMinutes: 510,
      attendedHours: 8.5,
      daysAttended: 4,
      met: false,
    });
  });

  it('handles the spring-forward week (2026-03-02 to 2026-03-08, New York)', () => {
    const r = weeklyHours(
      [
        went('2026-03-01T23:30', 60), // previous Sunday: out
        went('2026-03-02T00:30', 60), // EST: in
        went('2026-03-08T00:30', 120), // crosses the gap: 120 real minutes credited
        went('2026-03-08T22:00', 60), // EDT, 02:00Z on 03-09: in
        went('2026-03-09T00:30', 60), // out
      ],
      ADULT,
      NY,
      '2026-03-02',
    );
    expect(r).toMatchObject({ attendedMinutes: 240, daysAttended: 2 });
  });

  it('handles the fall-back week (2026-10-26 to 2026-11-01, New York)', () => {
    const r = weeklyHours(
      [
        went('2026-10-26T00:00', 60), // EDT midnight: in
        went('2026-11-01T01:30', 60), // ambiguous hour (first one): in
        went('2026-11-01T23:30', 60), // EST, 04:30Z on 11-02: in
        went('2026-11-02T00:00', 60), // out
      ],
      ADULT,
      NY,
      '2026-10-26',
    );
    expect(r).toMatchObject({ attendedMinutes: 180, daysAttended: 2 });
  });

  it('rejects a week start that is not a real Monday', () => {
    expect(() => weeklyHours([], ADULT, NY, '2026-11-24')).toThrow(/2026-11-24 is not a Monday/);
    expect(() => weeklyHours([], ADULT, NY, '2026-11-29')).toThrow(/not a Monday/);
    expect(() => weeklyHours([], ADULT, NY, '2026-02-30')).toThrow(/Invalid monday date/);
    expect(() => weeklyHours([], ADULT, NY, '23/11/2026')).toThrow(/Invalid monday date/);
  });

  it('rejects an invalid time zone, instant, minutes or rule', () => {
    expect(() => weeklyHours([], ADULT, 'Eastern', MON)).toThrow(/Invalid time zone "Eastern"/);
    expect(() => weeklyHours([{ startsAt: new Date(NaN), minutes: 60 }], ADULT, NY, MON)).toThrow(
      /Invalid startsAt of attended session 1/,
    );
    for (const minutes of [-1, NaN, Infinity]) {
      expect(() => weeklyHours([went('2026-11-23T18:00', minutes)], ADULT, NY, MON)).toThrow(
        /Invalid minutes for attended session 1/,
      );
    }
    // Sessions outside the week are still validated.
    expect(() => weeklyHours([went('2025-01-01T18:00', -5)], ADULT, NY, MON)).toThrow(/Invalid minutes/);
    for (const minHoursPerWeek of [-1, NaN, Infinity]) {
      expect(() => weeklyHours([], { minHoursPerWeek }, NY, MON)).toThrow(
        /minHoursPerWeek must be a non-negative/,
      );
    }
  });
});

describe('forecastWeek', () => {
  const NOW = at('2026-11-25T12:00'); // Wednesday
  const base = { attended: [], scheduled: [], makeUps: [], rule: ADULT, timeZone: NY, now: NOW };

  it('is on track when attended + scheduled reach the minimum', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180)],
      scheduled: [
        upcoming('2026-11-26T18:00', '2026-11-26T21:00'),
        upcoming('2026-11-28T10:00', '2026-11-28T13:00'),
      ],
      makeUps: [makeUp('2026-11-27T10:00', '2026-11-27T13:00', 'm1')],
    });
    expect(f).toEqual({
      needsHours: 0,
      byDate: '2026-11-29',
      scheduledHours: 6,
      onTrack: true,
      makeUpOptions: [],
      message: 'On track: 9 hours attended or scheduled this week (minimum 9).',
    });
  });

  it('reports fractional totals in the on-track message', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180), went('2026-11-24T18:00', 150)],
      scheduled: [upcoming('2026-11-26T17:00', '2026-11-26T21:00')],
    });
    expect(f.message).toBe('On track: 9.5 hours attended or scheduled this week (minimum 9).');
    expect(f.scheduledHours).toBe(4);
  });

  it('says how many hours are needed by Sunday', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180), went('2026-11-24T18:00', 180)],
    });
    expect(f).toMatchObject({ needsHours: 3, onTrack: false, scheduledHours: 0, makeUpOptions: [] });
    expect(f.message).toBe('Needs 3 more hours by Sunday 2026-11-29 to reach 9.');
  });

  it('uses the singular for one hour and names scheduled time in the message', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180), went('2026-11-24T18:00', 120)],
      scheduled: [upcoming('2026-11-26T18:00', '2026-11-26T21:00')],
    });
    expect(f.needsHours).toBe(1);
    expect(f.message).toBe(
      'Needs 1 more hour by Sunday 2026-11-29 to reach 9 (5 attended, 3 still scheduled).',
    );
  });

  it('offers the fewest make-ups that cover the gap, listed by start time', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180)],
      makeUps: [
        makeUp('2026-11-28T13:00', '2026-11-28T16:00', 'sat-pm', 'Relapse prevention'),
        makeUp('2026-11-27T10:00', '2026-11-27T11:30', 'fri', 'Skills'),
        makeUp('2026-11-26T18:00', '2026-11-26T21:00', 'thu', 'Process group'),
        makeUp('2026-11-28T09:00', '2026-11-28T12:00', 'sat-am', 'DBT'),
      ],
    });
    expect(f.needsHours).toBe(6);
    expect(f.makeUpOptions).toEqual([
      { sessionId: 'thu', title: 'Process group', date: '2026-11-26', hours: 3 },
      { sessionId: 'sat-am', title: 'DBT', date: '2026-11-28', hours: 3 },
    ]);
  });

  it('prefers one long make-up over several short ones', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180), went('2026-11-24T18:00', 180)],
      makeUps: [
        makeUp('2026-11-26T10:00', '2026-11-26T11:30', 'a'),
        makeUp('2026-11-27T10:00', '2026-11-27T11:30', 'b'),
        makeUp('2026-11-28T10:00', '2026-11-28T13:00', 'c'),
      ],
    });
    expect(f.makeUpOptions.map((o) => o.sessionId)).toEqual(['c']);
  });

  it('fills the gap left after scheduled sessions only', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-23T18:00', 180), went('2026-11-24T18:00', 180)],
      scheduled: [upcoming('2026-11-26T18:00', '2026-11-26T20:00')],
      makeUps: [
        makeUp('2026-11-27T10:00', '2026-11-27T11:00', 'one'),
        makeUp('2026-11-28T10:00', '2026-11-28T13:00', 'three'),
      ],
    });
    expect(f).toMatchObject({ needsHours: 1, scheduledHours: 2, onTrack: false });
    expect(f.makeUpOptions.map((o) => o.sessionId)).toEqual(['three']);
  });

  it('lists what exists when make-ups cannot cover the whole gap', () => {
    const f = forecastWeek({ ...base, makeUps: [makeUp('2026-11-27T10:00', '2026-11-27T11:30', 'only')] });
    expect(f).toMatchObject({ needsHours: 9, onTrack: false });
    expect(f.makeUpOptions).toEqual([
      { sessionId: 'only', title: 'Make-up group', date: '2026-11-27', hours: 1.5 },
    ]);
  });

  it('skips make-ups that overlap each other or the patient’s own sessions', () => {
    const f = forecastWeek({
      ...base,
      scheduled: [upcoming('2026-11-27T18:00', '2026-11-27T21:00', { id: 'own' })],
      makeUps: [
        makeUp('2026-11-26T18:00', '2026-11-26T21:00', 'A'),
        makeUp('2026-11-26T19:00', '2026-11-26T22:00', 'B'), // overlaps A
        makeUp('2026-11-27T20:00', '2026-11-27T23:00', 'C'), // overlaps own session
        makeUp('2026-11-28T10:00', '2026-11-28T11:00', 'D'),
      ],
    });
    expect(f.makeUpOptions.map((o) => o.sessionId)).toEqual(['A', 'D']);
  });

  it('ignores make-ups that are not make-ups, already joined, started, outside the week or empty', () => {
    const f = forecastWeek({
      ...base,
      scheduled: [upcoming('2026-11-28T10:00', '2026-11-28T12:00', { id: 'joined', makeUp: true })],
      makeUps: [
        upcoming('2026-11-26T10:00', '2026-11-26T13:00', { id: 'regular' }),
        makeUp('2026-11-28T10:00', '2026-11-28T12:00', 'joined'),
        makeUp('2026-11-25T11:00', '2026-11-25T14:00', 'started'),
        makeUp('2026-11-24T10:00', '2026-11-24T13:00', 'past'),
        makeUp('2026-11-30T10:00', '2026-11-30T13:00', 'next-week'),
        makeUp('2026-11-27T10:00', '2026-11-27T10:00', 'empty'),
        makeUp('2026-11-25T12:00', '2026-11-25T13:00', 'starts-now'),
      ],
    });
    expect(f.scheduledHours).toBe(2);
    expect(f.makeUpOptions.map((o) => o.sessionId)).toEqual(['starts-now']);
  });

  it('counts only scheduled sessions not yet over and inside this week', () => {
    const f = forecastWeek({
      ...base,
      scheduled: [
        upcoming('2026-11-24T18:00', '2026-11-24T21:00'), // over
        upcoming('2026-11-25T11:00', '2026-11-25T13:00'), // in progress: full 2 h
        upcoming('2026-11-25T09:00', '2026-11-25T12:00'), // ends exactly now: over
        upcoming('2026-11-29T22:00', '2026-11-30T01:00'), // starts Sunday, crosses midnight: 3 h
        upcoming('2026-11-30T18:00', '2026-11-30T21:00'), // next week
      ],
    });
    expect(f.scheduledHours).toBe(5);
  });

  it('ignores attended sessions outside the current week', () => {
    const f = forecastWeek({
      ...base,
      attended: [went('2026-11-22T18:00', 600), went('2026-11-23T18:00', 180)],
    });
    expect(f.needsHours).toBe(6);
  });

  it('rounds scheduled and needed hours to 2 decimals', () => {
    const f = forecastWeek({ ...base, scheduled: [upcoming('2026-11-26T18:00', '2026-11-26T18:50')] });
    expect(f.scheduledHours).toBe(0.83);
    expect(f.needsHours).toBe(8.17);
    expect(f.message).toBe(
      'Needs 8.17 more hours by Sunday 2026-11-29 to reach 9 (0 attended, 0.83 still scheduled).',
    );
  });

  it('uses the rule minimum and is on track for a zero minimum', () => {
    expect(forecastWeek({ ...base, rule: { minHoursPerWeek: 0 } })).toMatchObject({
      onTrack: true,
      needsHours: 0,
    });
    const f = forecastWeek({
      ...base,
      rule: DEFAULT_ADOLESCENT_IOP,
      attended: [went('2026-11-23T16:00', 180)],
    });
    expect(f.message).toBe('Needs 3 more hours by Sunday 2026-11-29 to reach 6.');
  });

  it('takes the week from the clinic-local date of now', () => {
    const sundayNight = at('2026-11-29T23:30'); // Monday 04:30Z
    const f = forecastWeek({ ...base, now: sundayNight, attended: [went('2026-11-23T18:00', 540)] });
    expect(f).toMatchObject({ byDate: '2026-11-29', onTrack: true });
    const mondayMorning = forecastWeek({
      ...base,
      now: at('2026-11-30T00:00'),
      attended: [went('2026-11-23T18:00', 540)],
    });
    expect(mondayMorning).toMatchObject({ byDate: '2026-12-06', onTrack: false, needsHours: 9 });
  });

  it('spans a year end (week 2026-12-28 to 2027-01-03)', () => {
    const f = forecastWeek({
      ...base,
      now: at('2026-12-30T12:00'),
      attended: [went('2026-12-28T18:00', 180)],
      scheduled: [upcoming('2026-12-31T18:00', '2026-12-31T21:00')],
      makeUps: [
        makeUp('2027-01-02T10:00', '2027-01-02T13:00', 'sat'),
        makeUp('2027-01-04T10:00', '2027-01-04T13:00', 'next-mon'),
      ],
    });
    expect(f).toMatchObject({ byDate: '2027-01-03', needsHours: 3, scheduledHours: 3, onTrack: false });
    expect(f.makeUpOptions).toEqual([
      { sessionId: 'sat', title: 'Make-up group', date: '2027-01-02', hours: 3 },
    ]);
    expect(f.message).toBe(
      'Needs 3 more hours by Sunday 2027-01-03 to reach 9 (3 attended, 3 still scheduled).',
    );
  });

  it('counts real hours in the spring-forward week (New York 2026-03-08)', () => {
    const f = forecastWeek({
      ...base,
      now: at('2026-03-04T12:00'),
      attended: [went('2026-03-02T18:00', 180), went('2026-03-03T18:00', 180)],
      scheduled: [upcoming('2026-03-08T00:30', '2026-03-08T03:30')], // 2 real hours
      makeUps: [makeUp('2026-03-08T20:00', '2026-03-08T21:00', 'sun-eve')],
    });
    expect(f).toMatchObject({ byDate: '2026-03-08', scheduledHours: 2, needsHours: 1, onTrack: false });
    expect(f.makeUpOptions).toEqual([
      { sessionId: 'sun-eve', title: 'Make-up group', date: '2026-03-08', hours: 1 },
    ]);
  });

  it('counts real hours in the fall-back week (New York 2026-11-01)', () => {
    const f = forecastWeek({
      ...base,
      now: at('2026-10-28T12:00'),
      attended: [went('2026-10-26T18:00', 180), went('2026-10-27T18:00', 120)],
      scheduled: [upcoming('2026-11-01T00:30', '2026-11-01T03:30')], // 4 real hours
    });
    expect(f).toMatchObject({ byDate: '2026-11-01', scheduledHours: 4, needsHours: 0, onTrack: true });
    expect(f.message).toBe('On track: 9 hours attended or scheduled this week (minimum 9).');
  });

  it('rejects invalid input', () => {
    expect(() => forecastWeek({ ...base, now: new Date(NaN) })).toThrow(/Invalid now/);
    expect(() => forecastWeek({ ...base, timeZone: 'Nowhere/City' })).toThrow(/Invalid time zone/);
    expect(() => forecastWeek({ ...base, rule: { minHoursPerWeek: -9 } })).toThrow(/minHoursPerWeek/);
    expect(() =>
      forecastWeek({ ...base, scheduled: [upcoming('2026-11-26T21:00', '2026-11-26T18:00')] }),
    ).toThrow(/scheduled session 1 ends .* before it starts/);
    expect(() =>
      forecastWeek({ ...base, makeUps: [makeUp('2026-11-26T21:00', '2026-11-26T18:00', 'x')] }),
    ).toThrow(/make-up session 1 ends/);
    expect(() =>
      forecastWeek({
        ...base,
        makeUps: [{ ...makeUp('2026-11-26T18:00', '2026-11-26T21:00', 'x'), startsAt: new Date(NaN) }],
      }),
    ).toThrow(/Invalid startsAt of make-up session 1/);
    expect(() => forecastWeek({ ...base, attended: [went('2026-11-23T18:00', -1)] })).toThrow(
      /Invalid minutes/,
    );
  });
});

describe('attendedOutsideLimits', () => {
  const day = (d: string, minutes: number) => went(`${d}T09:00`, minutes);

  it('is empty for a week inside the program’s days and hours', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25'].map((d) => day(d, 180));
    expect(attendedOutsideLimits(week, ADULT, NY, MON, true)).toEqual([]);
  });

  it('names a week above the maximum hours and with too many days', () => {
    const week = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28'].map(
      (d) => day(d, 200),
    );
    expect(attendedOutsideLimits(week, ADULT, NY, MON, false)).toEqual([
      'Attended 20 hours; the program allows at most 19 a week.',
      'Attended on 6 days; the program allows at most 5.',
    ]);
  });

  it('names a day above the daily maximum, summing that day’s sessions', () => {
    expect(
      attendedOutsideLimits(
        [went('2026-11-24T09:00', 180), went('2026-11-24T14:00', 90), day('2026-11-25', 120)],
        ADULT,
        NY,
        MON,
        false,
      ),
    ).toEqual(['2026-11-24: attended 4.5 hours; the program allows at most 4 a day.']);
  });

  it('checks too few days only once the week is over', () => {
    const week = [day('2026-11-23', 240), day('2026-11-24', 240)];
    expect(attendedOutsideLimits(week, ADULT, NY, MON, false)).toEqual([]);
    expect(attendedOutsideLimits(week, ADULT, NY, MON, true)).toEqual([
      'Attended on 2 days; the program expects at least 3.',
    ]);
  });

  it('ignores absences (0 minutes) and reads dates in the clinic’s zone', () => {
    const week = [
      day('2026-11-23', 180),
      day('2026-11-24', 180),
      day('2026-11-25', 180),
      day('2026-11-26', 0),
      // Sunday 22:30 in Los Angeles is Monday 01:30 in New York.
      went('2026-11-22T22:30', 600, LA),
    ];
    expect(attendedOutsideLimits(week, ADULT, NY, MON, true)).toEqual([
      '2026-11-23: attended 13 hours; the program allows at most 4 a day.',
    ]);
    expect(attendedOutsideLimits(week, ADULT, LA, MON, true)).toEqual([]);
  });

  it('refuses a week that does not start on Monday', () => {
    expect(() => attendedOutsideLimits([], ADULT, NY, '2026-11-24', true)).toThrow(/not a Monday/);
  });
});
