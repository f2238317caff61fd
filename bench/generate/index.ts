import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { StaffRole } from '../../src/domain/identity/roles.js';
import { addDays, clinicDateTime } from '../../src/domain/time/clinic-day.js';
import { hashPassword } from '../../src/server/platform/auth/password.js';
import type { DB } from '../../src/server/platform/db/schema.js';
import { planEpisodes, writeEpisodes, type EpisodePlan } from './episodes.js';
import { planOrganization, SEATS_PER_TRACK, writeOrganization } from './organization.js';
import { Rng } from './prng.js';
import type { OnProgress } from './progress.js';
import { administrationsTable, generateAdministrations } from './scores.js';
import { generateTrack, trackTables, writeTrack } from './sessions.js';

/**
 * The synthetic organization generator (`npm run trellis -- generate`): a realistic IOP clinic
 * with programs, tracks, staff, patients, episodes, sessions, attendance and weekly PHQ-9/GAD-7
 * scores (see scores.ts), the same for the same seed and end date.
 *
 * Size model. About 40 % of the patients are in care on an average day (IOP stays run long and
 * readmissions are common: about 3 episodes per patient over three years, 20 weeks each on
 * average), so the census is 0.4 × patients and the organization has one twelve-seat track per
 * ~11.4 patients in care. Each track meets 3–5 days a week (3.7 on average) for three 55–60-minute
 * groups, and each patient also has a weekly individual session: about 12 attendance rows per
 * patient-week in care. 2,000 patients over 3 years give ~790 in care, 70 tracks and about
 * 1.5 million attendance rows; rows grow linearly with patients and with years.
 *
 * Generated rows bypass the audit log (as a restore would); staff sign in with GENERATED_PASSWORD.
 */

export const GENERATED_PASSWORD = 'generated clinic 2026';
/** Bumped whenever the generated rows change, so cached benchmark organizations are regenerated. */
export const GENERATOR_VERSION = 2;
const CENSUS_FRACTION = 0.4;
const OCCUPANCY = 0.95;

export interface GenerateOptions {
  patients: number;
  years: number;
  seed: number;
  /** Clinic-local YYYY-MM-DD, the last day of history ("today"); default today in New York. */
  endDate?: string;
  /** The organization's name; staff emails are at a domain made from it. Default from the seed. */
  name?: string;
  onProgress?: OnProgress;
}

export interface GeneratedOrganization {
  organizationId: string;
  name: string;
  timeZone: string;
  startDate: string;
  endDate: string;
  password: string;
  staff: { id: string; email: string; displayName: string; roles: StaffRole[] }[];
  /** A clinician who facilitates group sessions today, each with twelve members. */
  rollCall: { clinicianEmail: string; clinicianId: string; sessionIds: string[] };
  counts: {
    patients: number;
    episodes: number;
    tracks: number;
    sessions: number;
    attendance: number;
    administrations: number;
    rows: number;
  };
}

export class GenerateError extends Error {}

const hashOf = (s: string) => {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
};

