import type { Kysely } from 'kysely';
import type { AuditEventDto, AuditQuery } from '../../../contracts/audit.js';
import { csvLine } from '../../../domain/csv.js';
import { endOfClinicDay, startOfClinicDay } from '../../../domain/time/clinic-day.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { DB } from '../../platform/db/schema.js';
import { invalid } from '../../platform/errors.js';
import { organizationsRepo } from '../organizations/index.js';
import { auditRepo, type AuditFilter, type AuditRow } from './audit.repo.js';

type OrgActor = Actor & { organizationId: string };

const EXPORT_BATCH = 5000;
const EXPORT_MAX_ROWS = 200_000;
const CSV_HEADER = [
  'occurred_at',
  'user_id',
  'user_email',
  'roles',
  'action',
  'resource_type',
  'resource_id',
  'patient_id',
  'ip',
  'outcome',
  'event_id',
];

const toDto = (r: AuditRow): AuditEventDto => ({
  id: r.id,
  occurredAt: r.occurred_at.toISOString(),
  actorUserId: r.actor_user_id,
  actorEmail: r.actor_email,
  actorRoles: r.actor_roles,
  action: r.action as AuditEventDto['action'],
  resourceType: r.resource_type,
  resourceId: r.resource_id,
  patientId: r.patient_id,
  ip: r.ip,
  outcome: r.outcome as AuditEventDto['outcome'],
  details: r.details,
});

/** Browsing and exporting the audit log: administrators only, and both acts are themselves audited. */
export function createAuditService({ db, audit }: { db: Kysely<DB>; audit: AuditLog }) {
  async function filterOf(actor: OrgActor, q: AuditQuery): Promise<AuditFilter> {
    const { time_zone: tz } = await organizationsRepo.getOrganization(db, actor.organizationId);
    let beforeSeq: number | undefined;
    if (q.cursor !== undefined) {
      beforeSeq = Number(q.cursor);
      if (!Number.isSafeInteger(beforeSeq) || beforeSeq < 1)
        throw invalid('query.cursor', 'The cursor is not valid.');
    }
    return {
      userId: q.userId,
      patientId: q.patientId,
      action: q.action,
      fromInstant: q.from ? startOfClinicDay(q.from, tz) : undefined,
      toInstantExclusive: q.to ? endOfClinicDay(q.to, tz) : undefined,
      beforeSeq,
    };
  }
  const filterDetails = (q: AuditQuery) => ({
    filters: { userId: q.userId, patientId: q.patientId, action: q.action, from: q.from, to: q.to },
  });

  return {
    async get(actor: OrgActor, id: string): Promise<AuditEventDto> {
      requireRole(actor, 'admin');
      const row = await auditRepo.get(db, actor.organizationId, id);
      await audit.record(db, actor, { action: 'read', resourceType: 'AuditEvent', resourceId: id });
      return toDto(row);
    },

    async list(actor: OrgActor, q: AuditQuery) {
      requireRole(actor, 'admin');
      const rows = await auditRepo.list(db, actor.organizationId, await filterOf(actor, q), q.limit + 1);
      const page = rows.slice(0, q.limit);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'AuditEvent',
        details: { ...filterDetails(q), count: page.length },
      });
      return {
        items: page.map(toDto),
        nextCursor: rows.length > q.limit ? page.at(-1)!.chain_seq : null,
      };
    },

    /** The filtered log as CSV, newest first. */
    async exportCsv(actor: OrgActor, q: AuditQuery): Promise<string> {
      requireRole(actor, 'admin');
      const filter = await filterOf(actor, q);
      const lines = [csvLine(CSV_HEADER)];
      for (;;) {
        const batch = await auditRepo.list(db, actor.organizationId, filter, EXPORT_BATCH);
        for (const r of batch)
          lines.push(
            csvLine([
              r.occurred_at.toISOString(),
              r.actor_user_id,
              r.actor_email,
              r.actor_roles.join(' '),
              r.action,
              r.resource_type,
              r.resource_id,
              r.patient_id,
              r.ip,
              r.outcome,
              r.id,
            ]),
          );
        if (batch.length < EXPORT_BATCH || lines.length > EXPORT_MAX_ROWS) break;
        filter.beforeSeq = Number(batch.at(-1)!.chain_seq);
      }
      await audit.record(db, actor, {
        action: 'export',
        resourceType: 'AuditEvent',
        details: { ...filterDetails(q), count: lines.length - 1 },
      });
      return lines.join('\r\n') + '\r\n';
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
