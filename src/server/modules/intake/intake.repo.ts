import type { Insertable } from 'kysely';
import type { LevelOfCareDecisionsTable, ReferralsTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const REFERRAL_COLUMNS = [
  'r.id',
  'r.patient_id',
  'r.source',
  'r.referrer_name',
  'r.referrer_organization',
  'r.referrer_phone',
  'r.referrer_email',
  'r.reason',
  'r.urgency',
  'r.consent_to_contact',
  'r.status',
  'r.status_changed_at',
  'r.closed_reason',
  'r.destination',
  'r.created_at',
  'p.mrn',
  'p.given_name',
  'p.family_name',
  'p.preferred_name',
  'p.date_of_birth',
] as const;

const referrals = (db: Db, organizationId: string) =>
  db
    .selectFrom('referrals as r')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.organization_id', '=', 'r.organization_id').onRef('p.id', '=', 'r.patient_id'),
    )
    .select(REFERRAL_COLUMNS)
    .where('r.organization_id', '=', organizationId);

const CLOSED = ['declined', 'referred_elsewhere', 'admitted'];

export const intakeRepo = {
  async get(db: Db, organizationId: string, id: string, opts: { forUpdate?: boolean } = {}) {
    let q = referrals(db, organizationId).where('r.id', '=', id);
    if (opts.forUpdate) q = q.forUpdate('r');
    const row = await q.executeTakeFirst();
    if (!row) throw notFound('referral');
    return row;
  },

  list(db: Db, organizationId: string, filter: { status?: string; open?: boolean; patientId?: string }) {
    let q = referrals(db, organizationId);
    if (filter.status) q = q.where('r.status', '=', filter.status);
    if (filter.open === true) q = q.where('r.status', 'not in', CLOSED);
    if (filter.open === false) q = q.where('r.status', 'in', CLOSED);
    if (filter.patientId) q = q.where('r.patient_id', '=', filter.patientId);
    return q.orderBy('r.status_changed_at').limit(1000).execute();
  },

  insert(db: Db, values: Insertable<ReferralsTable>) {
    return db.insertInto('referrals').values(values).returning('id').executeTakeFirstOrThrow();
  },

  setStatus(
    db: Db,
    organizationId: string,
    id: string,
    v: { status: string; at: Date; closedReason: string | null; destination: string | null },
  ) {
    return db
      .updateTable('referrals')
      .set({
        status: v.status,
        status_changed_at: v.at,
        closed_reason: v.closedReason,
        destination: v.destination,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  insertEvent(
    db: Db,
    v: {
      organizationId: string;
      referralId: string;
      from: string | null;
      to: string;
      reason?: string | null;
      destination?: string | null;
      by: string | null;
      at: Date;
    },
  ) {
    return db
      .insertInto('referral_events')
      .values({
        organization_id: v.organizationId,
        referral_id: v.referralId,
        from_status: v.from,
        to_status: v.to,
        reason: v.reason ?? null,
        destination: v.destination ?? null,
        changed_by: v.by,
        changed_at: v.at,
      })
      .execute();
  },

  events(db: Db, organizationId: string, referralId: string) {
    return db
      .selectFrom('referral_events as e')
      .leftJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'e.organization_id').onRef('u.id', '=', 'e.changed_by'),
      )
      .select(['e.from_status', 'e.to_status', 'e.reason', 'e.destination', 'e.changed_at', 'u.display_name'])
      .where('e.organization_id', '=', organizationId)
      .where('e.referral_id', '=', referralId)
      .orderBy('e.seq')
      .execute();
  },

  insertNote(
    db: Db,
    v: { organizationId: string; referralId: string; body: string; authorId: string | null },
  ) {
    return db
      .insertInto('referral_notes')
      .values({
        organization_id: v.organizationId,
        referral_id: v.referralId,
        body: v.body,
        author_id: v.authorId,
      })
      .execute();
  },

  notes(db: Db, organizationId: string, referralId: string) {
    return db
      .selectFrom('referral_notes as n')
      .leftJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'n.organization_id').onRef('u.id', '=', 'n.author_id'),
      )
      .select(['n.id', 'n.body', 'n.created_at', 'u.display_name'])
      .where('n.organization_id', '=', organizationId)
      .where('n.referral_id', '=', referralId)
      .orderBy('n.seq')
      .execute();
  },

  insertDecision(db: Db, values: Insertable<LevelOfCareDecisionsTable>) {
    return db.insertInto('level_of_care_decisions').values(values).returning('id').executeTakeFirstOrThrow();
  },

  decisions(db: Db, organizationId: string, referralId: string) {
    return db
      .selectFrom('level_of_care_decisions as d')
      .leftJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'd.organization_id').onRef('u.id', '=', 'd.decided_by'),
      )
      .select([
        'd.id',
        'd.recommended_level',
        'd.crisis',
        'd.reasons',
        'd.ruleset_version',
        'd.chosen_level',
        'd.override_justification',
        'd.asam',
        'd.decided_at',
        'u.display_name',
      ])
      .where('d.organization_id', '=', organizationId)
      .where('d.referral_id', '=', referralId)
      .orderBy('d.seq', 'desc')
      .execute();
  },
};

export type ReferralRow = Awaited<ReturnType<typeof intakeRepo.get>>;
