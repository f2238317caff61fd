import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIntensity,
  DEFAULT_ADOLESCENT_IOP,
  DEFAULT_ADULT_IOP,
  weekOf,
  type IntensityRule,
  type PlannedSession,
  type ShortfallCode,
} from './intensity.js';

// Week of Mon 2026-11-02 .. Sun 2026-11-08.
const MON = '2026-11-02';
const TUE = '2026-11-03';
const WED = '2026-11-04';
const THU = '2026-11-05';
const FRI = '2026-11-06';
const SAT = '2026-11-07';
const SUN = '2026-11-08';
const WEEK = [MON, TUE, WED, THU, FRI, SAT, SUN];

const codes = (planned: PlannedSession[], rule: IntensityRule = DEFAULT_ADULT_IOP): ShortfallCode[] =>
  checkIntensity(planned, rule).shortfalls.map((s) => s.code);

/** `days` days from Monday, each with `minutes`. */
const evenWeek = (days: number, minutes: number): PlannedSession[] =>
  WEEK.slice(0, days).map((date) => ({ date, minutes }));

/** A rule that only constrains one dimension, so boundary tests isolate one shortfall. */
const LOOSE: IntensityRule = {
  minHoursPerWeek: 0,
  minDaysPerWeek: 0,
  maxDaysPerWeek: 7,
  minHoursPerDay: 0,
  maxHoursPerDay: 24,
};

describe('default rules (data)', () => {
  it('adult: ASAM 2.1 9–19 h/week; program 3–5 days, 2–4 h/day', () => {
    expect(DEFAULT_ADULT_IOP).toEqual({
      minHoursPerWeek: 9,
      maxHoursPerWeek: 19,
      minDaysPerWeek: 3,
      maxDaysPerWeek: 5,
      minHoursPerDay: 2,
      maxHoursPerDay: 4,
    });
  });
  it('adolescent: ASAM 2.1 6–19 h/week; program 3–5 days, 2–4 h/day', () => {
    expect(DEFAULT_ADOLESCENT_IOP).toEqual({ ...DEFAULT_ADULT_IOP, minHoursPerWeek: 6 });
  });
  it('are frozen so a caller cannot mutate the shared defaults', () => {
    expect(Object.isFrozen(DEFAULT_ADULT_IOP)).toBe(true);
    expect(Object.isFrozen(DEFAULT_ADOLESCENT_IOP)).toBe(true);
  });
});

describe('weekOf', () => {
  it.each(WEEK)('%s is in the week Mon 2026-11-02 .. Sun 2026-11-08', (d) => {
    expect(weekOf(d)).toEqual({ monday: MON, sunday: SUN });
  });
  it('crosses month and year boundaries', () => {
    expect(weekOf('2027-01-01')).toEqual({ monday: '2026-12-28', sunday: '2027-01-03' });
    expect(weekOf('2024-03-01')).toEqual({ monday: '2024-02-26', sunday: '2024-03-03' });
  });
  it('handles leap days', () => {
    expect(weekOf('2024-02-29')).toEqual({ monday: '2024-02-26', sunday: '2024-03-03' });
  });
  it.each([
    '2026-13-01',
    '2026-02-30',
    '2025-02-29',
    '2026-1-05',
    '20261105',
    '',
    'nope',
    '2026-11-05T00:00',
  ])('rejects %j', (bad) => {
    expect(() => weekOf(bad)).toThrow(/Invalid date/);
  });
});

