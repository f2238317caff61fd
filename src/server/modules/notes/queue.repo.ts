import { sql } from 'kysely';
import type { ActiveMedication, MedicationChange } from '../../../domain/notes/index.js';
import type { Db } from '../../platform/db/tx.js';

const localStart = sql<string>`to_char(s.starts_at at time zone l.time_zone, 'HH24:MI')`;

/** The unsigned-notes queue and the medication list's writes. */
export const notesQueueRepo = {
  /**
   * Sessions the user led (or co-led) that ended in [since, now) with members present whose note
   * is not signed yet (no note, or a draft).
   */
  toWrite(db: Db, organizationId: string, userId: string, window: { since: Date; now: Date }) {
    return db
      .selectFrom('sessions as s')
      .innerJoin('session_staff as ss', (j) =>
        j.onRef('ss.organization_id', '=', 's.organization_id').onRef('ss.session_id', '=', 's.id'),
      )
      .innerJoin('locations as l', (j) =>
        j.onRef('l.organization_id', '=', 's.organization_id').onRef('l.id', '=', 's.location_id'),
      )
      .innerJoin('attendance as a', (j) =>
        j.onRef('a.organization_id', '=', 's.organization_id').onRef('a.session_id', '=', 's.id'),
      )
      .leftJoin('notes as n', (j) =>
        j
          .onRef('n.organization_id', '=', 'a.organization_id')
          .onRef('n.session_id', '=', 'a.session_id')
          .onRef('n.patient_id', '=', 'a.patient_id'),
      )
      .select([
        's.id',
        's.title',
        's.kind',
        's.local_date',
        localStart.as('start'),
        (eb) => eb.fn.countAll<string>().as('members'),
      ])
      .where('s.organization_id', '=', organizationId)
      .where('ss.user_id', '=', userId)
      .where('s.status', '=', 'scheduled')
      .where('s.ends_at', '>=', window.since)
      .where('s.ends_at', '<', window.now)
      .where('a.status', 'not in', ['absent_excused', 'absent_unexcused'])
      .where((eb) => eb.or([eb('n.id', 'is', null), eb('n.status', '=', 'draft')]))
      .groupBy(['s.id', 's.title', 's.kind', 's.local_date', 's.starts_at', 'l.time_zone'])
      .orderBy('s.starts_at')
      .execute();
  },

  drafts(db: Db, organizationId: string, userId: string) {
    return db
      .selectFrom('notes as n')
      .innerJoin('sessions as s', (j) =>
        j.onRef('s.organization_id', '=', 'n.organization_id').onRef('s.id', '=', 'n.session_id'),
      )
      .innerJoin('patients as p', (j) =>
        j.onRef('p.organization_id', '=', 'n.organization_id').onRef('p.id', '=', 'n.patient_id'),
      )
      .select([
        'n.id',
        'n.session_id',
        'n.patient_id',
        'n.kind',
        's.local_date',
        's.title',
        'p.given_name',
        'p.family_name',
        'p.preferred_name',
      ])
      .where('n.organization_id', '=', organizationId)
      .where('n.author_id', '=', userId)
      .where('n.status', '=', 'draft')
      .orderBy('n.session_starts_at')
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .limit(200)
      .execute();
  },

  toCosign(db: Db, organizationId: string, userId: string) {
    return db
      .selectFrom('notes as n')
      .innerJoin('sessions as s', (j) =>
        j.onRef('s.organization_id', '=', 'n.organization_id').onRef('s.id', '=', 'n.session_id'),
      )
      .innerJoin('patients as p', (j) =>
        j.onRef('p.organization_id', '=', 'n.organization_id').onRef('p.id', '=', 'n.patient_id'),
      )
      .innerJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'n.organization_id').onRef('u.id', '=', 'n.author_id'),
      )
      .select([
        'n.id',
        'n.patient_id',
        'n.kind',
        'n.signed_at',
        's.local_date',
        'p.given_name',
        'p.family_name',
        'p.preferred_name',
        'u.display_name as author',
      ])
      .where('n.organization_id', '=', organizationId)
      .where('n.cosigner_id', '=', userId)
      .where('n.status', '=', 'pending_cosign')
      .orderBy('n.signed_at')
      .limit(200)
      .execute();
  },

  /** Applies a signed note's (already checked) changes to the active list and keeps each change. */
  async writeMedicationChanges(
    db: Db,
    v: {
      organizationId: string;
      patientId: string;
      noteId: string;
      date: string;
      sensitivity: string[];
      changes: readonly MedicationChange[];
      current: readonly ActiveMedication[];
    },
  ) {
    const active = (name: string) =>
      db
        .updateTable('medications')
        .where('organization_id', '=', v.organizationId)
        .where('patient_id', '=', v.patientId)
        .where('stopped_on', 'is', null)
        // Names match as the domain's list does: trimmed, case-folded, inner spaces collapsed.
        .where(
          sql<boolean>`lower(regexp_replace(btrim(name), '\\s+', ' ', 'g')) = ${name.trim().toLowerCase().replace(/\s+/g, ' ')}`,
        );
    for (const c of v.changes) {
      if (c.kind === 'start')
        await db
          .insertInto('medications')
          .values({
            organization_id: v.organizationId,
            patient_id: v.patientId,
            name: c.name.trim(),
            dose: c.dose ?? null,
            route: c.route ?? null,
            frequency: c.frequency ?? null,
            since: v.date,
            source_note_id: v.noteId,
            sensitivity: v.sensitivity,
          })
          .execute();
      else if (c.kind === 'stop') await active(c.name).set({ stopped_on: v.date }).execute();
      else if (c.kind === 'dose_change')
        await active(c.name)
          .set({
            dose: c.dose ?? null,
            // Route and frequency stay as they were unless the note gives new ones.
            ...(c.route != null && { route: c.route }),
            ...(c.frequency != null && { frequency: c.frequency }),
            since: v.date,
            source_note_id: v.noteId,
          })
          .execute();
      await db
        .insertInto('medication_changes')
        .values({
          organization_id: v.organizationId,
          patient_id: v.patientId,
          note_id: v.noteId,
          kind: c.kind,
          name: c.name.trim(),
          dose: c.dose ?? null,
          reason: c.reason ?? null,
          changed_on: v.date,
          sensitivity: v.sensitivity,
        })
        .execute();
    }
  },
};
