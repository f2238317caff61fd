import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AcknowledgeAlertBody,
  SafetyAlertDto,
  TaskAttemptBody,
  TaskAttemptDto,
  TaskDetailDto,
  TaskDto,
} from '../../../contracts/safety.js';
import { INTAKE_ROLES, LICENSED_ROLES } from '../../../domain/identity/roles.js';
import { systemActor, type Actor, type AuditLog } from '../../platform/audit/audit-log.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { DB } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { conflict, invalid } from '../../platform/errors.js';
import { organizationsRepo, settingsOf } from '../organizations/index.js';
import { safetyRepo as repo, type AlertRow, type TaskRow } from './safety.repo.js';

type OrgActor = Actor & { organizationId: string; userId: string | null };
const MINUTE = 60_000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

const toAlertDto = (a: AlertRow): SafetyAlertDto => ({
  id: a.id,
  patientId: a.patient_id,
  patientName: `${a.preferred_name ?? a.given_name} ${a.family_name}`,
  mrn: a.mrn,
  administrationId: a.administration_id,
  acuity: a.acuity as SafetyAlertDto['acuity'],
  reason: a.reason,
  status: a.status as SafetyAlertDto['status'],
  createdAt: a.created_at.toISOString(),
  escalateAt: a.escalate_at.toISOString(),
  escalatedAt: iso(a.escalated_at),
  acknowledgedBy: a.acknowledged_by_name,
  acknowledgedAt: iso(a.acknowledged_at),
  riskLevel: a.risk_level as SafetyAlertDto['riskLevel'],
  riskAssessment: a.risk_assessment,
  actionPlan: a.action_plan,
});

const toTaskDto = (t: TaskRow): z.infer<typeof TaskDto> => ({
  id: t.id,
  kind: t.kind as z.infer<typeof TaskDto>['kind'],
  title: t.title,
  patientId: t.patient_id,
  safetyAlertId: t.safety_alert_id,
  sessionId: t.session_id,
  assigneeUserId: t.assignee_user_id,
  assigneeRole: t.assignee_role,
  status: t.status as 'open' | 'done',
  dueAt: iso(t.due_at),
  createdAt: t.created_at.toISOString(),
});

/**
 * The crisis path: a positive suicide-risk result opens an alert with a follow-up task for the
 * on-call licensed clinician (or any clinician); an alert left unacknowledged escalates to the
 * program director after the organization's configured minutes (clinical-facts.md §4.2 [D]).
 */
async function taskDetail(
  db: Db,
  organizationId: string,
  id: string,
): Promise<z.infer<typeof TaskDetailDto>> {
  const task = await repo.getTask(db, organizationId, id);
  const attempts = await repo.attemptsOf(db, organizationId, id);
  return {
    ...toTaskDto(task),
    attempts: attempts.map((a) => ({
      outcome: a.outcome as z.infer<typeof TaskAttemptDto>['outcome'],
      note: a.note,
      attemptedBy: a.display_name,
      attemptedAt: a.attempted_at.toISOString(),
    })),
  };
}

