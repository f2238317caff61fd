import { LICENSED_ROLES } from '../../../domain/identity/roles.js';
import { sql, type Insertable } from 'kysely';
import type { SafetyAlertsTable, TaskAttemptsTable, TasksTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { notFound } from '../../platform/errors.js';

const ALERT_COLUMNS = [
  'a.id',
  'a.patient_id',
  'a.administration_id',
  'a.acuity',
  'a.reason',
  'a.status',
  'a.created_at',
  'a.escalate_at',
  'a.escalated_at',
  'a.acknowledged_at',
  'a.risk_level',
  'a.risk_assessment',
  'a.action_plan',
  'p.given_name',
  'p.family_name',
  'p.preferred_name',
  'p.mrn',
  'u.display_name as acknowledged_by_name',
] as const;

const alerts = (db: Db, organizationId: string) =>
  db
    .selectFrom('safety_alerts as a')
    .innerJoin('patients as p', (j) =>
      j.onRef('p.organization_id', '=', 'a.organization_id').onRef('p.id', '=', 'a.patient_id'),
    )
    .leftJoin('users as u', (j) =>
      j.onRef('u.organization_id', '=', 'a.organization_id').onRef('u.id', '=', 'a.acknowledged_by'),
    )
    .select(ALERT_COLUMNS)
    .where('a.organization_id', '=', organizationId);

export const safetyRepo = {
  async getAlert(db: Db, organizationId: string, id: string) {
    const row = await alerts(db, organizationId).where('a.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('safety alert');
    return row;
  },

  listAlerts(db: Db, organizationId: string, filter: { status?: string; patientId?: string }) {
    let q = alerts(db, organizationId);
    if (filter.status) q = q.where('a.status', '=', filter.status);
    if (filter.patientId) q = q.where('a.patient_id', '=', filter.patientId);
    return q.orderBy('a.created_at', 'desc').limit(500).execute();
  },

  insertAlert(db: Db, values: Insertable<SafetyAlertsTable>) {
    return db.insertInto('safety_alerts').values(values).returning('id').executeTakeFirstOrThrow();
  },

  /** Acknowledges an open alert; undefined when it is not open (already acknowledged). */
  acknowledge(
    db: Db,
    organizationId: string,
    id: string,
    values: { by: string; at: Date; riskLevel: string; riskAssessment: string; actionPlan: string },
  ) {
    return db
      .updateTable('safety_alerts')
      .set({
        status: 'acknowledged',
        acknowledged_by: values.by,
        acknowledged_at: values.at,
        risk_level: values.riskLevel,
        risk_assessment: values.riskAssessment,
        action_plan: values.actionPlan,
      })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .where('status', '=', 'open')
      .returning('id')
      .executeTakeFirst();
  },

  /** Marks open, overdue, not yet escalated alerts as escalated; returns them. Safe on many nodes. */
  escalateDue(db: Db, now: Date) {
    return db
      .updateTable('safety_alerts')
      .set({ escalated_at: now })
      .where('status', '=', 'open')
      .where('escalated_at', 'is', null)
      .where('escalate_at', '<=', now)
      .returning(['organization_id', 'id', 'patient_id'])
      .execute();
  },

  insertTask(db: Db, values: Insertable<TasksTable>) {
    return db.insertInto('tasks').values(values).execute();
  },

  async getTask(db: Db, organizationId: string, id: string) {
    const row = await db
      .selectFrom('tasks')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('task');
    return row;
  },

  completeTask(db: Db, organizationId: string, id: string, by: string, at: Date) {
    return db
      .updateTable('tasks')
      .set({ status: 'done', completed_at: at, completed_by: by })
      .where('organization_id', '=', organizationId)
      .where('id', '=', id)
      .execute();
  },

  insertAttempt(db: Db, values: Insertable<TaskAttemptsTable>) {
    return db.insertInto('task_attempts').values(values).execute();
  },

  attemptsOf(db: Db, organizationId: string, taskId: string) {
    return db
      .selectFrom('task_attempts as a')
      .leftJoin('users as u', (j) =>
        j.onRef('u.organization_id', '=', 'a.organization_id').onRef('u.id', '=', 'a.attempted_by'),
      )
      .select(['a.outcome', 'a.note', 'a.attempted_at', 'u.display_name'])
      .where('a.organization_id', '=', organizationId)
      .where('a.task_id', '=', taskId)
      .orderBy('a.seq')
      .execute();
  },

  /** An outreach task, at most one per patient per missed session. */
  insertOutreachTask(db: Db, values: Insertable<TasksTable>) {
    return db
      .insertInto('tasks')
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(['organization_id', 'session_id', 'patient_id'])
          .where('kind', 'in', ['outreach', 'urgent_outreach'])
          .doNothing(),
      )
      .execute();
  },

  /** Whether the patient has an open alert, or their latest assessed risk was high or imminent. */
  async atRisk(db: Db, organizationId: string, patientId: string): Promise<boolean> {
    const latest = await db
      .selectFrom('safety_alerts')
      .select(['status', 'risk_level'])
      .where('organization_id', '=', organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
    const assessed = latest.find((a) => a.risk_level !== null);
    return (
      latest.some((a) => a.status === 'open') ||
      assessed?.risk_level === 'high' ||
      assessed?.risk_level === 'imminent'
    );
  },

  completeTasksOf(db: Db, organizationId: string, alertId: string, by: string, at: Date) {
    return db
      .updateTable('tasks')
      .set({ status: 'done', completed_at: at, completed_by: by })
      .where('organization_id', '=', organizationId)
      .where('safety_alert_id', '=', alertId)
      .where('status', '=', 'open')
      .execute();
  },

  openTasksFor(db: Db, organizationId: string, userId: string, roles: readonly string[]) {
    return db
      .selectFrom('tasks')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('status', '=', 'open')
      .where((eb) =>
        eb.or([
          eb('assignee_user_id', '=', userId),
          eb.and([eb('assignee_user_id', 'is', null), eb('assignee_role', 'in', [...roles, '-'])]),
        ]),
      )
      .orderBy('created_at', 'desc')
      .limit(200)
      .execute();
  },

  /** The on-call clinician, if set and still an active licensed user of the organization. */
  activeLicensedUser(db: Db, organizationId: string, userId: string) {
    return db
      .selectFrom('users')
      .select('id')
      .where('organization_id', '=', organizationId)
      .where('id', '=', userId)
      .where('status', '=', 'active')
      .where(sql<boolean>`roles && ${sql.val([...LICENSED_ROLES])}::text[]`)
      .executeTakeFirst();
  },
};

export type AlertRow = Awaited<ReturnType<typeof safetyRepo.getAlert>>;
export type TaskRow = Awaited<ReturnType<typeof safetyRepo.openTasksFor>>[number];
