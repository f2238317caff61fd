import { Temporal } from 'temporal-polyfill';

/**
 * Weekly recurring group blocks (e.g. "Mon/Wed/Thu 18:00–21:00, America/New_York").
 *
 * Times are clinic-local wall-clock times: an 18:00 group stays at 18:00 local across
 * daylight-saving changes, so its UTC instant moves by an hour twice a year.
 *
 * DST edge cases use Temporal's `'compatible'` disambiguation (the same rule as RFC 5545
 * and JavaScript `Date`):
 * - a wall-clock time that does not exist (spring-forward gap, e.g. 02:30 on
 *   2026-03-08 in New York) is pushed forward by the length of the gap (→ 03:30 EDT);
 * - a wall-clock time that occurs twice (fall-back overlap, e.g. 01:30 on 2026-11-01
 *   in New York) resolves to the earlier of the two instants (→ 01:30 EDT, 05:30Z).
 * `endsAt` is the block's end wall-clock time resolved the same way, so a session that
 * spans a transition is an hour shorter or longer in real time than on ordinary days.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface WeeklyBlock {
  weekdays: Weekday[];
  /** Clinic-local start, 'HH:MM' (24 h). */
  start: string;
  /** Clinic-local end, 'HH:MM' (24 h), strictly after `start` on the same day. */
  end: string;
  /** IANA time zone, e.g. 'America/New_York'. */
  timeZone: string;
}

export interface Occurrence {
  /** Clinic-local calendar date, 'YYYY-MM-DD'. */
  date: string;
  startsAt: Date;
  endsAt: Date;
}

export interface RRulePair {
  /** e.g. 'DTSTART;TZID=America/New_York:20261102T180000' */
  dtstart: string;
  /** e.g. 'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,TH;UNTIL=20261231T230000Z' */
  rrule: string;
}

export interface ParsedWeeklyRRule {
  freq: 'WEEKLY';
  /** In canonical MO..SU order, without duplicates. */
  weekdays: Weekday[];
  /** Inclusive UTC instant bound from UNTIL. */
  until?: Date;
  count?: number;
  interval: number;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseTime(value: string, field: string): Temporal.PlainTime {
  const m = HHMM.exec(value);
  if (!m) throw new Error(`Invalid ${field} time "${value}": expected HH:MM (00:00–23:59)`);
  return new Temporal.PlainTime(Number(m[1]), Number(m[2]));
}

/** A strict, real 'YYYY-MM-DD' calendar date; throws naming `field` otherwise. */
export function parseDate(value: string, field: string): Temporal.PlainDate {
  let date: Temporal.PlainDate | undefined;
  if (ISO_DATE.test(value)) {
    try {
      date = Temporal.PlainDate.from(value, { overflow: 'reject' });
    } catch {
      date = undefined;
    }
  }
  if (!date || date.toString() !== value) {
    throw new Error(`Invalid ${field} date "${value}": expected a real YYYY-MM-DD date`);
  }
  return date;
}

/** Throws unless `timeZone` is an IANA zone name. */
export function checkTimeZone(timeZone: string): void {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
  } catch {
    throw new Error(`Invalid time zone "${timeZone}": expected an IANA zone name`);
  }
}

function canonicalWeekdays(weekdays: readonly string[]): Weekday[] {
  if (weekdays.length === 0) throw new Error('A weekly block needs at least one weekday');
  for (const d of weekdays) {
    if (!(WEEKDAYS as readonly string[]).includes(d)) {
      throw new Error(`Invalid weekday "${d}": expected one of ${WEEKDAYS.join(',')}`);
    }
  }
  return WEEKDAYS.filter((d) => weekdays.includes(d));
}

interface ValidBlock {
  weekdays: Weekday[];
  start: Temporal.PlainTime;
  end: Temporal.PlainTime;
  timeZone: string;
}

function validateBlock(block: WeeklyBlock): ValidBlock {
  const start = parseTime(block.start, 'start');
  const end = parseTime(block.end, 'end');
  if (Temporal.PlainTime.compare(end, start) <= 0) {
    throw new Error(`Block end ${block.end} must be after start ${block.start}`);
  }
  checkTimeZone(block.timeZone);
  return { weekdays: canonicalWeekdays(block.weekdays), start, end, timeZone: block.timeZone };
}

/** Temporal dayOfWeek is 1 = Monday … 7 = Sunday. */
const weekdayOf = (date: Temporal.PlainDate): Weekday => WEEKDAYS[date.dayOfWeek - 1] as Weekday;

function zoned(date: Temporal.PlainDate, time: Temporal.PlainTime, timeZone: string): Temporal.ZonedDateTime {
  return date.toPlainDateTime(time).toZonedDateTime(timeZone, { disambiguation: 'compatible' });
}

const compact = (s: string) => s.replace(/[-:]/g, '');

/**
 * The RFC 5545 DTSTART/RRULE pair for `block` starting on the first block weekday on or
 * after `from`. `until` (a clinic-local date, inclusive) becomes a UTC UNTIL at that day's
 * start time, as RFC 5545 requires when DTSTART carries a TZID.
 */
