import { INSTRUMENTS, type InstrumentId, type ScoreResult } from '../../src/domain/instruments/index.js';
import { EXAMPLE_MEASUREMENT_SCHEDULE } from '../../src/domain/outcomes/schedule.js';
import { addDays, clinicInstant } from '../../src/domain/time/clinic-day.js';
import type { MeasurementRuleJson } from '../../src/server/platform/db/schema.js';
import { Table, type BulkValue } from './bulk.js';
import type { EpisodePlan, PatientPlan } from './episodes.js';
import type { OrgPlan } from './organization.js';
import type { Rng } from './prng.js';

/**
 * Measurement-based care: each program's measurement schedule and every episode's scores.
 *
 * Schedule: the example schedule (PHQ-9 and GAD-7 weekly; AUDIT-C and DAST-10 at admission and
 * discharge), AUDIT-C and DAST-10 only on the substance-use programs, PCL-5 only for tracks whose
 * name suggests trauma (the generated tracks are named by time of day, so none has it).
 *
 * Scores: PHQ-9 and GAD-7 at admission, then a week after the last one, on the first day the
 * patient comes in (a missed week moves it to the next day attended; no-shows get none), until
 * discharge or the end date. The course is drawn per episode: 55 % improve steadily (1–1.5 points a
 * week down to a floor of 2–7), 30 % slowly (0.25–0.6 a week), 15 % stay flat or worsen; baselines
 * PHQ-9 10–22, GAD-7 8–18; ±2 noise per administration, clamped to the range. The item answers add
 * up to the total, with PHQ-9 item 9 always 0 (no safety alert is implied). Substance-use episodes
 * also have AUDIT-C and DAST-10 at admission and, unless they dropped out, on the last day attended
 * in the week before discharge. Stored totals, severities and flags are what
 * `INSTRUMENTS[id].score` returns for the answers. 85 % are completed on the kiosk before the
 * patient's first session of the day (self-reported by link in the telehealth program), 15 % are
 * entered by the primary therapist.
 */

const TRAUMA_TRACK = /trauma|ptsd/i;
const SUBSTANCE_INSTRUMENTS = new Set(['audit-c', 'dast-10']);

/** The program's `measurement_schedule`, from `EXAMPLE_MEASUREMENT_SCHEDULE`. */
export function measurementSchedule(
  substanceUse: boolean,
  tracks: readonly { id: string; name: string }[],
): MeasurementRuleJson[] {
  const traumaTracks = tracks.filter((t) => TRAUMA_TRACK.test(t.name)).map((t) => t.id);
  const rules: MeasurementRuleJson[] = [];
  for (const rule of EXAMPLE_MEASUREMENT_SCHEDULE) {
    const copy: MeasurementRuleJson = { instrumentId: rule.instrumentId };
    if (rule.every) copy.every = { weeks: rule.every.weeks };
    if (rule.at) copy.at = [...rule.at];
    if (rule.instrumentId === 'pcl-5') {
      if (traumaTracks.length === 0) continue;
      copy.trackIds = traumaTracks;
    }
    if (SUBSTANCE_INSTRUMENTS.has(rule.instrumentId) && !substanceUse) continue;
    rules.push(copy);
  }
  return rules;
}

export function administrationsTable(): Table {
  return new Table('administrations', [
    { name: 'id', type: 'uuid' },
    { name: 'patient_id', type: 'uuid' },
    { name: 'instrument_id', type: 'text' },
    { name: 'answers', type: 'text', expr: 't.answers::jsonb' },
    { name: 'sex', type: 'text' },
    { name: 'total', type: 'int4' },
    { name: 'severity', type: 'text' },
    { name: 'positive', type: 'bool' },
    { name: 'flags', type: 'text', expr: 't.flags::text[]' },
    { name: 'extra', type: 'text', expr: 't.extra::jsonb' },
    { name: 'method', type: 'text' },
    { name: 'administered_by', type: 'uuid' },
    { name: 'administered_at', type: 'timestamptz' },
  ]);
}

/** Answers whose score is `total`: points added one at a time to random items with room left. */
export function answersFor(rng: Rng, id: InstrumentId, total: number): (number | boolean)[] {
  const items = INSTRUMENTS[id].definition.items;
  if (items.every((i) => i.kind === 'yes_no')) {
    // DAST-10: `total` items score; item 3 is reverse-scored ("no" scores).
    const scoring = new Set<number>();
    while (scoring.size < total) scoring.add(rng.int(0, items.length - 1));
    return items.map((_, i) => scoring.has(i) !== (id === 'dast-10' && i === 2));
  }
  const max = items.map((i) => Math.max(...i.options.map((o) => Number(o.value))));
  // PHQ-9 item 9 (thoughts of self-harm) stays 0: no generated score raises a safety alert.
  if (id === 'phq-9') max[8] = 0;
  const answers = items.map(() => 0);
  for (let left = total; left > 0;) {
    const i = rng.int(0, items.length - 1);
    if (answers[i]! < max[i]!) {
      answers[i]!++;
      left--;
    }
  }
  return answers;
}

/** The highest total `answersFor` can reach (PHQ-9 without item 9). */
export const maxTotalOf = (id: InstrumentId) =>
  id === 'phq-9' ? 24 : (INSTRUMENTS[id].definition.maxTotal ?? 0);

