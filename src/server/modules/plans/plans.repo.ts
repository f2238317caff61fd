import { sql } from 'kysely';
import type { Db } from '../../platform/db/tx.js';

/** The episode a plan belongs to, with what its header and review interval need. */
export const episodeOf = (db: Db, organizationId: string, episodeId: string) =>
  db
    .selectFrom('episodes as e')
    .innerJoin('programs as p', (j) =>
      j.onRef('p.organization_id', '=', 'e.organization_id').onRef('p.id', '=', 'e.program_id'),
    )
    .innerJoin('tracks as t', (j) =>
      j.onRef('t.organization_id', '=', 'e.organization_id').onRef('t.id', '=', 'e.track_id'),
    )
    .innerJoin('locations as l', (j) =>
      j.onRef('l.organization_id', '=', 'p.organization_id').onRef('l.id', '=', 'p.location_id'),
    )
    .innerJoin('patients as pt', (j) =>
      j.onRef('pt.organization_id', '=', 'e.organization_id').onRef('pt.id', '=', 'e.patient_id'),
    )
    .select([
      'e.id',
      'e.patient_id',
      'e.status',
      'e.admitted_on',
      'e.discharged_on',
      'e.diagnoses',
      'e.sensitivity',
      'e.primary_therapist_id',
      'e.program_id',
      'e.track_id',
      'p.name as program_name',
      'p.measurement_schedule',
      'p.plan_review_interval_days',
      't.name as track_name',
      'l.time_zone',
      'pt.mrn',
      sql<string>`pt.given_name || ' ' || pt.family_name`.as('patient_name'),
    ])
    .where('e.organization_id', '=', organizationId)
    .where('e.id', '=', episodeId)
    .executeTakeFirst();
export type EpisodeRow = NonNullable<Awaited<ReturnType<typeof episodeOf>>>;

/** The patient's active episode, else the most recently admitted one. */
export const episodeIdForPatient = async (db: Db, organizationId: string, patientId: string) =>
  (
    await db
      .selectFrom('episodes')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy(sql`status = 'active'`, 'desc')
      .orderBy('admitted_on', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.id;

const planColumns = [
  'tp.id',
  'tp.episode_id',
  'tp.patient_id',
  'tp.version',
  'tp.previous_id',
  'tp.status',
  'tp.content',
  'tp.review',
  'tp.payer_review_interval_days',
  'tp.author_id',
  'tp.created_at',
  'tp.updated_at',
  'tp.signed_by',
  'tp.signed_at',
  'tp.content_sha256',
  'tp.cosigner_id',
  'tp.cosigned_at',
  'tp.effective_on',
  'tp.review_due_on',
  'tp.patient_signed_at',
  'tp.patient_signature_name',
  'tp.patient_signature_witness',
  'tp.patient_declined_reason',
  'tp.sensitivity',
] as const;

/** Every version of an episode's plan, newest first. */
export const plansOfEpisode = (db: Db, organizationId: string, episodeId: string) =>
  db
    .selectFrom('treatment_plans as tp')
    .select(planColumns)
    .where('tp.organization_id', '=', organizationId)
    .where('tp.episode_id', '=', episodeId)
    .orderBy('tp.version', 'desc')
    .execute();
export type PlanRow = Awaited<ReturnType<typeof plansOfEpisode>>[number];

export const planById = (db: Db, organizationId: string, id: string, forUpdate = false) =>
  db
    .selectFrom('treatment_plans as tp')
    .select(planColumns)
    .where('tp.organization_id', '=', organizationId)
    .where('tp.id', '=', id)
    .$if(forUpdate, (q) => q.forUpdate())
    .executeTakeFirst();

/** Names (with credentials) of the staff a plan mentions. */
export const staffNames = async (db: Db, organizationId: string, ids: readonly (string | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, { name: string; supervisorId: string | null }>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name', 'credentials', 'supervisor_id'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', wanted)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.credentials ? `${r.display_name}, ${r.credentials}` : r.display_name,
        supervisorId: r.supervisor_id,
      },
    ]),
  );
};

/** The latest total of each instrument for a patient since a date (clinic-local admission date). */
export const latestScores = (db: Db, organizationId: string, patientId: string, since: Date) =>
  db
    .selectFrom('administrations')
    .distinctOn('instrument_id')
    .select(['instrument_id', 'total', 'administered_at'])
    .where('organization_id', '=', organizationId)
    .where('patient_id', '=', patientId)
    .where('administered_at', '>=', since)
    .where('total', 'is not', null)
    .orderBy('instrument_id')
    .orderBy('administered_at', 'desc')
    .execute();

/** Goals of each patient's plan in force (signed), for note screens. */
export const currentGoals = async (db: Db, organizationId: string, patientIds: readonly string[]) => {
  const out = new Map<string, { id: string; statement: string }[]>();
  if (patientIds.length === 0) return out;
  const rows = await db
    .selectFrom('treatment_plans as tp')
    .innerJoin('episodes as e', (j) =>
      j.onRef('e.organization_id', '=', 'tp.organization_id').onRef('e.id', '=', 'tp.episode_id'),
    )
    .select(['tp.patient_id', 'tp.content'])
    .where('tp.organization_id', '=', organizationId)
    .where('tp.patient_id', 'in', [...new Set(patientIds)])
    .where('tp.status', '=', 'signed')
    .where('e.status', '=', 'active')
    .execute();
  for (const r of rows)
    out.set(
      r.patient_id,
      r.content.goals.map((g) => ({ id: g.id, statement: g.statement })),
    );
  return out;
};

/** Codes loaded from an official code file, for one code system. */
export const importedCodes = (db: Db, system: string) =>
  db
    .selectFrom('diagnosis_codes')
    .select(['code', 'display'])
    .where('system', '=', system)
    .orderBy('code')
    .execute();

/** Loads (or refreshes) codes from an official file, in one statement per 500 codes. */
export async function saveImportedCodes(
  db: Db,
  system: string,
  codes: readonly { code: string; display: string }[],
  source: string,
  at: Date,
) {
  for (let i = 0; i < codes.length; i += 500)
    await db
      .insertInto('diagnosis_codes')
      .values(codes.slice(i, i + 500).map((c) => ({ system, ...c, source, imported_at: at })))
      .onConflict((oc) =>
        oc.columns(['system', 'code']).doUpdateSet((eb) => ({
          display: eb.ref('excluded.display'),
          source: eb.ref('excluded.source'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
}
