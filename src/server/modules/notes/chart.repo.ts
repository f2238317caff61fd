import type { Db } from '../../platform/db/tx.js';
import { containsPattern } from '../../platform/db/like.js';

/** Reads for the chart timeline: one query per kind of entry, newest first, before an instant. */
export const chartRepo = {
  sessions(db: Db, organizationId: string, patientId: string, before: Date, limit: number) {
    return db
      .selectFrom('attendance as a')
      .innerJoin('sessions as s', (j) =>
        j.onRef('s.organization_id', '=', 'a.organization_id').onRef('s.id', '=', 'a.session_id'),
      )
      .leftJoin('episodes as e', (j) =>
        j.onRef('e.organization_id', '=', 'a.organization_id').onRef('e.id', '=', 'a.episode_id'),
      )
      .select(['a.session_id', 'a.starts_at', 'a.status', 'a.minutes', 's.title', 'e.sensitivity'])
      .where('a.organization_id', '=', organizationId)
      .where('a.patient_id', '=', patientId)
      .where('a.starts_at', '<', before)
      .orderBy('a.starts_at', 'desc')
      .limit(limit)
      .execute();
  },

  notes(db: Db, organizationId: string, patientId: string, before: Date, limit: number, q?: string) {
    let query = db
      .selectFrom('notes as n')
      .innerJoin('sessions as s', (j) =>
        j.onRef('s.organization_id', '=', 'n.organization_id').onRef('s.id', '=', 'n.session_id'),
      )
      .select([
        'n.id',
        'n.kind',
        'n.template',
        'n.status',
        'n.late_entry',
        'n.session_starts_at',
        'n.content_text',
        'n.sensitivity',
        'n.author_id',
        's.title as session_title',
      ])
      .where('n.organization_id', '=', organizationId)
      .where('n.patient_id', '=', patientId)
      .where('n.session_starts_at', '<', before);
    if (q) query = query.where('n.content_text', 'ilike', containsPattern(q));
    return query.orderBy('n.session_starts_at', 'desc').limit(limit).execute();
  },

  assessments(db: Db, organizationId: string, patientId: string, before: Date, limit: number) {
    return db
      .selectFrom('administrations')
      .select(['id', 'instrument_id', 'total', 'severity', 'positive', 'administered_at', 'sensitivity'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('administered_at', '<', before)
      .orderBy('administered_at', 'desc')
      .limit(limit)
      .execute();
  },

  alerts(db: Db, organizationId: string, patientId: string, before: Date, limit: number) {
    return db
      .selectFrom('safety_alerts')
      .select(['id', 'reason', 'status', 'created_at', 'sensitivity'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('created_at', '<', before)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
  },

  medicationChanges(db: Db, organizationId: string, patientId: string, before: Date, limit: number) {
    return db
      .selectFrom('medication_changes')
      .select(['note_id', 'kind', 'name', 'dose', 'reason', 'changed_on', 'sensitivity'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('changed_on', '<', before.toISOString().slice(0, 10))
      .orderBy('changed_on', 'desc')
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
  },

  async signedNotesBetween(db: Db, organizationId: string, patientId: string, from: Date, to: Date) {
    const rows = await db
      .selectFrom('notes')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .where('status', '!=', 'draft')
      .where('session_starts_at', '>=', from)
      .where('session_starts_at', '<', to)
      .orderBy('session_starts_at')
      .execute();
    return rows.map((r) => r.id);
  },
};
