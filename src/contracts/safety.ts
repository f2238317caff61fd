import { z } from 'zod';

export const SafetyAlertDto = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  patientName: z.string(),
  mrn: z.string(),
  administrationId: z.uuid().nullable(),
  acuity: z.enum(['non_acute', 'acute']),
  reason: z.string(),
  status: z.enum(['open', 'acknowledged']),
  createdAt: z.iso.datetime(),
  escalateAt: z.iso.datetime(),
  escalatedAt: z.iso.datetime().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.iso.datetime().nullable(),
  riskLevel: z.enum(['low', 'moderate', 'high', 'imminent']).nullable(),
  riskAssessment: z.string().nullable(),
  actionPlan: z.string().nullable(),
});
export type SafetyAlertDto = z.infer<typeof SafetyAlertDto>;

export const AcknowledgeAlertBody = z.object({
  riskLevel: z.enum(['low', 'moderate', 'high', 'imminent']),
  riskAssessment: z
    .string()
    .trim()
    .min(20, { error: 'Document the risk assessment (at least a few sentences).' })
    .max(8000),
  actionPlan: z.string().trim().min(1, { error: 'Say what will be done.' }).max(4000),
});

export const SafetyAlertQuery = z.object({
  status: z.enum(['open', 'acknowledged']).optional(),
  patientId: z.uuid().optional(),
});

export const TaskDto = z.object({
  id: z.uuid(),
  kind: z.enum(['safety_alert_follow_up', 'safety_alert_escalation', 'outreach', 'urgent_outreach']),
  title: z.string(),
  patientId: z.uuid().nullable(),
  safetyAlertId: z.uuid().nullable(),
  sessionId: z.uuid().nullable().describe('The missed session, for outreach'),
  assigneeUserId: z.uuid().nullable(),
  assigneeRole: z.string().nullable(),
  status: z.enum(['open', 'done']),
  dueAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});

export const CALL_OUTCOMES = ['reached', 'left_message', 'no_answer', 'wrong_number', 'declined'] as const;
export const TaskAttemptBody = z.object({
  outcome: z.enum(CALL_OUTCOMES),
  note: z.string().trim().max(1000).optional(),
});
export const TaskAttemptDto = z.object({
  outcome: z.enum(CALL_OUTCOMES),
  note: z.string().nullable(),
  attemptedBy: z.string().nullable(),
  attemptedAt: z.iso.datetime(),
});
export const TaskDetailDto = TaskDto.extend({ attempts: z.array(TaskAttemptDto) });

/** What the person who entered an acute result must do now. */
export const CrisisStepsDto = z.object({
  headline: z.string(),
  steps: z.array(z.string()),
});