type CourseKind = 'steady' | 'slow' | 'flat';

interface Course {
  base: number;
  slope: number;
  floor: number;
}

function course(rng: Rng, kind: CourseKind, base: [number, number]): Course {
  const slope =
    kind === 'steady'
      ? -(1 + rng.next() * 0.5)
      : kind === 'slow'
        ? -(0.25 + rng.next() * 0.35)
        : -0.15 + rng.next() * 0.5;
  return { base: rng.int(base[0], base[1]), slope, floor: rng.int(2, 7) };
}

function totalAt(rng: Rng, c: Course, weeks: number, max: number): number {
  const trend = c.base + c.slope * weeks;
  const expected = c.slope < 0 ? Math.max(Math.min(c.floor, c.base), trend) : trend;
  return Math.max(0, Math.min(max, Math.round(expected) + rng.int(-2, 2)));
}

const DAY_MS = 86_400_000;
const weeksBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / (7 * DAY_MS);
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * Fills `out` with every episode's administrations, in episode order then time; needs the
 * attended days the sessions phase records in `EpisodePlan.attended`. Returns the row count.
 */
export function generateAdministrations(
  rng: Rng,
  plan: OrgPlan,
  episodes: readonly EpisodePlan[],
  patients: readonly PatientPlan[],
  opts: { endDate: string },
  out: Table,
): number {
  const tz = plan.timeZone;
  let n = 0;
  const add = (
    e: EpisodePlan,
    id: InstrumentId,
    total: number,
    method: string,
    at: Date,
    sex: 'male' | 'female' | null,
  ) => {
    const answers = answersFor(rng, id, total);
    const r: ScoreResult = INSTRUMENTS[id].score({ answers, sex });
    if (r.total !== total) throw new Error(`${id}: answers score ${r.total}, expected ${total}`);
    const row: BulkValue[] = [
      rng.uuid(),
      patients[e.patient]!.id,
      id,
      JSON.stringify(answers),
      sex,
      r.total,
      r.severity,
      r.positive,
      `{${r.flags.join(',')}}`,
      JSON.stringify(r.extra ?? {}),
      method,
      method === 'staff_entered' ? e.therapistId : null,
      at,
    ];
    out.add(...row);
    n++;
  };

  for (const e of episodes) {
    if (e.admittedOn >= opts.endDate) continue;
    const program = plan.programs[plan.tracks[e.track]!.programIndex]!.spec;
    const selfMethod = program.delivery === 'telehealth' ? 'self_report' : 'kiosk';
    const kind = rng.weighted<CourseKind>([
      ['steady', 55],
      ['slow', 30],
      ['flat', 15],
    ]);
    const phq = course(rng, kind, [10, 22]);
    const gad = course(rng, kind, [8, 18]);
    const patient = patients[e.patient]!;
    const sex = patient.sex === 'male' ? 'male' : 'female';

    /** One sitting: the measures in a row, two minutes apart, before or during the first session. */
    const sitting = (date: string, startsAt: Date | null, measures: [InstrumentId, number][]) => {
      const staff = rng.chance(0.15);
      const at = startsAt
        ? minutes(startsAt, staff ? rng.int(5, 40) : -rng.int(8, 30))
        : clinicInstant(date, hhmm(rng.int(8 * 60 + 10, 9 * 60 + 50)), tz);
      measures.forEach(([id, total], i) =>
        add(
          e,
          id,
          total,
          staff ? 'staff_entered' : selfMethod,
          minutes(at, 2 * i),
          id === 'audit-c' ? sex : null,
        ),
      );
    };
    const mood = (date: string): [InstrumentId, number][] => {
      const w = weeksBetween(e.admittedOn, date);
      return [
        ['phq-9', totalAt(rng, phq, w, maxTotalOf('phq-9'))],
        ['gad-7', totalAt(rng, gad, w, maxTotalOf('gad-7'))],
      ];
    };

    const days = e.attended;
    let k = 0;
    const first = days[0]?.date === e.admittedOn ? days[k++]! : null;
    const auditC = rng.int(3, 11);
    const dast = rng.int(2, 8);
    sitting(e.admittedOn, first?.startsAt ?? null, [
      ...mood(e.admittedOn),
      ...(program.substanceUse
        ? ([
            ['audit-c', auditC],
            ['dast-10', dast],
          ] as [InstrumentId, number][])
        : []),
    ]);
    let due = addDays(e.admittedOn, 7);
    let dischargeDone = false;
    const dischargeFrom =
      program.substanceUse && e.dischargedOn && e.outcome !== 'dropped_out'
        ? addDays(e.dischargedOn, -7)
        : null;
    const lastInWindow = dischargeFrom ? days.findLast((d) => d.date >= dischargeFrom) : undefined;
    for (; k < days.length; k++) {
      const d = days[k]!;
      const weekly = d.date >= due;
      const discharge = !dischargeDone && d === lastInWindow;
      if (!weekly && !discharge) continue;
      const measures = weekly ? mood(d.date) : [];
      if (discharge) {
        measures.push(['audit-c', Math.max(0, auditC - rng.int(2, 7))], ['dast-10', dast]);
        dischargeDone = true;
      }
      sitting(d.date, d.startsAt, measures);
      if (weekly) due = addDays(d.date, 7);
    }
  }
  return n;
}
