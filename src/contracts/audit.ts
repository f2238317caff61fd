import { z } from 'zod';

export const AUDIT_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'failed_login',
  'export',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;
export const AuditOutcome = z.enum(['success', 'failure', 'denied']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

export const AuditEventDto = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  actorUserId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: AuditAction,
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  patientId: z.uuid().nullable(),
  ip: z.string().nullable(),
  outcome: AuditOutcome,
  /** Context without PHI: changed field names, filters, counts, the reason a sign-in failed. */
  details: z.record(z.string(), z.unknown()),
});
export type AuditEventDto = z.infer<typeof AuditEventDto>;

const DateOnly = z.iso.date({ error: 'Use a date as YYYY-MM-DD.' });

export const AuditQuery = z
  .object({
    userId: z.uuid().optional(),
    patientId: z.uuid().optional(),
    action: AuditAction.optional(),
    from: DateOnly.optional().describe('First day, clinic-local, inclusive'),
    to: DateOnly.optional().describe('Last day, clinic-local, inclusive'),
    cursor: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: '"from" must not be after "to".',
    path: ['to'],
  });
export type AuditQuery = z.infer<typeof AuditQuery>;
