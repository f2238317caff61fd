/**
 * Weekly program-intensity check for an IOP schedule.
 *
 * Thresholds are a program's CONFIGURATION (an `IntensityRule` passed in), never constants here.
 * The exported defaults are documented data a program may adopt or override.
 *
 * Sources (see /work/shared/reference/clinical-facts.md §1.1):
 * - ASAM Criteria 3rd ed. Level 2.1 IOP: generally 9–19 h/week for adults, 6–19 h/week for
 *   adolescents [C] (Aetna reproduction of ASAM text; SAMHSA Advisory 2021 citing Mee-Lee 2013).
 * - Level 2.5 PHP is ≥ 20 h/week [S], which is why the weekly maximum is 19.
 * - The 3–5 days/week and 2–4 h/day figures are NOT ASAM numbers: they are program defaults taken
 *   from the feature request ("3–5 days a week, 2–4 hours a day") [D].
 */

/** A program's intensity rule. Hours are decimal hours; days are distinct clinic-local dates. */
export type IntensityRule = {
  minHoursPerWeek: number;
  maxHoursPerWeek?: number;
  minDaysPerWeek: number;
  maxDaysPerWeek: number;
  minHoursPerDay: number;
  maxHoursPerDay: number;
};

/**
 * Default adult IOP rule.
 * 9 and 19 h/week: ASAM 3rd ed. Level 2.1 adults [C] (clinical-facts §1.1).
 * 3–5 days, 2–4 h/day: program defaults from the feature request [D], not ASAM.
 */
export const DEFAULT_ADULT_IOP: Readonly<IntensityRule> = Object.freeze({
  minHoursPerWeek: 9,
  maxHoursPerWeek: 19,
  minDaysPerWeek: 3,
  maxDaysPerWeek: 5,
  minHoursPerDay: 2,
  maxHoursPerDay: 4,
});

/**
 * Default adolescent IOP rule.
 * 6 and 19 h/week: ASAM 3rd ed. Level 2.1 adolescents [C] (clinical-facts §1.1).
 * 3–5 days, 2–4 h/day: program defaults from the feature request [D], not ASAM.
 */
export const DEFAULT_ADOLESCENT_IOP: Readonly<IntensityRule> = Object.freeze({
  minHoursPerWeek: 6,
  maxHoursPerWeek: 19,
  minDaysPerWeek: 3,
  maxDaysPerWeek: 5,
  minHoursPerDay: 2,
  maxHoursPerDay: 4,
});

export type PlannedSession = { date: string; minutes: number };

export type ShortfallCode =
  | 'below_weekly_minimum'
  | 'above_weekly_maximum'
  | 'too_few_days'
  | 'too_many_days'
  | 'day_too_short'
  | 'day_too_long';

export type Shortfall = {
  code: ShortfallCode;
  /** Plain words a clinician reads before saving. */
  message: string;
  /** The clinic-local date, for per-day shortfalls. */
  date?: string;
  /** How much more is needed (hours, or days for `too_few_days`); only for "too little" codes. */
  needed?: number;
};

export type IntensityResult = {
  /** Display value, rounded to 2 decimals. */
  hoursPerWeek: number;
  /** Distinct dates with more than zero planned minutes. */
  daysPerWeek: number;
  /** Display values (2 decimals) for each date with more than zero planned minutes. */
  hoursByDay: Record<string, number>;
  ok: boolean;
  shortfalls: Shortfall[];
};

/**
 * Comparisons use integer thousandths of a minute so that sums of fractional minutes and
 * hour thresholds such as 8.98 h compare exactly (no float drift).
 */
const UNITS_PER_MINUTE = 1000;
const UNITS_PER_HOUR = 60 * UNITS_PER_MINUTE;

const toUnits = (minutes: number): number => Math.round(minutes * UNITS_PER_MINUTE);
const hoursToUnits = (hours: number): number => Math.round(hours * UNITS_PER_HOUR);
const round2 = (n: number): number => Math.round(n * 100) / 100;
const unitsToHours = (units: number): number => round2(units / UNITS_PER_HOUR);
const fmt = (n: number): string => String(round2(n));
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const DAY_MS = 86_400_000;

/** Parse a strict YYYY-MM-DD calendar date to a UTC epoch-day timestamp; throws on anything else. */
function parseDate(date: unknown): number {
  if (typeof date !== 'string') throw new Error(`Invalid date ${String(date)}: expected YYYY-MM-DD.`);
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Invalid date "${date}": expected YYYY-MM-DD.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC maps years 0–99 to 1900s, and rolls over out-of-range months/days; reject both.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    throw new Error(`Invalid date "${date}": not a real calendar date.`);
  }
  return t;
}

