import { z } from 'zod';
import { SAFETY_PLAN_REVIEW_REASONS } from '../domain/safety/safety-plan.js';

const Entry = z.string().trim().max(500);
const Contact = z.object({
  name: z.string().trim().max(200),
  phone: z.string().trim().max(40).nullable(),
  note: z.string().trim().max(500).nullable(),
});

export const SafetyPlanContent = z.object({
  warningSigns: z.array(Entry).max(20),
  copingStrategies: z.array(Entry).max(20),
  distractions: z.array(Contact).max(20),
  helpContacts: z.array(Contact).max(20),
  professionals: z.array(Contact).max(20),
  environmentSafety: z.array(Entry).max(20),
  reasonsForLiving: z.array(Entry).max(20),
});
export type SafetyPlanContent = z.infer<typeof SafetyPlanContent>;

export const SaveSafetyPlanBody = z.object({
  content: SafetyPlanContent,
  reason: z.enum(SAFETY_PLAN_REVIEW_REASONS),
  safetyAlertId: z.uuid().nullable().default(null).describe('The alert that prompted this review'),
});
export type SaveSafetyPlanBody = z.infer<typeof SaveSafetyPlanBody>;

export const SafetyPlanVersionDto = z.object({
  id: z.uuid(),
  version: z.number().int(),
  content: SafetyPlanContent,
  reason: z.enum(SAFETY_PLAN_REVIEW_REASONS),
  safetyAlertId: z.uuid().nullable(),
  author: z.string(),
  createdAt: z.string(),
  sensitivity: z.array(z.string()),
});
export type SafetyPlanVersionDto = z.infer<typeof SafetyPlanVersionDto>;

export const SafetyPlanDto = z.object({
  current: SafetyPlanVersionDto.nullable(),
  versions: z.array(
    z.object({
      id: z.uuid(),
      version: z.number().int(),
      reason: z.string(),
      author: z.string(),
      createdAt: z.string(),
    }),
  ),
  review: z.object({ needed: z.boolean(), reason: z.string().nullable() }),
  template: SafetyPlanContent.describe('What a new plan starts from (988 already listed)'),
});
export type SafetyPlanDto = z.infer<typeof SafetyPlanDto>;

export const SafetyPlanVersionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1) });