describe('checkIntensity — weekly hours', () => {
  it('exactly 9 h is ok (adult)', () => {
    const r = checkIntensity(evenWeek(3, 180), DEFAULT_ADULT_IOP);
    expect(r.hoursPerWeek).toBe(9);
    expect(r.ok).toBe(true);
    expect(r.shortfalls).toEqual([]);
  });
  it('8.98 h is short', () => {
    const r = checkIntensity([{ date: MON, minutes: 8.98 * 60 }], { ...LOOSE, minHoursPerWeek: 9 });
    expect(r.ok).toBe(false);
    expect(r.shortfalls).toEqual([
      {
        code: 'below_weekly_minimum',
        message: 'Planned 8.98 hours this week; the program requires at least 9 (0.02 short).',
        needed: 0.02,
      },
    ]);
  });
  it('matches the plain-words example for 7.5 h', () => {
    const r = checkIntensity(evenWeek(3, 150), DEFAULT_ADULT_IOP);
    expect(r.shortfalls).toEqual([
      {
        code: 'below_weekly_minimum',
        message: 'Planned 7.5 hours this week; the program requires at least 9 (1.5 short).',
        needed: 1.5,
      },
    ]);
  });
  it('exactly 19 h is ok; 19.01 h is above the maximum', () => {
    const rule = { ...LOOSE, maxHoursPerWeek: 19 };
    expect(checkIntensity([{ date: MON, minutes: 19 * 60 }], rule).ok).toBe(true);
    const r = checkIntensity([{ date: MON, minutes: 19.01 * 60 }], rule);
    expect(r.shortfalls).toEqual([
      {
        code: 'above_weekly_maximum',
        message: 'Planned 19.01 hours this week; the program allows at most 19 (0.01 over).',
      },
    ]);
  });
  it('19 h across 5 days of 3.8 h is ok under the adult default; 19.5 h is over', () => {
    expect(checkIntensity(evenWeek(5, 228), DEFAULT_ADULT_IOP).ok).toBe(true);
    expect(codes(evenWeek(5, 234))).toEqual(['above_weekly_maximum']);
  });
  it('no weekly maximum when maxHoursPerWeek is omitted', () => {
    expect(checkIntensity(evenWeek(7, 20 * 60), LOOSE).ok).toBe(true); // 140 h
  });
  it('compares exactly despite fractional minutes that drift in floating point', () => {
    // 5400 pieces of 0.1 min = 540 min; a naive float sum drifts off 540.
    const pieces: PlannedSession[] = Array.from({ length: 5400 }, () => ({ date: MON, minutes: 0.1 }));
    const r = checkIntensity(pieces, { ...LOOSE, minHoursPerWeek: 9, maxHoursPerWeek: 9 });
    expect(r.hoursPerWeek).toBe(9);
    expect(r.ok).toBe(true);
  });
});

describe('checkIntensity — days per week', () => {
  const rule = { ...LOOSE, minDaysPerWeek: 3, maxDaysPerWeek: 5 };
  it('3 days ok; 2 days too few', () => {
    expect(checkIntensity(evenWeek(3, 60), rule).ok).toBe(true);
    const r = checkIntensity(evenWeek(2, 60), rule);
    expect(r.shortfalls).toEqual([
      {
        code: 'too_few_days',
        message: 'Sessions planned on 2 days this week; the program requires at least 3 (1 more day needed).',
        needed: 1,
      },
    ]);
  });
  it('5 days ok; 6 days too many', () => {
    expect(checkIntensity(evenWeek(5, 60), rule).ok).toBe(true);
    const r = checkIntensity(evenWeek(6, 60), rule);
    expect(r.shortfalls).toEqual([
      {
        code: 'too_many_days',
        message: 'Sessions planned on 6 days this week; the program allows at most 5.',
      },
    ]);
  });
  it('several sessions on one date count as one day', () => {
    const r = checkIntensity(
      [
        { date: MON, minutes: 60 },
        { date: MON, minutes: 60 },
        { date: MON, minutes: 60 },
      ],
      rule,
    );
    expect(r.daysPerWeek).toBe(1);
    expect(
      codes(
        [
          { date: MON, minutes: 60 },
          { date: MON, minutes: 60 },
        ],
        rule,
      ),
    ).toEqual(['too_few_days']);
  });
  it('a date with only zero-minute entries is not a planned day', () => {
    const r = checkIntensity([...evenWeek(3, 60), { date: SUN, minutes: 0 }], rule);
    expect(r.daysPerWeek).toBe(3);
    expect(r.hoursByDay).toEqual({ [MON]: 1, [TUE]: 1, [WED]: 1 });
  });
  it('empty plan: 0 hours, 0 days, with weekly and day-count shortfalls', () => {
    const r = checkIntensity([], DEFAULT_ADULT_IOP);
    expect(r).toMatchObject({ hoursPerWeek: 0, daysPerWeek: 0, hoursByDay: {}, ok: false });
    expect(r.shortfalls.map((s) => s.code)).toEqual(['below_weekly_minimum', 'too_few_days']);
    expect(r.shortfalls[1]?.message).toContain('0 days');
    expect(r.shortfalls[1]?.message).toContain('3 more days needed');
  });
});

