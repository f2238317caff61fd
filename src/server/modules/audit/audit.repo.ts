import { sql } from 'kysely';
import type { AuditAction } from '../../../contracts/audit.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

export interface AuditFilter {
  userId?: string;
  patientId?: string;
  action?: AuditAction;
  fromInstant?: Date;
  toInstantExclusive?: Date;
  /** Keyset cursor: only events older than this chain position. */
  beforeSeq?: number;
}

const baseQuery = (db: Db, organizationId: string) =>
  db
    .selectFrom('audit_events as e')
    .leftJoin('users as u', (j) =>
      j.onRef('u.organization_id', '=', 'e.organization_id').onRef('u.id', '=', 'e.actor_user_id'),
    )
    .select([
      'e.id',
      'e.chain_seq',
      'e.occurred_at',
      'e.actor_user_id',
      'u.email as actor_email',
      'e.actor_roles',
      'e.action',
      'e.resource_type',
      'e.resource_id',
      'e.patient_id',
      'e.ip',
      'e.outcome',
      'e.details',
    ])
    .where('e.organization_id', '=', organizationId)
    .where('e.chain_key', '=', organizationId);

export const auditRepo = {
  async get(db: Db, organizationId: string, id: string) {
    const row = await baseQuery(db, organizationId).where('e.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('audit event');
    return row;
  },

  list(db: Db, organizationId: string, filter: AuditFilter, limit: number) {
    let query = baseQuery(db, organizationId);
    if (filter.userId) query = query.where('e.actor_user_id', '=', filter.userId);
    // An event about several patients (a roster, a group's notes) lists them in details.patientIds.
    if (filter.patientId) {
      const patientId = filter.patientId;
      query = query.where((eb) =>
        eb.or([
          eb('e.patient_id', '=', patientId),
          sql<boolean>`e.details -> 'patientIds' @> ${JSON.stringify([patientId])}::jsonb`,
        ]),
      );
    }
    if (filter.action) query = query.where('e.action', '=', filter.action);
    if (filter.fromInstant) query = query.where('e.occurred_at', '>=', filter.fromInstant);
    if (filter.toInstantExclusive) query = query.where('e.occurred_at', '<', filter.toInstantExclusive);
    if (filter.beforeSeq !== undefined)
      query = query.where('e.chain_seq', '<', sql<string>`${filter.beforeSeq}::bigint`);
    return query.orderBy('e.chain_seq', 'desc').limit(limit).execute();
  },
};

export type AuditRow = Awaited<ReturnType<typeof auditRepo.list>>[number];
