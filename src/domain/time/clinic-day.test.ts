import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { addDays, clinicDateTime, clinicInstant, endOfClinicDay, startOfClinicDay } from './clinic-day.js';

const HOUR = 3_600_000;
const NY = 'America/New_York';
const AKL = 'Pacific/Auckland';

/** The wall-clock date and time of `instant` in `timeZone`, read through Intl (not Temporal). */
function wallClock(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

const hoursIn = (date: string, tz: string) =>
  (endOfClinicDay(date, tz).getTime() - startOfClinicDay(date, tz).getTime()) / HOUR;

describe('startOfClinicDay / endOfClinicDay', () => {
  describe('UTC', () => {
    it('spans midnight to midnight UTC', () => {
      expect(startOfClinicDay('2026-05-14', 'UTC').toISOString()).toBe('2026-05-14T00:00:00.000Z');
      expect(endOfClinicDay('2026-05-14', 'UTC').toISOString()).toBe('2026-05-15T00:00:00.000Z');
    });

    it('crosses month and year ends', () => {
      expect(endOfClinicDay('2026-12-31', 'UTC').toISOString()).toBe('2027-01-01T00:00:00.000Z');
      expect(endOfClinicDay('2028-02-28', 'UTC').toISOString()).toBe('2028-02-29T00:00:00.000Z');
    });
  });

  describe('America/New_York', () => {
    it('starts a winter day at 05:00 UTC (EST, UTC-5)', () => {
      expect(startOfClinicDay('2026-01-15', NY).toISOString()).toBe('2026-01-15T05:00:00.000Z');
      expect(endOfClinicDay('2026-01-15', NY).toISOString()).toBe('2026-01-16T05:00:00.000Z');
    });

    it('starts a summer day at 04:00 UTC (EDT, UTC-4)', () => {
      expect(startOfClinicDay('2026-07-15', NY).toISOString()).toBe('2026-07-15T04:00:00.000Z');
      expect(endOfClinicDay('2026-07-15', NY).toISOString()).toBe('2026-07-16T04:00:00.000Z');
    });

    it('makes 2026-03-08 (clocks spring forward) a 23-hour day', () => {
      // Midnight is still EST (-5); the next midnight is EDT (-4).
      expect(startOfClinicDay('2026-03-08', NY).toISOString()).toBe('2026-03-08T05:00:00.000Z');
      expect(endOfClinicDay('2026-03-08', NY).toISOString()).toBe('2026-03-09T04:00:00.000Z');
      expect(hoursIn('2026-03-08', NY)).toBe(23);
    });

    it('makes 2026-11-01 (clocks fall back) a 25-hour day', () => {
      // Midnight is still EDT (-4); the next midnight is EST (-5).
      expect(startOfClinicDay('2026-11-01', NY).toISOString()).toBe('2026-11-01T04:00:00.000Z');
      expect(endOfClinicDay('2026-11-01', NY).toISOString()).toBe('2026-11-02T05:00:00.000Z');
      expect(hoursIn('2026-11-01', NY)).toBe(25);
    });

    it('keeps the days around the changes at 24 hours', () => {
      for (const d of ['2026-03-07', '2026-03-09', '2026-10-31', '2026-11-02'])
        expect(hoursIn(d, NY)).toBe(24);
    });
  });

  describe('Pacific/Auckland', () => {
    it('starts a southern-summer day at 11:00 UTC the previous day (NZDT, UTC+13)', () => {
      expect(startOfClinicDay('2026-01-15', AKL).toISOString()).toBe('2026-01-14T11:00:00.000Z');
    });

    it('starts a southern-winter day at 12:00 UTC the previous day (NZST, UTC+12)', () => {
      expect(startOfClinicDay('2026-07-15', AKL).toISOString()).toBe('2026-07-14T12:00:00.000Z');
    });

    it('makes 2026-04-05 (daylight saving ends) a 25-hour day', () => {
      expect(startOfClinicDay('2026-04-05', AKL).toISOString()).toBe('2026-04-04T11:00:00.000Z');
      expect(endOfClinicDay('2026-04-05', AKL).toISOString()).toBe('2026-04-05T12:00:00.000Z');
    });

    it('makes 2026-09-27 (daylight saving starts) a 23-hour day', () => {
      expect(startOfClinicDay('2026-09-27', AKL).toISOString()).toBe('2026-09-26T12:00:00.000Z');
      expect(endOfClinicDay('2026-09-27', AKL).toISOString()).toBe('2026-09-27T11:00:00.000Z');
    });
  });

  it('starts a day whose midnight does not exist at its first instant (São Paulo, 2018-11-04)', () => {
    // Clocks jumped from 00:00 -03 to 01:00 -02: the day began at 03:00 UTC.
    expect(startOfClinicDay('2018-11-04', 'America/Sao_Paulo').toISOString()).toBe(
      '2018-11-04T03:00:00.000Z',
    );
    expect(hoursIn('2018-11-04', 'America/Sao_Paulo')).toBe(23);
  });

  it('refuses a date that does not exist', () => {
    expect(() => startOfClinicDay('2026-02-30', NY)).toThrow();
    expect(() => startOfClinicDay('2026-13-01', NY)).toThrow();
    expect(() => startOfClinicDay('yesterday', NY)).toThrow();
  });

  it('refuses an unknown time zone', () => {
    expect(() => startOfClinicDay('2026-01-15', 'Mars/Olympus_Mons')).toThrow();
  });

  describe('properties (2000–2040)', () => {
    const date = fc
      .date({
        min: new Date('2000-01-01T00:00:00Z'),
        max: new Date('2040-12-30T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const zone = fc.constantFrom(NY, AKL, 'UTC', 'Europe/London', 'Asia/Kolkata');

    it('starts at local midnight on that date', () => {
      fc.assert(
        fc.property(date, fc.constantFrom(NY, AKL, 'UTC', 'Europe/London', 'Asia/Kolkata'), (d, tz) => {
          expect(wallClock(startOfClinicDay(d, tz), tz)).toBe(`${d}T00:00:00`);
        }),
      );
    });

    it('ends where the next day starts, 23 to 25 hours later, with no gap or overlap', () => {
      fc.assert(
        fc.property(date, zone, (d, tz) => {
          const next = new Date(Date.parse(`${d}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
          expect(endOfClinicDay(d, tz).getTime()).toBe(startOfClinicDay(next, tz).getTime());
          expect([23, 24, 25]).toContain(hoursIn(d, tz));
        }),
      );
    });
  });
});

describe('clinicInstant / clinicDateTime', () => {
  it('keeps an 18:00 group at 18:00 local on both sides of the fall-back change', () => {
    expect(clinicInstant('2026-10-29', '18:00', NY).toISOString()).toBe('2026-10-29T22:00:00.000Z');
    expect(clinicInstant('2026-11-02', '18:00', NY).toISOString()).toBe('2026-11-02T23:00:00.000Z');
  });

  it('pushes a time in the spring-forward gap forward by the gap', () => {
    expect(clinicInstant('2026-03-08', '02:30', NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(clinicDateTime(new Date('2026-03-08T07:30:00Z'), NY)).toEqual({
      date: '2026-03-08',
      time: '03:30',
    });
  });

  it('reads the clinic-local date, not the UTC date, late in the evening', () => {
    expect(clinicDateTime(new Date('2026-11-28T02:30:00Z'), NY)).toEqual({
      date: '2026-11-27',
      time: '21:30',
    });
  });

  it('round-trips any whole-minute local time outside DST transitions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
        expect(clinicDateTime(clinicInstant('2026-07-15', time, AKL), AKL)).toEqual({
          date: '2026-07-15',
          time,
        });
      }),
    );
  });

  it('agrees with Temporal for any instant, across DST changes and zones', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.constantFrom(NY, AKL, 'Europe/London', 'Asia/Kolkata', 'America/St_Johns', 'UTC'),
        (ms, zone) => {
          const zoned = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
          expect(clinicDateTime(new Date(ms), zone)).toEqual({
            date: zoned.toPlainDate().toString(),
            time: zoned.toPlainTime().toString().slice(0, 5),
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('refuses an unknown time zone', () => {
    expect(() => clinicDateTime(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
