import { sql, type Insertable, type Updateable } from 'kysely';
import type { NotesTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const NOTE_COLUMNS = [
  'n.id',
  'n.patient_id',
  'n.session_id',
  'n.episode_id',
  'n.kind',
  'n.template',
  'n.body',
  'n.risk',
  'n.risk_detail',
  'n.goal_ids',
  'n.attendees',
  'n.medication',
  'n.session_starts_at',
  'n.author_id',
  'n.status',
  'n.signed_content',
  'n.content_sha256',
  'n.service_code',
  'n.signed_by',
  'n.signed_at',
  'n.late_entry',
  'n.cosigner_id',
  'n.cosigned_at',
  'n.sensitivity',
  'n.updated_at',
] as const;

/** Notes, the shared part of group notes, addenda and the medication list. */
export const notesRepo = {
  async get(db: Db, organizationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = db
      .selectFrom('notes as n')
      .select(NOTE_COLUMNS)
      .where('n.organization_id', '=', organizationId)
      .where('n.id', '=', id);
    if (opts.forUpdate) q = q.forUpdate();
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('note');
    return row;
  },

  forSession(db: Db, organizationId: string, sessionId: string, opts: { forUpdate?: boolean } = {}) {
    let q = db
      .selectFrom('notes as n')
      .select(NOTE_COLUMNS)
      .where('n.organization_id', '=', organizationId)
      .where('n.session_id', '=', sessionId);
    if (opts.forUpdate) q = q.forUpdate();
    return q.execute();
  },

  insert(db: Db, values: Insertable<NotesTable>) {
    return db.insertInto('notes').values(values).returning('id').executeTakeFirstOrThrow();
  },

  async insertMany(db: Db, rows: readonly Insertable<NotesTable>[]) {
    if (rows.length > 0)
      await db
        .insertInto('notes')
        .values([...rows])
        .execute();
  },

  update(db: Db, organizationId: string, id: string, values: Updateable<NotesTable>) {
    return db
      .updateTable('notes')
      .set({ ...values, updated_at: sql`now()` })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  sharedPart(db: Db, organizationId: string, sessionId: string) {
    return db
      .selectFrom('group_notes')
      .select(['body', 'author_id'])
      .where('organization_id', '=', organizationId)
      .where('session_id', '=', sessionId)
      .executeTakeFirst();
  },

  saveSharedPart(
    db: Db,
    organizationId: string,
    sessionId: string,
    body: Record<string, string>,
    by: string,
  ) {
    const json = JSON.stringify(body);
    return db
      .insertInto('group_notes')
      .values({ organization_id: organizationId, session_id: sessionId, body: json, author_id: by })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'session_id']).doUpdateSet({ body: json, updated_at: sql`now()` }),
      )
      .execute();
  },

  /** The session's members with their names (for the name check), episode and attendance. */
  members(db: Db, organizationId: string, sessionId: string) {
    return db
      .selectFrom('session_participants as sp')
      .innerJoin('patients as p', (j) =>
        j.onRef('p.organization_id', '=', 'sp.organization_id').onRef('p.id', '=', 'sp.patient_id'),
      )
      .leftJoin('attendance as a', (j) =>
        j
          .onRef('a.organization_id', '=', 'sp.organization_id')
          .onRef('a.session_id', '=', 'sp.session_id')
          .onRef('a.patient_id', '=', 'sp.patient_id'),
      )
      .leftJoin('episodes as e', (j) =>
        j.onRef('e.organization_id', '=', 'sp.organization_id').onRef('e.id', '=', 'sp.episode_id'),
      )
      .innerJoin('sessions as s', (j) =>
        j.onRef('s.organization_id', '=', 'sp.organization_id').onRef('s.id', '=', 'sp.session_id'),
      )
      .leftJoin('programs as pr', (j) =>
        j.onRef('pr.organization_id', '=', 's.organization_id').onRef('pr.id', '=', 's.program_id'),
      )
      .select([
        'sp.patient_id',
        'sp.episode_id',
        'p.given_name',
        'p.family_name',
        'p.preferred_name',
        'p.mrn',
        'a.status as attendance',
        'a.minutes',
        'a.telehealth',
        'e.sensitivity',
        'pr.substance_use',
      ])
      .where('sp.organization_id', '=', organizationId)
      .where('sp.session_id', '=', sessionId)
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .execute();
  },

  staff(db: Db, organizationId: string, userIds: readonly string[]) {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(['id', 'display_name', 'credentials', 'supervisor_id'])
      .where('organization_id', '=', organizationId)
      .where('id', 'in', [...userIds])
      .execute();
  },

  addenda(db: Db, organizationId: string, noteIds: readonly string[]) {
    if (noteIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('note_addenda as a')
      .innerJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'a.organization_id').onRef('u.id', '=', 'a.author_id'),
      )
      .select(['a.id', 'a.note_id', 'a.reason', 'a.text', 'a.created_at', 'u.display_name as author'])
      .where('a.organization_id', '=', organizationId)
      .where('a.note_id', 'in', [...noteIds])
      .orderBy('a.created_at')
      .execute();
  },

  insertAddendum(
    db: Db,
    v: {
      organizationId: string;
      noteId: string;
      authorId: string;
      reason: string;
      text: string;
      sha: string;
      at: Date;
    },
  ) {
    return db
      .insertInto('note_addenda')
      .values({
        organization_id: v.organizationId,
        note_id: v.noteId,
        author_id: v.authorId,
        reason: v.reason,
        text: v.text,
        content_sha256: v.sha,
        created_at: v.at,
      })
      .execute();
  },

  activeMedications(db: Db, organizationId: string, patientId: string) {
    return db
      .selectFrom('medications')
      .select(['id', 'name', 'dose', 'route', 'frequency', 'since', 'sensitivity'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('stopped_on', 'is', null)
      .orderBy('name')
      .execute();
  },
};

export type NoteRow = Awaited<ReturnType<typeof notesRepo.get>>;
export type MemberRow = Awaited<ReturnType<typeof notesRepo.members>>[number];
