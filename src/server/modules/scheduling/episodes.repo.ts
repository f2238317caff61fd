import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { EpisodesTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const EPISODE_COLUMNS = [
  'e.id',
  'e.patient_id',
  'e.referral_id',
  'e.program_id',
  'e.track_id',
  'e.level_of_care',
  'e.status',
  'e.admitted_on',
  'e.discharged_on',
  'e.primary_therapist_id',
  'e.prescriber_id',
  'e.diagnoses',
  'e.stepping_down_since',
  'p.name as program_name',
  'p.intensity',
  'p.location_id',
  't.name as track_name',
  'l.time_zone',
  'th.display_name as therapist_name',
  'rx.display_name as prescriber_name',
  'pt.mrn',
  'pt.given_name',
  'pt.family_name',
  'pt.preferred_name',
  'pt.date_of_birth',
] as const;

const episodes = (db: Db, organizationId: string) =>
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
    .innerJoin('users as th', (j) =>
      j.onRef('th.organization_id', '=', 'e.organization_id').onRef('th.id', '=', 'e.primary_therapist_id'),
    )
    .leftJoin('users as rx', (j) =>
      j.onRef('rx.organization_id', '=', 'e.organization_id').onRef('rx.id', '=', 'e.prescriber_id'),
    )
    .innerJoin('patients as pt', (j) =>
      j.onRef('pt.organization_id', '=', 'e.organization_id').onRef('pt.id', '=', 'e.patient_id'),
    )
    .select(EPISODE_COLUMNS)
    .where('e.organization_id', '=', organizationId);

/** Episodes of care: admission into a program track, through to discharge. */
export const episodesRepo = {
  async get(db: Db, organizationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = episodes(db, organizationId).where('e.id', '=', id);
    if (opts.forUpdate) q = q.forUpdate('e');
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('episode');
    return row;
  },

  activeOf(db: Db, organizationId: string, patientId: string) {
    return episodes(db, organizationId)
      .where('e.patient_id', '=', patientId)
      .where('e.status', '=', 'active')
      .executeTakeFirst();
  },

  /** The active episode, else the most recent one. */
  latestOf(db: Db, organizationId: string, patientId: string) {
    return episodes(db, organizationId)
      .where('e.patient_id', '=', patientId)
      .orderBy('e.status')
      .orderBy('e.admitted_on', 'desc')
      .executeTakeFirst();
  },

  /** Active episodes of these patients, for sessions that involve them. */
  activeOfPatients(db: Db, organizationId: string, patientIds: readonly string[]) {
    return episodes(db, organizationId)
      .where(
        'e.patient_id',
        'in',
        patientIds.length ? [...patientIds] : ['00000000-0000-0000-0000-000000000000'],
      )
      .where('e.status', '=', 'active')
      .execute();
  },

  list(
    db: Db,
    organizationId: string,
    filter: { programId?: string; trackId?: string; status?: string; patientId?: string },
  ) {
    let q = episodes(db, organizationId);
    if (filter.programId) q = q.where('e.program_id', '=', filter.programId);
    if (filter.trackId) q = q.where('e.track_id', '=', filter.trackId);
    if (filter.status) q = q.where('e.status', '=', filter.status);
    if (filter.patientId) q = q.where('e.patient_id', '=', filter.patientId);
    return q.orderBy('pt.family_name').orderBy('pt.given_name').limit(2000).execute();
  },

  /** Active members of a track as of `date` (admitted on or before it). */
  trackMembers(db: Db, organizationId: string, trackId: string) {
    return db
      .selectFrom('episodes')
      .select(['id', 'patient_id', 'admitted_on'])
      .where('organization_id', '=', organizationId)
      .where('track_id', '=', trackId)
      .where('status', '=', 'active')
      .execute();
  },

  async countActive(db: Db, organizationId: string, programId: string) {
    const { n } = await db
      .selectFrom('episodes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', organizationId)
      .where('program_id', '=', programId)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return Number(n);
  },

  activeCounts(db: Db, organizationId: string) {
    return db
      .selectFrom('episodes')
      .select(['program_id', (eb) => eb.fn.countAll<string>().as('n')])
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'active')
      .groupBy('program_id')
      .execute();
  },

  insert(db: Db, values: Insertable<EpisodesTable>) {
    return db.insertInto('episodes').values(values).returning('id').executeTakeFirstOrThrow();
  },

  insertSpan(
    db: Db,
    v: { organizationId: string; episodeId: string; level: string; from: string; reason: string },
  ) {
    return db
      .insertInto('level_of_care_spans')
      .values({
        organization_id: v.organizationId,
        episode_id: v.episodeId,
        level_of_care: v.level,
        started_on: v.from,
        reason: v.reason,
      })
      .execute();
  },

  setSteppingDown(db: Db, organizationId: string, id: string, since: string | null) {
    return db
      .updateTable('episodes')
      .set({ stepping_down_since: since, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  setTrack(db: Db, organizationId: string, id: string, trackId: string) {
    return db
      .updateTable('episodes')
      .set({ track_id: trackId, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  insertOverride(
    db: Db,
    v: {
      organizationId: string;
      episodeId: string;
      weekOf: string;
      change: string;
      shortfalls: unknown[];
      reason: string;
      by: string;
    },
  ) {
    return db
      .insertInto('intensity_overrides')
      .values({
        organization_id: v.organizationId,
        episode_id: v.episodeId,
        week_of: v.weekOf,
        change: v.change,
        shortfalls: JSON.stringify(v.shortfalls),
        reason: v.reason,
        decided_by: v.by,
      })
      .execute();
  },

  completions(db: Db, organizationId: string, episodeId: string) {
    return db
      .selectFrom('module_completions')
      .select(['module_id', 'completed_on'])
      .where('organization_id', '=', organizationId)
      .where('episode_id', '=', episodeId)
      .execute();
  },

  async insertCompletions(
    db: Db,
    organizationId: string,
    rows: readonly { episodeId: string; moduleId: string; sessionId: string; on: string; by: string }[],
  ) {
    if (rows.length === 0) return;
    await db
      .insertInto('module_completions')
      .values(
        rows.map((r) => ({
          organization_id: organizationId,
          episode_id: r.episodeId,
          module_id: r.moduleId,
          session_id: r.sessionId,
          completed_on: r.on,
          recorded_by: r.by,
        })),
      )
      .onConflict((oc) => oc.columns(['organization_id', 'episode_id', 'module_id']).doNothing())
      .execute();
  },
};

export type EpisodeRow = Awaited<ReturnType<typeof episodesRepo.get>>;
