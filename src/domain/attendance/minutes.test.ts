import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { ATTENDANCE_STATUSES, isAbsence, minutesAttended } from './minutes.js';
import type { AttendanceMark, AttendanceStatus } from './minutes.js';

const NY = 'America/New_York';
const at = (local: string, tz = NY): Date =>
  new Date(Temporal.PlainDateTime.from(local).toZonedDateTime(tz).epochMilliseconds);
const session = (start: string, end: string, tz = NY) => ({ startsAt: at(start, tz), endsAt: at(end, tz) });

/** A 3-hour evening group. */
const GROUP = session('2026-11-30T18:00', '2026-11-30T21:00');

describe('ATTENDANCE_STATUSES / isAbsence', () => {
  it('lists the six statuses in a stable order', () => {
    expect(ATTENDANCE_STATUSES).toEqual([
      'present',
      'late',
      'left_early',
      'late_and_left_early',
      'absent_excused',
      'absent_unexcused',
    ]);
  });

  it.each([
    ['present', false],
    ['late', false],
    ['left_early', false],
    ['late_and_left_early', false],
    ['absent_excused', true],
    ['absent_unexcused', true],
  ] as const)('%s → %s', (status, absent) => {
    expect(isAbsence(status)).toBe(absent);
  });

  it('rejects an unknown status', () => {
    expect(() => isAbsence('absent' as AttendanceStatus)).toThrow(/Invalid attendance status "absent"/);
    expect(() => isAbsence('' as AttendanceStatus)).toThrow(/Invalid attendance status/);
  });
});