describe('checkIntensity — hours per day', () => {
  const rule = { ...LOOSE, minHoursPerDay: 2, maxHoursPerDay: 4 };
  it('2 h day ok; 1.99 h day too short', () => {
    expect(checkIntensity([{ date: TUE, minutes: 120 }], rule).ok).toBe(true);
    const r = checkIntensity([{ date: TUE, minutes: 1.99 * 60 }], rule);
    expect(r.shortfalls).toEqual([
      {
        code: 'day_too_short',
        message: 'Tue 2026-11-03: 1.99 hours planned; days must be 2–4 hours.',
        date: TUE,
        needed: 0.01,
      },
    ]);
  });
  it('matches the plain-words example for a 1.5 h Tuesday', () => {
    const [s] = checkIntensity([{ date: TUE, minutes: 90 }], rule).shortfalls;
    expect(s?.message).toBe('Tue 2026-11-03: 1.5 hours planned; days must be 2–4 hours.');
    expect(s?.needed).toBe(0.5);
  });
  it('4 h day ok; 4.01 h day too long', () => {
    expect(checkIntensity([{ date: FRI, minutes: 240 }], rule).ok).toBe(true);
    const r = checkIntensity([{ date: FRI, minutes: 4.01 * 60 }], rule);
    expect(r.shortfalls).toEqual([
      {
        code: 'day_too_long',
        message: 'Fri 2026-11-06: 4.01 hours planned; days must be 2–4 hours.',
        date: FRI,
      },
    ]);
  });
  it('sums sessions on the same day before checking the day', () => {
    const r = checkIntensity(
      [
        { date: WED, minutes: 60 },
        { date: WED, minutes: 45 },
        { date: WED, minutes: 15 },
      ],
      rule,
    );
    expect(r.hoursByDay).toEqual({ [WED]: 2 });
    expect(r.ok).toBe(true);
    expect(
      codes(
        [
          { date: WED, minutes: 150 },
          { date: WED, minutes: 100 },
        ],
        rule,
      ),
    ).toEqual(['day_too_long']);
  });
  it('reports each offending day, in date order, with the weekday name', () => {
    const r = checkIntensity(
      [
        { date: SAT, minutes: 300 },
        { date: MON, minutes: 30 },
      ],
      rule,
    );
    expect(r.shortfalls.map((s) => [s.code, s.date])).toEqual([
      ['day_too_short', MON],
      ['day_too_long', SAT],
    ]);
    expect(r.shortfalls[0]?.message.startsWith('Mon 2026-11-02:')).toBe(true);
    expect(r.shortfalls[1]?.message.startsWith('Sat 2026-11-07:')).toBe(true);
  });
  it('messages use the configured thresholds, not hard-coded ones', () => {
    const [s] = checkIntensity([{ date: THU, minutes: 60 }], {
      ...rule,
      minHoursPerDay: 3,
      maxHoursPerDay: 3.5,
    }).shortfalls;
    expect(s?.message).toBe('Thu 2026-11-05: 1 hours planned; days must be 3–3.5 hours.');
    expect(s?.needed).toBe(2);
  });
});

describe('checkIntensity — worked examples', () => {
  it('evening track Mon/Wed/Thu 18:00–21:00 = 9 h on 3 days, ok (adult)', () => {
    const r = checkIntensity(
      [MON, WED, THU].map((date) => ({ date, minutes: 180 })),
      DEFAULT_ADULT_IOP,
    );
    expect(r).toEqual({
      hoursPerWeek: 9,
      daysPerWeek: 3,
      hoursByDay: { [MON]: 3, [WED]: 3, [THU]: 3 },
      ok: true,
      shortfalls: [],
    });
  });
  it('adolescent rule: 6 h on 3 days ok; same plan short under the adult rule', () => {
    const plan = evenWeek(3, 120);
    expect(checkIntensity(plan, DEFAULT_ADOLESCENT_IOP).ok).toBe(true);
    expect(codes(plan, DEFAULT_ADULT_IOP)).toEqual(['below_weekly_minimum']);
  });
  it('adolescent rule: 5.5 h is short with the numbers in the message', () => {
    const plan = [
      { date: MON, minutes: 120 },
      { date: TUE, minutes: 120 },
      { date: WED, minutes: 90 },
    ];
    const r = checkIntensity(plan, DEFAULT_ADOLESCENT_IOP);
    expect(r.shortfalls.map((s) => s.code)).toEqual(['below_weekly_minimum', 'day_too_short']);
    expect(r.shortfalls[0]?.message).toBe(
      'Planned 5.5 hours this week; the program requires at least 6 (0.5 short).',
    );
  });
  it('several problems at once are all reported', () => {
    const r = checkIntensity(
      [
        { date: MON, minutes: 60 },
        { date: TUE, minutes: 300 },
      ],
      DEFAULT_ADULT_IOP,
    );
    expect(r.shortfalls.map((s) => s.code)).toEqual([
      'below_weekly_minimum',
      'too_few_days',
      'day_too_short',
      'day_too_long',
    ]);
  });
});

