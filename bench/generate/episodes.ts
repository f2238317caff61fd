import { addDays, clinicInstant } from '../../src/domain/time/clinic-day.js';
import type { Db } from '../../src/server/platform/db/tx.js';
import { Table } from './bulk.js';
import { FAMILY, GIVEN, REFERRAL_SOURCES } from './names.js';
import { SEATS_PER_TRACK, type OrgPlan } from './organization.js';
import type { Rng } from './prng.js';

/**
 * Episodes of care come from a seat model: every track has twelve seats (the group size), and each
 * seat holds one episode after another from the start of the period, with a few days' gap between
 * a discharge and the next admission. Episodes are then given to patients in admission order,
 * mixing first admissions and readmissions so every patient is used and readmissions are spread
 * over the whole period.
 *
 * Outcomes: 55 % complete (8 + ~18 weeks), 20 % step down to outpatient (8 + ~14 weeks, the last two
 * weeks "stepping down"), 25 % drop out (2 + ~5 weeks, ending in ten days of no-shows). That is a
 * mean stay of about 20 weeks and a seat occupancy of about 95 %.
 */

export type Outcome = 'completed' | 'stepped_down' | 'dropped_out';

export interface EpisodePlan {
  index: number;
  id: string;
  referralId: string;
  spanId: string;
  seriesId: string;
  patient: number;
  track: number;
  seat: number;
  therapistId: string;
  prescriberId: string | null;
  admittedOn: string;
  /** The planned last day; for an active episode it is after the end date. */
  plannedEnd: string;
  dischargedOn: string | null;
  outcome: Outcome;
  steppingDownSince: string | null;
  /** Chance of missing a whole clinic day. */
  absenceRate: number;
  /** Share of attended groups joined by video (hybrid programs). */
  telehealthShare: number;
  /** The last two attendance statuses recorded, oldest first (filled in by the sessions phase). */
  last: string[];
  /** Days attended, in order, with the start of the first session attended (filled in by the sessions phase). */
  attended: { date: string; startsAt: Date }[];
}

export interface PatientPlan {
  id: string;
  mrn: string;
  given: string;
  family: string;
  dob: string;
  sex: string;
  phone: string;
  episodes: number[];
}

const exp = (rng: Rng, mean: number) => -Math.log(1 - rng.next()) * mean;

function weeksFor(rng: Rng, outcome: Outcome): number {
  if (outcome === 'completed') return Math.min(60, 8 + exp(rng, 18));
  if (outcome === 'stepped_down') return Math.min(52, 8 + exp(rng, 14));
  return Math.min(16, 2 + exp(rng, 5));
}

