import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS, expandWeekly, parseWeeklyRRule, toRRule } from './recurrence.js';
import type { Weekday, WeeklyBlock } from './recurrence.js';

const HOUR = 3_600_000;
const NY = 'America/New_York';

const evening: WeeklyBlock = { weekdays: ['MO', 'WE', 'TH'], start: '18:00', end: '21:00', timeZone: NY };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock 'YYYY-MM-DD HH:MM' of `instant` in `timeZone`, read through Intl (not Temporal). */
function wallClock(instant: Date, timeZone: string): string {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const p = Object.fromEntries(fmt.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

const iso = (d: Date) => d.toISOString();
const summary = (block: WeeklyBlock, from: string, to: string) =>
  expandWeekly(block, { from, to }).map((o) => [o.date, iso(o.startsAt), iso(o.endsAt)]);

describe('expandWeekly across America/New_York DST (2026)', () => {
  it('keeps 18:00 local through spring forward (Sun 2026-03-08): 23:00Z before, 22:00Z after', () => {
    expect(summary(evening, '2026-03-02', '2026-03-14')).toEqual([
      ['2026-03-02', '2026-03-02T23:00:00.000Z', '2026-03-03T02:00:00.000Z'],
      ['2026-03-04', '2026-03-04T23:00:00.000Z', '2026-03-05T02:00:00.000Z'],
      ['2026-03-05', '2026-03-05T23:00:00.000Z', '2026-03-06T02:00:00.000Z'],
      ['2026-03-09', '2026-03-09T22:00:00.000Z', '2026-03-10T01:00:00.000Z'],
      ['2026-03-11', '2026-03-11T22:00:00.000Z', '2026-03-12T01:00:00.000Z'],
      ['2026-03-12', '2026-03-12T22:00:00.000Z', '2026-03-13T01:00:00.000Z'],
    ]);
  });

  it('keeps 18:00 local through fall back (Sun 2026-11-01): 22:00Z before, 23:00Z after', () => {
    expect(summary(evening, '2026-10-26', '2026-11-07')).toEqual([
      ['2026-10-26', '2026-10-26T22:00:00.000Z', '2026-10-27T01:00:00.000Z'],
      ['2026-10-28', '2026-10-28T22:00:00.000Z', '2026-10-29T01:00:00.000Z'],
      ['2026-10-29', '2026-10-29T22:00:00.000Z', '2026-10-30T01:00:00.000Z'],
      ['2026-11-02', '2026-11-02T23:00:00.000Z', '2026-11-03T02:00:00.000Z'],
      ['2026-11-04', '2026-11-04T23:00:00.000Z', '2026-11-05T02:00:00.000Z'],
      ['2026-11-05', '2026-11-05T23:00:00.000Z', '2026-11-06T02:00:00.000Z'],
    ]);
  });

  it('every session in both DST weeks lasts exactly 3 h and reads 18:00–21:00 local', () => {
    const all = [
      ...expandWeekly(evening, { from: '2026-03-02', to: '2026-03-14' }),
      ...expandWeekly(evening, { from: '2026-10-26', to: '2026-11-07' }),
    ];
    expect(all).toHaveLength(12);
    for (const o of all) {
      expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(3 * HOUR);
      expect(wallClock(o.startsAt, NY)).toBe(`${o.date} 18:00`);
      expect(wallClock(o.endsAt, NY)).toBe(`${o.date} 21:00`);
    }
  });

  it('ambiguous 01:30 on fall-back day resolves to the earlier (EDT) instant', () => {
    const [o] = expandWeekly(
      { weekdays: ['SU'], start: '01:30', end: '03:00', timeZone: NY },
      { from: '2026-11-01', to: '2026-11-01' },
    );
    expect(o?.date).toBe('2026-11-01');
    expect(iso(o!.startsAt)).toBe('2026-11-01T05:30:00.000Z'); // 01:30 EDT (-04:00)
    expect(iso(o!.endsAt)).toBe('2026-11-01T08:00:00.000Z'); // 03:00 EST (-05:00)
    expect(o!.endsAt.getTime() - o!.startsAt.getTime()).toBe(2.5 * HOUR); // 1.5 h wall + repeated hour
  });

  it('nonexistent 02:30 on spring-forward day is pushed forward by the gap (03:30 EDT)', () => {
    const [o] = expandWeekly(
      { weekdays: ['SU'], start: '02:30', end: '04:00', timeZone: NY },
      { from: '2026-03-08', to: '2026-03-08' },
    );
    expect(o?.date).toBe('2026-03-08');
    expect(iso(o!.startsAt)).toBe('2026-03-08T07:30:00.000Z');
    expect(wallClock(o!.startsAt, NY)).toBe('2026-03-08 03:30');
    expect(iso(o!.endsAt)).toBe('2026-03-08T08:00:00.000Z'); // 04:00 EDT
    // The following Sunday the same block is back at 02:30 local.
    const [next] = expandWeekly(
      { weekdays: ['SU'], start: '02:30', end: '04:00', timeZone: NY },
      { from: '2026-03-15', to: '2026-03-15' },
    );
    expect(wallClock(next!.startsAt, NY)).toBe('2026-03-15 02:30');
  });
});

describe('expandWeekly in other zones', () => {
  it('Europe/London: BST starts Sun 2026-03-29, ends Sun 2026-10-25', () => {
    const block: WeeklyBlock = { weekdays: ['TU'], start: '18:00', end: '20:00', timeZone: 'Europe/London' };
    expect(summary(block, '2026-03-24', '2026-03-31').map((r) => r[1])).toEqual([
      '2026-03-24T18:00:00.000Z', // GMT
      '2026-03-31T17:00:00.000Z', // BST
    ]);
    expect(summary(block, '2026-10-20', '2026-10-27').map((r) => r[1])).toEqual([
      '2026-10-20T17:00:00.000Z', // BST
      '2026-10-27T18:00:00.000Z', // GMT
    ]);
  });

  it('Australia/Sydney (southern hemisphere): DST ends Sun 2026-04-05, starts Sun 2026-10-04', () => {
    const block: WeeklyBlock = {
      weekdays: ['FR'],
      start: '18:00',
      end: '21:00',
      timeZone: 'Australia/Sydney',
    };
    expect(summary(block, '2026-03-30', '2026-04-12').map((r) => r.slice(0, 2))).toEqual([
      ['2026-04-03', '2026-04-03T07:00:00.000Z'], // AEDT +11
      ['2026-04-10', '2026-04-10T08:00:00.000Z'], // AEST +10
    ]);
    expect(summary(block, '2026-09-28', '2026-10-11').map((r) => r.slice(0, 2))).toEqual([
      ['2026-10-02', '2026-10-02T08:00:00.000Z'], // AEST +10
      ['2026-10-09', '2026-10-09T07:00:00.000Z'], // AEDT +11
    ]);
  });
});

describe('expandWeekly exceptions and validation', () => {
  it('exceptions remove exactly those dates', () => {
    const all = expandWeekly(evening, { from: '2026-11-01', to: '2026-11-30' }).map((o) => o.date);
    const closed = ['2026-11-26', '2026-11-11', '2026-11-15']; // Thanksgiving, Veterans Day, a Sunday (no session)
    const open = expandWeekly(evening, { from: '2026-11-01', to: '2026-11-30', exceptions: closed }).map(
      (o) => o.date,
    );
    expect(open).toEqual(all.filter((d) => d !== '2026-11-26' && d !== '2026-11-11'));
    expect(all.length - open.length).toBe(2);
  });

  it('rejects end <= start, bad HH:MM, bad zone, bad dates and empty weekdays', () => {
    const r = { from: '2026-01-01', to: '2026-01-31' };
    expect(() => expandWeekly({ ...evening, end: '18:00' }, r)).toThrow(
      /end 18:00 must be after start 18:00/,
    );
    expect(() => expandWeekly({ ...evening, end: '17:00' }, r)).toThrow(/must be after start/);
    expect(() => expandWeekly({ ...evening, start: '24:00' }, r)).toThrow(/Invalid start time "24:00"/);
    expect(() => expandWeekly({ ...evening, start: '6:00' }, r)).toThrow(/Invalid start time/);
    expect(() => expandWeekly({ ...evening, end: '21:60' }, r)).toThrow(/Invalid end time/);
    expect(() => expandWeekly({ ...evening, timeZone: 'Mars/Olympus' }, r)).toThrow(/Invalid time zone/);
    expect(() => expandWeekly({ ...evening, weekdays: [] }, r)).toThrow(/at least one weekday/);
    expect(() => expandWeekly(evening, { from: '2026-02-30', to: '2026-03-01' })).toThrow(
      /Invalid from date/,
    );
    expect(() => expandWeekly(evening, { from: '2026-03-02', to: '2026-03-01' })).toThrow(/after to/);
    expect(() => expandWeekly(evening, { ...r, exceptions: ['tomorrow'] })).toThrow(/Invalid exception date/);
  });

  it('property: local start equals block start, dates strictly increase, N weeks give N × weekdays', () => {
    const zones = [
      'America/New_York',
      'America/Los_Angeles',
      'Europe/London',
      'Australia/Sydney',
      'Asia/Tokyo',
      'UTC',
    ];
    const pad = (n: number) => String(n).padStart(2, '0');
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.integer({ min: 4, max: 21 }), // clear of every DST transition hour in these zones
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 30 }),
        (timeZone, weekdays: Weekday[], h, m, minutes, offset, weeks) => {
          const start = `${pad(h)}:${pad(m)}`;
          const endTotal = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
          const end = `${pad(Math.floor(endTotal / 60))}:${pad(endTotal % 60)}`;
          const from = Temporal.PlainDate.from('2022-01-01').add({ days: offset });
          const to = from.add({ days: 7 * weeks - 1 });
          const occ = expandWeekly(
            { weekdays, start, end, timeZone },
            { from: from.toString(), to: to.toString() },
          );
          expect(occ).toHaveLength(weeks * weekdays.length);
          for (const [i, o] of occ.entries()) {
            expect(wallClock(o.startsAt, timeZone)).toBe(`${o.date} ${start}`);
            expect(wallClock(o.endsAt, timeZone)).toBe(`${o.date} ${end}`);
            if (i > 0) expect(o.date > occ[i - 1]!.date).toBe(true);
            if (i > 0) expect(o.startsAt.getTime()).toBeGreaterThan(occ[i - 1]!.startsAt.getTime());
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 20_000);
});

describe('toRRule / parseWeeklyRRule', () => {
  it('produces the RFC 5545 DTSTART;TZID and RRULE strings', () => {
    expect(toRRule(evening, { from: '2026-11-02' })).toEqual({
      dtstart: 'DTSTART;TZID=America/New_York:20261102T180000',
      rrule: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,TH',
    });
    // DTSTART is synced to the first block weekday on/after `from`; UNTIL is UTC (18:00 EST = 23:00Z).
    expect(
      toRRule({ ...evening, weekdays: ['TH', 'MO', 'WE'] }, { from: '2026-10-30', until: '2026-12-31' }),
    ).toEqual({
      dtstart: 'DTSTART;TZID=America/New_York:20261102T180000',
      rrule: 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,TH;UNTIL=20261231T230000Z',
    });
  });

  it('parses the supported subset', () => {
    expect(parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=TH,MO;INTERVAL=2;COUNT=10')).toEqual({
      freq: 'WEEKLY',
      weekdays: ['MO', 'TH'],
      interval: 2,
      count: 10,
    });
    expect(parseWeeklyRRule('FREQ=WEEKLY;BYDAY=SU;UNTIL=20270101T000000Z').until?.toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
  });

  it('throws errors naming the unsupported part', () => {
    expect(() => parseWeeklyRRule('RRULE:FREQ=DAILY;BYDAY=MO')).toThrow(/FREQ=DAILY/);
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=MO;BYHOUR=9')).toThrow(
      /Unsupported RRULE part BYHOUR/,
    );
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=1MO')).toThrow(/BYDAY value "1MO"/);
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY')).toThrow(/missing BYDAY/);
    expect(() => parseWeeklyRRule('RRULE:BYDAY=MO')).toThrow(/missing FREQ/);
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231')).toThrow(/UNTIL=20261231/);
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T230000Z;COUNT=3')).toThrow(
      /both UNTIL and COUNT/,
    );
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=MO;INTERVAL=0')).toThrow(/INTERVAL=0/);
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=MO;BYDAY=TU')).toThrow(
      /Duplicate RRULE part BYDAY/,
    );
    expect(() => parseWeeklyRRule('RRULE:FREQ=WEEKLY;BYDAY=MO;X')).toThrow(/Malformed RRULE part "X"/);
  });

  it('round trip: toRRule → parseWeeklyRRule gives the same weekdays and until', () => {
    fc.assert(
      fc.property(
        fc.subarray([...WEEKDAYS], { minLength: 1 }),
        fc.constantFrom(NY, 'Europe/London', 'Australia/Sydney'),
        fc.integer({ min: 0, max: 730 }),
        fc.integer({ min: 0, max: 365 }),
        (weekdays: Weekday[], timeZone, offset, span) => {
          const block: WeeklyBlock = { weekdays, start: '18:00', end: '21:00', timeZone };
          const from = Temporal.PlainDate.from('2026-01-01').add({ days: offset });
          const until = from.add({ days: span }).toString();
          const parsed = parseWeeklyRRule(toRRule(block, { from: from.toString(), until }).rrule);
          expect(parsed.weekdays).toEqual(WEEKDAYS.filter((d) => weekdays.includes(d)));
          expect(parsed.interval).toBe(1);
          expect(parsed.count).toBeUndefined();
          expect(wallClock(parsed.until!, timeZone)).toBe(`${until} 18:00`);
        },
      ),
    );
    expect(parseWeeklyRRule(toRRule(evening, { from: '2026-11-02' }).rrule).until).toBeUndefined();
  });
});