export async function generateOrganization(
  db: Kysely<DB>,
  opts: GenerateOptions,
): Promise<GeneratedOrganization> {
  const { patients: patientCount, years, seed } = opts;
  if (!Number.isInteger(patientCount) || patientCount < 1)
    throw new GenerateError('--patients must be a positive whole number');
  if (!(years > 0 && years <= 20)) throw new GenerateError('--years must be between 0 and 20');
  const timeZone = 'America/New_York';
  const endDate = opts.endDate ?? clinicDateTime(new Date(), timeZone).date;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endDate)) throw new GenerateError('--end-date must be YYYY-MM-DD');
  const startDate = addDays(endDate, -Math.round(years * 365.25));
  const name = opts.name ?? `Generated Clinic (seed ${seed})`;
  const progress = opts.onProgress ?? (() => {});

  const existing = await db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (existing)
    throw new GenerateError(
      `An organization named "${name}" already exists (${existing.id}); use another --seed or --name.`,
    );

  const organizationId = new Rng(hashOf(name), seed).uuid();
  const rng = new Rng(seed, 1);
  const trackCount = Math.max(1, Math.ceil((patientCount * CENSUS_FRACTION) / (SEATS_PER_TRACK * OCCUPANCY)));
  const plan = planOrganization(rng, { organizationId, name, trackCount, start: startDate, endDate });
  const { episodes, patients } = planEpisodes(rng, plan, {
    patients: patientCount,
    start: startDate,
    endDate,
  });

  const estimate = Math.round(
    episodes.reduce(
      (sum, e) => {
        const last = e.dischargedOn && e.dischargedOn < endDate ? e.dischargedOn : endDate;
        const weeks = (Date.parse(last) - Date.parse(e.admittedOn)) / (7 * 86_400_000);
        return sum + weeks * ((3 * plan.tracks[e.track]!.weekdays.length + 1) * 2.3 + 2);
      },
      patients.length + episodes.length * 3,
    ),
  );
  let rows = 0;
  const step = (phase: string) => (n: number) => {
    rows += n;
    progress(rows, Math.max(rows, estimate), phase);
  };

  progress(0, estimate, 'organization');
  const passwordHash = await hashPassword(GENERATED_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await writeOrganization(trx, plan, passwordHash, startDate);
    await writeEpisodes(trx, plan, patients, episodes, new Rng(seed, 2), step('patients, episodes'));
  });

  const byTrack = new Map<number, EpisodePlan[]>();
  for (const e of episodes) byTrack.set(e.track, [...(byTrack.get(e.track) ?? []), e]);
  let sessions = 0;
  let attendance = 0;
  let todayGroups: string[] = [];
  for (const track of plan.tracks) {
    const tables = trackTables();
    const made = generateTrack(
      new Rng(seed, 1000 + track.index),
      plan,
      track,
      (byTrack.get(track.index) ?? []).sort((a, b) => a.seat - b.seat || a.index - b.index),
      patients,
      { start: startDate, endDate },
      tables,
    );
    sessions += made.sessions;
    attendance += made.attendance;
    if (track.index === 0) todayGroups = made.todayGroups;
    const n = await db.transaction().execute((trx) => writeTrack(trx, organizationId, tables));
    step('sessions, attendance')(n);
  }

  // Scores, after attendance: they are given on days the patient came in.
  const scores = administrationsTable();
  const administrations = generateAdministrations(
    new Rng(seed, 3),
    plan,
    episodes,
    patients,
    { endDate },
    scores,
  );
  step('scores')(await db.transaction().execute((trx) => scores.flush(trx, organizationId)));

  // Two unexcused absences in a row set the episode's engagement risk, as roll call does. An
  // active episode looks at the patient's latest two attendances, whichever episode they were in.
  const atRisk: string[] = [];
  for (const p of patients)
    p.episodes.forEach((index, i) => {
      const e = episodes[index]!;
      const prev = i > 0 ? episodes[p.episodes[i - 1]!]!.last : [];
      const last = (e.dischargedOn ? e.last : [...prev, ...e.last]).slice(-2);
      if (last.length === 2 && last.every((s) => s === 'absent_unexcused')) atRisk.push(e.id);
    });
  if (atRisk.length > 0)
    await sql`UPDATE episodes SET engagement_risk = true
      WHERE organization_id = ${organizationId}::uuid AND id = ANY(${atRisk}::uuid[])`.execute(db);
  progress(rows, rows, 'analyze');
  for (const table of [
    'patients',
    'episodes',
    'sessions',
    'session_staff',
    'session_participants',
    'attendance',
    'administrations',
  ])
    await sql`ANALYZE ${sql.raw(table)}`.execute(db);

  const lead = plan.tracks[0]!.blocks[0]!.facilitatorId;
  const leadStaff = plan.staff.find((s) => s.id === lead)!;
  return {
    organizationId,
    name,
    timeZone,
    startDate,
    endDate,
    password: GENERATED_PASSWORD,
    staff: plan.staff.map((s) => ({ id: s.id, email: s.email, displayName: s.displayName, roles: s.roles })),
    rollCall: { clinicianEmail: leadStaff.email, clinicianId: lead, sessionIds: todayGroups },
    counts: {
      patients: patients.length,
      episodes: episodes.length,
      tracks: plan.tracks.length,
      sessions,
      attendance,
      administrations,
      rows,
    },
  };
}