describe('checkIntensity — invalid input', () => {
  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects minutes %s', (minutes) => {
    expect(() => checkIntensity([{ date: MON, minutes }], DEFAULT_ADULT_IOP)).toThrow(/Invalid minutes/);
  });
  it.each(['2026-11-31', '11/03/2026', '2026-11-3', ''])('rejects date %j', (date) => {
    expect(() => checkIntensity([{ date, minutes: 60 }], DEFAULT_ADULT_IOP)).toThrow(/Invalid date/);
  });
  it('rejects dates spanning two Monday–Sunday weeks (Sun → next Mon)', () => {
    expect(() =>
      checkIntensity(
        [
          { date: SUN, minutes: 60 },
          { date: '2026-11-09', minutes: 60 },
        ],
        DEFAULT_ADULT_IOP,
      ),
    ).toThrow(/more than one Monday–Sunday week/);
  });
  it('accepts a full Mon..Sun week', () => {
    expect(() => checkIntensity(evenWeek(7, 60), DEFAULT_ADULT_IOP)).not.toThrow();
  });
  it('rejects an inconsistent or invalid rule', () => {
    expect(() => checkIntensity([], { ...DEFAULT_ADULT_IOP, maxDaysPerWeek: 2 })).toThrow(/maxDaysPerWeek/);
    expect(() => checkIntensity([], { ...DEFAULT_ADULT_IOP, maxHoursPerDay: 1 })).toThrow(/maxHoursPerDay/);
    expect(() => checkIntensity([], { ...DEFAULT_ADULT_IOP, maxHoursPerWeek: 8 })).toThrow(/maxHoursPerWeek/);
    expect(() => checkIntensity([], { ...DEFAULT_ADULT_IOP, minHoursPerWeek: Number.NaN })).toThrow(
      /minHoursPerWeek/,
    );
  });
});

describe('checkIntensity — properties', () => {
  const session = fc.record({
    date: fc.constantFrom(...WEEK),
    minutes: fc.integer({ min: 1, max: 600 }),
  });
  const plan = fc.array(session, { minLength: 1, maxLength: 20 });
  const BELOW: ShortfallCode[] = ['below_weekly_minimum', 'too_few_days', 'day_too_short'];

  it('adding minutes to a planned session never adds a below-minimum shortfall', () => {
    fc.assert(
      fc.property(plan, fc.nat(), fc.integer({ min: 1, max: 600 }), (p, idx, extra) => {
        const i = idx % p.length;
        const more = p.map((s, j) => (j === i ? { ...s, minutes: s.minutes + extra } : s));
        const key = (s: { code: ShortfallCode; date?: string }) => `${s.code}:${s.date ?? ''}`;
        const before = new Set(checkIntensity(p, DEFAULT_ADULT_IOP).shortfalls.map(key));
        for (const s of checkIntensity(more, DEFAULT_ADULT_IOP).shortfalls) {
          if (BELOW.includes(s.code)) expect(before.has(key(s))).toBe(true);
        }
      }),
    );
  });

  it('hoursPerWeek = total minutes / 60 (2 decimals) and equals the sum of hoursByDay', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const r = checkIntensity(p, LOOSE);
        const total = p.reduce((sum, s) => sum + s.minutes, 0);
        expect(r.hoursPerWeek).toBeCloseTo(total / 60, 2);
        const byDay = Object.values(r.hoursByDay).reduce((a, b) => a + b, 0);
        expect(byDay).toBeCloseTo(total / 60, 1);
        expect(r.daysPerWeek).toBe(new Set(p.map((s) => s.date)).size);
      }),
    );
  });

  it('ok iff there are no shortfalls, and the result does not depend on session order', () => {
    fc.assert(
      fc.property(plan, (p) => {
        const r = checkIntensity(p, DEFAULT_ADULT_IOP);
        expect(r.ok).toBe(r.shortfalls.length === 0);
        expect(checkIntensity([...p].reverse(), DEFAULT_ADULT_IOP)).toEqual(r);
      }),
    );
  });

  it('weekOf always returns a Monday 6 days before a Sunday, containing the date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const { monday, sunday } = weekOf(iso);
          const m = new Date(`${monday}T00:00:00Z`);
          const s = new Date(`${sunday}T00:00:00Z`);
          expect(m.getUTCDay()).toBe(1);
          expect(s.getUTCDay()).toBe(0);
          expect((s.getTime() - m.getTime()) / 86_400_000).toBe(6);
          expect(monday <= iso && iso <= sunday).toBe(true);
        },
      ),
    );
  });
});