export function toRRule(block: WeeklyBlock, range: { from: string; until?: string }): RRulePair {
  const b = validateBlock(block);
  let first = parseDate(range.from, 'from');
  while (!b.weekdays.includes(weekdayOf(first))) first = first.add({ days: 1 });
  const local = first.toPlainDateTime(b.start).toString({ smallestUnit: 'second' });
  const dtstart = `DTSTART;TZID=${b.timeZone}:${compact(local)}`;

  let rrule = `RRULE:FREQ=WEEKLY;BYDAY=${b.weekdays.join(',')}`;
  if (range.until !== undefined) {
    const until = parseDate(range.until, 'until');
    if (Temporal.PlainDate.compare(until, parseDate(range.from, 'from')) < 0) {
      throw new Error(`until ${range.until} is before from ${range.from}`);
    }
    const utc = zoned(until, b.start, b.timeZone)
      .toInstant()
      .toZonedDateTimeISO('UTC')
      .toPlainDateTime()
      .toString({ smallestUnit: 'second' });
    rrule += `;UNTIL=${compact(utc)}Z`;
  }
  return { dtstart, rrule };
}

const UNTIL_UTC = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses the supported RRULE subset: FREQ=WEEKLY with BYDAY (plain weekdays), plus optional
 * UNTIL (UTC date-time, 'YYYYMMDDTHHMMSSZ'), COUNT or INTERVAL. Accepts with or without the
 * 'RRULE:' prefix. Anything else throws an Error naming the unsupported part.
 */
export function parseWeeklyRRule(rrule: string): ParsedWeeklyRRule {
  const body = rrule.trim().replace(/^RRULE:/i, '');
  if (body === '') throw new Error('Empty RRULE');
  const parts = new Map<string, string>();
  for (const part of body.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`Malformed RRULE part "${part}": expected NAME=VALUE`);
    const name = part.slice(0, eq).toUpperCase();
    if (parts.has(name)) throw new Error(`Duplicate RRULE part ${name}`);
    parts.set(name, part.slice(eq + 1));
  }
  for (const name of parts.keys()) {
    if (!['FREQ', 'BYDAY', 'UNTIL', 'COUNT', 'INTERVAL'].includes(name)) {
      throw new Error(`Unsupported RRULE part ${name} (supported: FREQ, BYDAY, UNTIL, COUNT, INTERVAL)`);
    }
  }

  const freq = parts.get('FREQ');
  if (freq === undefined) throw new Error('RRULE is missing FREQ');
  if (freq.toUpperCase() !== 'WEEKLY') {
    throw new Error(`Unsupported RRULE FREQ=${freq} (only FREQ=WEEKLY)`);
  }

  const byday = parts.get('BYDAY');
  if (byday === undefined || byday === '') throw new Error('RRULE is missing BYDAY');
  const days = byday.split(',').map((d) => d.toUpperCase());
  for (const d of days) {
    if (!(WEEKDAYS as readonly string[]).includes(d)) {
      throw new Error(`Unsupported RRULE BYDAY value "${d}" (only plain MO,TU,WE,TH,FR,SA,SU)`);
    }
  }
  const result: ParsedWeeklyRRule = {
    freq: 'WEEKLY',
    weekdays: canonicalWeekdays(days),
    interval: 1,
  };

  const interval = parts.get('INTERVAL');
  if (interval !== undefined) {
    if (!/^[1-9]\d*$/.test(interval)) {
      throw new Error(`Invalid RRULE INTERVAL=${interval}: expected a positive integer`);
    }
    result.interval = Number(interval);
  }

  const count = parts.get('COUNT');
  const until = parts.get('UNTIL');
  if (count !== undefined && until !== undefined) {
    throw new Error('RRULE must not contain both UNTIL and COUNT');
  }
  if (count !== undefined) {
    if (!/^[1-9]\d*$/.test(count)) {
      throw new Error(`Invalid RRULE COUNT=${count}: expected a positive integer`);
    }
    result.count = Number(count);
  }
  if (until !== undefined) {
    const m = UNTIL_UTC.exec(until);
    if (!m) {
      throw new Error(`Unsupported RRULE UNTIL=${until} (only UTC date-time YYYYMMDDTHHMMSSZ)`);
    }
    let instant: Temporal.Instant;
    try {
      instant = Temporal.PlainDateTime.from(
        {
          year: Number(m[1]),
          month: Number(m[2]),
          day: Number(m[3]),
          hour: Number(m[4]),
          minute: Number(m[5]),
          second: Number(m[6]),
        },
        { overflow: 'reject' },
      )
        .toZonedDateTime('UTC')
        .toInstant();
    } catch {
      throw new Error(`Invalid RRULE UNTIL=${until}: not a real date-time`);
    }
    result.until = new Date(instant.epochMilliseconds);
  }
  return result;
}

/**
 * All occurrences of `block` on clinic-local dates `from`..`to` (inclusive), in order,
 * skipping `exceptions` (clinic-local closed dates / holidays). See the module comment for
 * how nonexistent and ambiguous local times are resolved.
 */
export function expandWeekly(
  block: WeeklyBlock,
  range: { from: string; to: string; exceptions?: string[] },
): Occurrence[] {
  const b = validateBlock(block);
  const from = parseDate(range.from, 'from');
  const to = parseDate(range.to, 'to');
  if (Temporal.PlainDate.compare(from, to) > 0) {
    throw new Error(`Range from ${range.from} is after to ${range.to}`);
  }
  const closed = new Set((range.exceptions ?? []).map((d) => parseDate(d, 'exception').toString()));

  const out: Occurrence[] = [];
  for (let d = from; Temporal.PlainDate.compare(d, to) <= 0; d = d.add({ days: 1 })) {
    const date = d.toString();
    if (!b.weekdays.includes(weekdayOf(d)) || closed.has(date)) continue;
    out.push({
      date,
      startsAt: new Date(zoned(d, b.start, b.timeZone).epochMilliseconds),
      endsAt: new Date(zoned(d, b.end, b.timeZone).epochMilliseconds),
    });
  }
  return out;
}