function formatDate(t: number): string {
  const d = new Date(t);
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const mo = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${mo}-${day}`;
}

/**
 * The clinic-local Monday–Sunday week containing `date` (a clinic-local calendar date).
 * Pure calendar arithmetic: no time zones or instants are involved.
 */
export function weekOf(date: string): { monday: string; sunday: string } {
  const t = parseDate(date);
  const sinceMonday = (new Date(t).getUTCDay() + 6) % 7;
  const monday = t - sinceMonday * DAY_MS;
  return { monday: formatDate(monday), sunday: formatDate(monday + 6 * DAY_MS) };
}

function assertRule(rule: IntensityRule): void {
  const fields: (keyof IntensityRule)[] = [
    'minHoursPerWeek',
    'minDaysPerWeek',
    'maxDaysPerWeek',
    'minHoursPerDay',
    'maxHoursPerDay',
  ];
  if (rule.maxHoursPerWeek !== undefined) fields.push('maxHoursPerWeek');
  for (const f of fields) {
    const v = rule[f];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      throw new Error(`Invalid intensity rule: ${f} must be a non-negative number (got ${String(v)}).`);
    }
  }
  if (rule.maxHoursPerWeek !== undefined && rule.maxHoursPerWeek < rule.minHoursPerWeek) {
    throw new Error('Invalid intensity rule: maxHoursPerWeek is below minHoursPerWeek.');
  }
  if (rule.maxDaysPerWeek < rule.minDaysPerWeek) {
    throw new Error('Invalid intensity rule: maxDaysPerWeek is below minDaysPerWeek.');
  }
  if (rule.maxHoursPerDay < rule.minHoursPerDay) {
    throw new Error('Invalid intensity rule: maxHoursPerDay is below minHoursPerDay.');
  }
}

/**
 * Check ONE clinic-local Monday–Sunday week of planned sessions against a program's rule.
 * Sessions on the same date are summed. Days with zero planned minutes do not count as days.
 * Throws on negative/non-finite minutes, malformed or impossible dates, or dates in more than one week.
 */
export function checkIntensity(planned: readonly PlannedSession[], rule: IntensityRule): IntensityResult {
  assertRule(rule);

  const unitsByDay = new Map<string, number>();
  let week: { monday: string; sunday: string } | undefined;
  for (const [i, s] of planned.entries()) {
    const { monday, sunday } = weekOf(s.date);
    if (typeof s.minutes !== 'number' || !Number.isFinite(s.minutes) || s.minutes < 0) {
      throw new Error(
        `Invalid minutes for session ${i + 1} on ${s.date}: ${String(s.minutes)} (must be a non-negative number).`,
      );
    }
    if (week === undefined) week = { monday, sunday };
    else if (week.monday !== monday) {
      throw new Error(
        `Sessions span more than one Monday–Sunday week: ${s.date} is outside ${week.monday} to ${week.sunday}.`,
      );
    }
    unitsByDay.set(s.date, (unitsByDay.get(s.date) ?? 0) + toUnits(s.minutes));
  }

  const days = [...unitsByDay.entries()]
    .filter(([, units]) => units > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totalUnits = days.reduce((sum, [, units]) => sum + units, 0);
  const hoursByDay: Record<string, number> = {};
  for (const [date, units] of days) hoursByDay[date] = unitsToHours(units);

  const shortfalls: Shortfall[] = [];
  const plannedHours = fmt(totalUnits / UNITS_PER_HOUR);

  const minWeek = hoursToUnits(rule.minHoursPerWeek);
  if (totalUnits < minWeek) {
    const needed = unitsToHours(minWeek - totalUnits);
    shortfalls.push({
      code: 'below_weekly_minimum',
      message: `Planned ${plannedHours} hours this week; the program requires at least ${fmt(rule.minHoursPerWeek)} (${fmt(needed)} short).`,
      needed,
    });
  }
  if (rule.maxHoursPerWeek !== undefined) {
    const maxWeek = hoursToUnits(rule.maxHoursPerWeek);
    if (totalUnits > maxWeek) {
      shortfalls.push({
        code: 'above_weekly_maximum',
        message: `Planned ${plannedHours} hours this week; the program allows at most ${fmt(rule.maxHoursPerWeek)} (${fmt(unitsToHours(totalUnits - maxWeek))} over).`,
      });
    }
  }

  const dayCount = days.length;
  if (dayCount < rule.minDaysPerWeek) {
    const needed = Math.ceil(rule.minDaysPerWeek - dayCount);
    shortfalls.push({
      code: 'too_few_days',
      message: `Sessions planned on ${plural(dayCount, 'day')} this week; the program requires at least ${fmt(rule.minDaysPerWeek)} (${plural(needed, 'more day')} needed).`,
      needed,
    });
  }
  if (dayCount > rule.maxDaysPerWeek) {
    shortfalls.push({
      code: 'too_many_days',
      message: `Sessions planned on ${plural(dayCount, 'day')} this week; the program allows at most ${fmt(rule.maxDaysPerWeek)}.`,
    });
  }

  const minDay = hoursToUnits(rule.minHoursPerDay);
  const maxDay = hoursToUnits(rule.maxHoursPerDay);
  const range = `days must be ${fmt(rule.minHoursPerDay)}–${fmt(rule.maxHoursPerDay)} hours`;
  for (const [date, units] of days) {
    const label = `${WEEKDAYS[new Date(parseDate(date)).getUTCDay()] ?? ''} ${date}`;
    const hours = fmt(units / UNITS_PER_HOUR);
    if (units < minDay) {
      const needed = unitsToHours(minDay - units);
      shortfalls.push({
        code: 'day_too_short',
        message: `${label}: ${hours} hours planned; ${range}.`,
        date,
        needed,
      });
    } else if (units > maxDay) {
      shortfalls.push({
        code: 'day_too_long',
        message: `${label}: ${hours} hours planned; ${range}.`,
        date,
      });
    }
  }

  return {
    hoursPerWeek: unitsToHours(totalUnits),
    daysPerWeek: dayCount,
    hoursByDay,
    ok: shortfalls.length === 0,
    shortfalls,
  };
}