export function planEpisodes(
  rng: Rng,
  plan: OrgPlan,
  opts: { patients: number; start: string; endDate: string },
): { episodes: EpisodePlan[]; patients: PatientPlan[] } {
  const raw: Omit<EpisodePlan, 'index' | 'patient'>[] = [];
  for (const track of plan.tracks) {
    const program = plan.programs[track.programIndex]!.spec;
    for (let seat = 0; seat < SEATS_PER_TRACK; seat++) {
      let cursor = addDays(opts.start, rng.int(0, 20));
      while (cursor <= opts.endDate) {
        const outcome = rng.weighted<Outcome>([
          ['completed', 55],
          ['stepped_down', 20],
          ['dropped_out', 25],
        ]);
        const end = addDays(cursor, Math.max(7, Math.round(weeksFor(rng, outcome) * 7)) - 1);
        const active = end >= opts.endDate;
        const steppingDownSince =
          outcome === 'stepped_down' && addDays(end, -13) <= opts.endDate ? addDays(end, -13) : null;
        raw.push({
          id: rng.uuid(),
          referralId: rng.uuid(),
          spanId: rng.uuid(),
          seriesId: rng.uuid(),
          track: track.index,
          seat,
          therapistId: track.therapistIds[seat % track.therapistIds.length]!,
          prescriberId:
            plan.prescriberIds[(track.index * SEATS_PER_TRACK + seat) % plan.prescriberIds.length]!,
          admittedOn: cursor,
          plannedEnd: end,
          dischargedOn: active ? null : end,
          outcome,
          steppingDownSince,
          absenceRate: 0.02 + 0.13 * rng.next() ** 1.5,
          telehealthShare:
            program.delivery === 'telehealth'
              ? 1
              : program.delivery === 'hybrid' && rng.chance(0.25)
                ? 0.8
                : 0.03,
          last: [],
          attended: [],
        });
        if (active) break;
        cursor = addDays(end, rng.int(2, 12));
        // The first track is kept full, so its group meets today with twelve members.
        if (track.index === 0 && cursor > opts.endDate) cursor = addDays(end, 1);
      }
    }
  }
  raw.sort((a, b) =>
    a.admittedOn !== b.admittedOn
      ? a.admittedOn < b.admittedOn
        ? -1
        : 1
      : a.track - b.track || a.seat - b.seat,
  );

  const teen = (e: { track: number }) =>
    plan.programs[plan.tracks[e.track]!.programIndex]!.spec.population === 'teen';
  const teenEpisodes = raw.filter(teen).length;
  const quota = { teen: Math.round((opts.patients * teenEpisodes) / Math.max(1, raw.length)), adult: 0 };
  quota.adult = opts.patients - quota.teen;
  const left = { teen: teenEpisodes, adult: raw.length - teenEpisodes };
  const patients: PatientPlan[] = [];
  const episodes: EpisodePlan[] = [];
  const pools = { teen: [] as number[], adult: [] as number[] };
  /** The first day each patient may be readmitted: two weeks after their latest discharge. */
  const readmitFrom: (string | null)[] = [];

  const newPatient = (population: 'teen' | 'adult', admittedOn: string) => {
    const age = population === 'teen' ? rng.int(13, 15) : rng.int(18, 67);
    const dob = `${Number(admittedOn.slice(0, 4)) - age - 1}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    const p: PatientPlan = {
      id: rng.uuid(),
      mrn: String(patients.length + 1).padStart(6, '0'),
      given: rng.pick(GIVEN),
      family: rng.pick(FAMILY),
      dob,
      sex: rng.weighted([
        ['female', 52],
        ['male', 45],
        ['intersex', 0.5],
        ['unknown', 1],
        ['declined', 1.5],
      ]),
      phone: `555-${rng.int(200, 999)}-${String(rng.int(0, 9999)).padStart(4, '0')}`,
      episodes: [],
    };
    patients.push(p);
    readmitFrom.push(null);
    pools[population].push(patients.length - 1);
    return patients.length - 1;
  };

  for (const e of raw) {
    const population = teen(e) ? 'teen' : 'adult';
    const remainingNew = Math.max(0, quota[population]);
    const remaining = left[population]--;
    const eligible = () =>
      pools[population].filter((i) => {
        const from = readmitFrom[i];
        if (from === null || from === undefined || from > e.admittedOn) return false;
        const dob = patients[i]!.dob;
        return population === 'adult' || `${Number(dob.slice(0, 4)) + 18}${dob.slice(4)}` > e.admittedOn;
      });
    let who: number;
    const wantNew = remainingNew >= remaining || (remainingNew > 0 && rng.chance(remainingNew / remaining));
    const candidates = wantNew ? [] : eligible();
    if (wantNew || candidates.length === 0) {
      who = newPatient(population, e.admittedOn);
      quota[population]--;
    } else who = rng.pick(candidates);
    readmitFrom[who] = e.dischargedOn ? addDays(e.dischargedOn, 14) : '9999-12-31';
    const index = episodes.length;
    episodes.push({ ...e, index, patient: who });
    patients[who]!.episodes.push(index);
  }
  // Registered but never admitted (referrals that went elsewhere), when the seats ran out first.
  while (patients.length < opts.patients) newPatient('adult', opts.endDate);
  return { episodes, patients };
}

/** Writes patients (with the MRN counter), referrals, episodes and their level-of-care spans. */
export async function writeEpisodes(
  db: Db,
  plan: OrgPlan,
  patients: readonly PatientPlan[],
  episodes: readonly EpisodePlan[],
  rng: Rng,
  onRows: (n: number) => void,
) {
  const org = plan.organizationId;
  const pt = new Table('patients', [
    { name: 'id', type: 'uuid' },
    { name: 'mrn', type: 'text' },
    { name: 'given_name', type: 'text' },
    { name: 'family_name', type: 'text' },
    { name: 'date_of_birth', type: 'date' },
    { name: 'sex_assigned_at_birth', type: 'text' },
    { name: 'phone', type: 'text' },
    { name: 'preferred_language', type: 'text' },
  ]);
  for (const p of patients) pt.add(p.id, p.mrn, p.given, p.family, p.dob, p.sex, p.phone, 'en');
  onRows(await pt.flush(db, org));
  await db
    .insertInto('mrn_counters')
    .values({ organization_id: org, last_value: String(patients.length) })
    .execute();

  const referrals = new Table('referrals', [
    { name: 'id', type: 'uuid' },
    { name: 'patient_id', type: 'uuid' },
    { name: 'source', type: 'text' },
    { name: 'reason', type: 'text' },
    { name: 'urgency', type: 'text' },
    { name: 'consent_to_contact', type: 'bool' },
    { name: 'status', type: 'text' },
    { name: 'status_changed_at', type: 'timestamptz' },
    { name: 'created_at', type: 'timestamptz' },
  ]);
  const eps = new Table('episodes', [
    { name: 'id', type: 'uuid' },
    { name: 'patient_id', type: 'uuid' },
    { name: 'referral_id', type: 'uuid' },
    { name: 'program_id', type: 'uuid' },
    { name: 'track_id', type: 'uuid' },
    { name: 'level_of_care', type: 'text' },
    { name: 'status', type: 'text' },
    { name: 'admitted_on', type: 'date' },
    { name: 'discharged_on', type: 'date' },
    { name: 'primary_therapist_id', type: 'uuid' },
    { name: 'prescriber_id', type: 'uuid' },
    { name: 'stepping_down_since', type: 'date' },
    {
      name: 'sensitivity',
      type: 'text',
      expr: "CASE WHEN t.sensitivity IS NULL THEN '{}'::text[] ELSE ARRAY[t.sensitivity] END",
    },
    { name: 'created_by', type: 'uuid' },
  ]);
  const spans = new Table('level_of_care_spans', [
    { name: 'id', type: 'uuid' },
    { name: 'episode_id', type: 'uuid' },
    { name: 'level_of_care', type: 'text' },
    { name: 'started_on', type: 'date' },
    { name: 'ended_on', type: 'date' },
    { name: 'reason', type: 'text' },
  ]);
  const intake = plan.staff.find((s) => s.roles.includes('intake'))!.id;
  for (const e of episodes) {
    const track = plan.tracks[e.track]!;
    const program = plan.programs[track.programIndex]!;
    const admitted = clinicInstant(e.admittedOn, '08:00', plan.timeZone);
    referrals.add(
      e.referralId,
      patients[e.patient]!.id,
      rng.weighted(REFERRAL_SOURCES),
      program.spec.reason,
      rng.chance(0.3) ? 'urgent' : 'routine',
      true,
      'admitted',
      admitted,
      clinicInstant(addDays(e.admittedOn, -rng.int(3, 14)), '10:00', plan.timeZone),
    );
    eps.add(
      e.id,
      patients[e.patient]!.id,
      e.referralId,
      program.id,
      track.id,
      'iop',
      e.dischargedOn ? 'discharged' : 'active',
      e.admittedOn,
      e.dischargedOn,
      e.therapistId,
      e.prescriberId,
      e.steppingDownSince,
      program.spec.substanceUse ? 'part2' : null,
      intake,
    );
    spans.add(e.spanId, e.id, 'iop', e.admittedOn, e.dischargedOn, 'Admission');
  }
  onRows(await referrals.flush(db, org));
  onRows(await eps.flush(db, org));
  onRows(await spans.flush(db, org));
}