export function createSafetyService({ db, audit, clock }: { db: Kysely<DB>; audit: AuditLog; clock: Clock }) {
  return {
    /** Opens an alert inside the caller's transaction (the one that stored the result). */
    async raiseAlert(
      trx: Db,
      actor: OrgActor,
      input: {
        patientId: string;
        acuity: 'acute' | 'non_acute';
        reason: string;
      } & ({ administrationId: string } | { noteId: string }),
    ) {
      const org = await organizationsRepo.getOrganization(trx, actor.organizationId);
      const settings = settingsOf(org.settings);
      const now = clock.now();
      const { id } = await repo.insertAlert(trx, {
        organization_id: actor.organizationId,
        patient_id: input.patientId,
        administration_id: 'administrationId' in input ? input.administrationId : null,
        note_id: 'noteId' in input ? input.noteId : null,
        acuity: input.acuity,
        reason: input.reason,
        created_at: now,
        escalate_at: new Date(now.getTime() + settings.safetyEscalationMinutes * MINUTE),
      });
      const onCall = settings.onCallClinicianUserId
        ? await repo.activeLicensedUser(trx, actor.organizationId, settings.onCallClinicianUserId)
        : undefined;
      await repo.insertTask(trx, {
        organization_id: actor.organizationId,
        kind: 'safety_alert_follow_up',
        patient_id: input.patientId,
        safety_alert_id: id,
        assignee_user_id: onCall?.id ?? null,
        assignee_role: onCall ? null : 'clinician',
        title:
          'noteId' in input
            ? 'Risk concern noted in a note: assess risk and acknowledge'
            : `${input.acuity === 'acute' ? 'Acute suicide-risk alert' : 'Suicide-risk alert'}: assess risk and acknowledge`,
        due_at: new Date(now.getTime() + settings.safetyEscalationMinutes * MINUTE),
        created_at: now,
      });
      await audit.record(trx, actor, {
        action: 'create',
        resourceType: 'SafetyAlert',
        resourceId: id,
        patientId: input.patientId,
      });
      return toAlertDto(await repo.getAlert(trx, actor.organizationId, id));
    },

    /**
     * Opens the outreach task for an unexcused absence, in the caller's transaction: for the
     * primary therapist, due by the end of the clinic day; urgent and for the on-call clinician
     * (else any clinician) when the patient has an open safety alert or high suicide risk.
     * One per absence: a repeated mark opens nothing new.
     */
    async openOutreach(
      trx: Db,
      actor: OrgActor,
      input: {
        patientId: string;
        sessionId: string;
        therapistId: string | null;
        missed: string;
        dueAt: Date;
      },
    ): Promise<'outreach' | 'urgent_outreach'> {
      const urgent = await repo.atRisk(trx, actor.organizationId, input.patientId);
      const org = await organizationsRepo.getOrganization(trx, actor.organizationId);
      const onCallId = settingsOf(org.settings).onCallClinicianUserId;
      const onCall =
        urgent && onCallId ? await repo.activeLicensedUser(trx, actor.organizationId, onCallId) : undefined;
      const now = clock.now();
      const assignee = urgent ? (onCall?.id ?? null) : input.therapistId;
      await repo.insertOutreachTask(trx, {
        organization_id: actor.organizationId,
        kind: urgent ? 'urgent_outreach' : 'outreach',
        patient_id: input.patientId,
        session_id: input.sessionId,
        assignee_user_id: assignee,
        assignee_role: assignee ? null : 'clinician',
        title: urgent
          ? `Urgent: reach the patient now (missed ${input.missed}; safety risk on file)`
          : `Call the patient today: missed ${input.missed}`,
        due_at: urgent ? now : input.dueAt,
        created_at: now,
      });
      return urgent ? 'urgent_outreach' : 'outreach';
    },

    async list(actor: OrgActor, filter: { status?: 'open' | 'acknowledged'; patientId?: string }) {
      requireRole(actor, ...INTAKE_ROLES);
      const rows = await repo.listAlerts(db, actor.organizationId, filter);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'SafetyAlert',
        patientId: filter.patientId ?? null,
        details: { count: rows.length, patientIds: [...new Set(rows.map((r) => r.patient_id))] },
      });
      return rows.map(toAlertDto);
    },

    acknowledge: (
      actor: OrgActor & { userId: string },
      id: string,
      body: z.infer<typeof AcknowledgeAlertBody>,
    ) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...LICENSED_ROLES);
        const alert = await repo.getAlert(trx, actor.organizationId, id);
        const now = clock.now();
        const done = await repo.acknowledge(trx, actor.organizationId, id, {
          by: actor.userId,
          at: now,
          ...body,
        });
        if (!done) throw conflict('This alert was already acknowledged.');
        await repo.completeTasksOf(trx, actor.organizationId, id, actor.userId, now);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'SafetyAlert',
          resourceId: id,
          patientId: alert.patient_id,
          details: { change: 'acknowledge' },
        });
        return toAlertDto(await repo.getAlert(trx, actor.organizationId, id));
      }),

    async tasks(actor: OrgActor & { userId: string }) {
      requireRole(actor, ...INTAKE_ROLES);
      const rows = await repo.openTasksFor(db, actor.organizationId, actor.userId, actor.roles);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Task',
        details: {
          count: rows.length,
          patientIds: [...new Set(rows.map((r) => r.patient_id).filter(Boolean))],
        },
      });
      return rows.map(toTaskDto);
    },

    /**
     * Records a call attempt on an outreach task; reaching the patient (or their refusal)
     * completes it. Only the assignee, their role, or a licensed clinician records attempts.
     */
    recordAttempt: (
      actor: OrgActor & { userId: string },
      taskId: string,
      body: z.infer<typeof TaskAttemptBody>,
    ) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...INTAKE_ROLES);
        const task = await repo.getTask(trx, actor.organizationId, taskId);
        if (task.kind !== 'outreach' && task.kind !== 'urgent_outreach')
          throw invalid('taskId', 'Call attempts are recorded on outreach tasks.');
        if (task.status !== 'open') throw conflict('This task is already done.');
        const now = clock.now();
        await repo.insertAttempt(trx, {
          organization_id: actor.organizationId,
          task_id: taskId,
          outcome: body.outcome,
          note: body.note?.trim() || null,
          attempted_by: actor.userId,
          attempted_at: now,
        });
        if (body.outcome === 'reached' || body.outcome === 'declined')
          await repo.completeTask(trx, actor.organizationId, taskId, actor.userId, now);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Task',
          resourceId: taskId,
          patientId: task.patient_id,
          details: { change: 'call attempt', outcome: body.outcome },
        });
        return taskDetail(trx, actor.organizationId, taskId);
      }),

    /** Escalates every overdue unacknowledged alert once; run periodically by the job runner. */
    escalateOverdue: () =>
      db.transaction().execute(async (trx) => {
        const now = clock.now();
        const due = await repo.escalateDue(trx, now);
        for (const a of due) {
          await repo.insertTask(trx, {
            organization_id: a.organization_id,
            kind: 'safety_alert_escalation',
            patient_id: a.patient_id,
            safety_alert_id: a.id,
            assignee_role: 'program_director',
            title: 'Escalated: a suicide-risk alert has not been acknowledged',
            due_at: now,
            created_at: now,
          });
          await audit.record(trx, systemActor(a.organization_id), {
            action: 'update',
            resourceType: 'SafetyAlert',
            resourceId: a.id,
            patientId: a.patient_id,
            details: { change: 'escalate' },
          });
        }
        return due.length;
      }),
  };
}

export type SafetyService = ReturnType<typeof createSafetyService>;