describe('minutesAttended', () => {
  it('credits the whole session when present', () => {
    expect(minutesAttended(GROUP, { status: 'present' })).toBe(180);
  });

  it('credits telehealth like in-person attendance', () => {
    expect(minutesAttended(GROUP, { status: 'present', telehealth: true })).toBe(180);
    expect(minutesAttended(GROUP, { status: 'late', lateMinutes: 10, telehealth: true })).toBe(170);
  });

  it('subtracts late and left-early minutes', () => {
    expect(minutesAttended(GROUP, { status: 'late', lateMinutes: 15 })).toBe(165);
    expect(minutesAttended(GROUP, { status: 'left_early', leftEarlyMinutes: 30 })).toBe(150);
    expect(
      minutesAttended(GROUP, { status: 'late_and_left_early', lateMinutes: 15, leftEarlyMinutes: 30 }),
    ).toBe(135);
  });

  it('credits 0 for absences, excused or not', () => {
    expect(minutesAttended(GROUP, { status: 'absent_excused' })).toBe(0);
    expect(minutesAttended(GROUP, { status: 'absent_unexcused' })).toBe(0);
    expect(minutesAttended(GROUP, { status: 'absent_unexcused', telehealth: true })).toBe(0);
  });

  it('accepts 0 minutes as "not given" on any status', () => {
    expect(minutesAttended(GROUP, { status: 'present', lateMinutes: 0, leftEarlyMinutes: 0 })).toBe(180);
    expect(minutesAttended(GROUP, { status: 'absent_excused', lateMinutes: 0 })).toBe(0);
    expect(minutesAttended(GROUP, { status: 'late', lateMinutes: 5, leftEarlyMinutes: 0 })).toBe(175);
  });

  it('allows one minute short of the whole session', () => {
    expect(minutesAttended(GROUP, { status: 'late', lateMinutes: 179 })).toBe(1);
    expect(
      minutesAttended(GROUP, { status: 'late_and_left_early', lateMinutes: 90, leftEarlyMinutes: 89 }),
    ).toBe(1);
  });

  it('rejects late + left-early reaching or exceeding the session (mark absent instead)', () => {
    expect(() => minutesAttended(GROUP, { status: 'late', lateMinutes: 180 })).toThrow(
      /mark the person absent/,
    );
    expect(() => minutesAttended(GROUP, { status: 'left_early', leftEarlyMinutes: 181 })).toThrow(
      /reach the session length \(180 minutes\)/,
    );
    expect(() =>
      minutesAttended(GROUP, { status: 'late_and_left_early', lateMinutes: 90, leftEarlyMinutes: 90 }),
    ).toThrow(/absent/);
  });

  it.each([-1, 1.5, NaN, Infinity, -0.5])('rejects lateMinutes %s', (lateMinutes) => {
    expect(() => minutesAttended(GROUP, { status: 'late', lateMinutes })).toThrow(/Invalid lateMinutes/);
  });

  it.each([-5, 2.25, NaN])('rejects leftEarlyMinutes %s', (leftEarlyMinutes) => {
    expect(() => minutesAttended(GROUP, { status: 'left_early', leftEarlyMinutes })).toThrow(
      /Invalid leftEarlyMinutes/,
    );
  });

  it('rejects a non-number minutes value', () => {
    const mark = { status: 'late', lateMinutes: '10' } as unknown as AttendanceMark;
    expect(() => minutesAttended(GROUP, mark)).toThrow(/Invalid lateMinutes 10/);
  });

  it.each(['present', 'left_early', 'absent_excused', 'absent_unexcused'] as const)(
    'rejects late minutes for status %s',
    (status) => {
      expect(() => minutesAttended(GROUP, { status, lateMinutes: 10 })).toThrow(
        new RegExp(`lateMinutes \\(10\\) given for status "${status}"`),
      );
    },
  );

  it.each(['present', 'late', 'absent_excused', 'absent_unexcused'] as const)(
    'rejects left-early minutes for status %s',
    (status) => {
      const mark: AttendanceMark =
        status === 'late'
          ? { status, lateMinutes: 5, leftEarlyMinutes: 10 }
          : { status, leftEarlyMinutes: 10 };
      expect(() => minutesAttended(GROUP, mark)).toThrow(/leftEarlyMinutes \(10\) given for status/);
    },
  );

  it('requires the minutes that a late / left-early status implies', () => {
    expect(() => minutesAttended(GROUP, { status: 'late' })).toThrow(/"late" needs lateMinutes/);
    expect(() => minutesAttended(GROUP, { status: 'late', lateMinutes: 0 })).toThrow(/needs lateMinutes/);
    expect(() => minutesAttended(GROUP, { status: 'left_early' })).toThrow(/needs leftEarlyMinutes/);
    expect(() => minutesAttended(GROUP, { status: 'late_and_left_early', lateMinutes: 5 })).toThrow(
      /needs leftEarlyMinutes/,
    );
    expect(() => minutesAttended(GROUP, { status: 'late_and_left_early', leftEarlyMinutes: 5 })).toThrow(
      /needs lateMinutes/,
    );
  });

  it('rejects an unknown status', () => {
    expect(() => minutesAttended(GROUP, { status: 'excused' as AttendanceStatus })).toThrow(
      /Invalid attendance status "excused"/,
    );
  });

  it('counts real elapsed minutes on the spring-forward night (New York 2026-03-08)', () => {
    const s = session('2026-03-08T00:30', '2026-03-08T03:30');
    expect(minutesAttended(s, { status: 'present' })).toBe(120);
    expect(minutesAttended(s, { status: 'late', lateMinutes: 30 })).toBe(90);
    expect(() => minutesAttended(s, { status: 'late', lateMinutes: 120 })).toThrow(/absent/);
  });

  it('counts real elapsed minutes on the fall-back night (New York 2026-11-01)', () => {
    const s = session('2026-11-01T00:30', '2026-11-01T03:30');
    expect(minutesAttended(s, { status: 'present' })).toBe(240);
    expect(minutesAttended(s, { status: 'left_early', leftEarlyMinutes: 200 })).toBe(40);
  });

  it('counts a session crossing midnight and a year end', () => {
    const s = session('2026-12-31T22:00', '2027-01-01T01:00');
    expect(minutesAttended(s, { status: 'present' })).toBe(180);
  });

  it('rounds partial minutes down', () => {
    const start = new Date('2026-11-30T23:00:00Z');
    const s = { startsAt: start, endsAt: new Date(start.getTime() + 90 * 60_000 + 59_999) };
    expect(minutesAttended(s, { status: 'present' })).toBe(90);
    expect(minutesAttended(s, { status: 'late', lateMinutes: 10 })).toBe(80);
    expect(() => minutesAttended(s, { status: 'late', lateMinutes: 90 })).toThrow(/reach the session length/);
  });

  it('credits 0 for a zero-length session when present, and rejects lateness on it', () => {
    const s = { startsAt: GROUP.startsAt, endsAt: GROUP.startsAt };
    expect(minutesAttended(s, { status: 'present' })).toBe(0);
    expect(minutesAttended(s, { status: 'absent_excused' })).toBe(0);
    expect(() => minutesAttended(s, { status: 'late', lateMinutes: 1 })).toThrow(/absent/);
  });

  it('never returns more than the session or less than zero', () => {
    const statuses: AttendanceMark[] = [
      { status: 'present' },
      { status: 'late', lateMinutes: 1 },
      { status: 'left_early', leftEarlyMinutes: 179 },
      { status: 'late_and_left_early', lateMinutes: 1, leftEarlyMinutes: 1 },
      { status: 'absent_excused' },
      { status: 'absent_unexcused' },
    ];
    for (const mark of statuses) {
      const m = minutesAttended(GROUP, mark);
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThanOrEqual(180);
      expect(Number.isInteger(m)).toBe(true);
    }
  });

  it('rejects invalid or reversed session instants', () => {
    expect(() =>
      minutesAttended({ startsAt: new Date(NaN), endsAt: GROUP.endsAt }, { status: 'present' }),
    ).toThrow(/Invalid session startsAt/);
    expect(() =>
      minutesAttended({ startsAt: GROUP.startsAt, endsAt: 'x' as unknown as Date }, { status: 'present' }),
    ).toThrow(/Invalid session endsAt/);
    expect(() =>
      minutesAttended({ startsAt: GROUP.endsAt, endsAt: GROUP.startsAt }, { status: 'present' }),
    ).toThrow(/ends .* before it starts/);
  });

  it('checks the session before the mark (a reversed absence still throws)', () => {
    expect(() =>
      minutesAttended({ startsAt: GROUP.endsAt, endsAt: GROUP.startsAt }, { status: 'absent_excused' }),
    ).toThrow(/before it starts/);
  });
});
