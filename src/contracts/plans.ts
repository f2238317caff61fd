import { z } from 'zod';
import { DISCIPLINES, MODALITIES, REVIEW_PROGRESS } from '../domain/plans/index.js';

export const PLAN_STATUSES = ['draft', 'pending_cosign', 'signed', 'superseded'] as const;
export const PLAN_STATUS_LABELS: Record<(typeof PLAN_STATUSES)[number], string> = {
  draft: 'Draft',
  pending_cosign: 'Awaiting co-signature',
  signed: 'Signed',
  superseded: 'Replaced by a later version',
};

const ItemId = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .describe('Stable across versions; new items may send any unique id');
const Line = z.string().trim().max(2000);
const LocalDate = z.iso.date({ error: 'Use a date like 2026-12-31.' });

export const PlanDiagnosis = z.object({
  system: z.literal('http://hl7.org/fhir/sid/icd-10-cm', { error: 'Diagnoses are ICD-10-CM codes.' }),
  code: z.string().trim().min(1).max(10),
  display: z.string().trim().min(1).max(300),
});

export const PlanContent = z.object({
  problems: z
    .array(z.object({ id: ItemId, statement: Line, diagnoses: z.array(PlanDiagnosis).max(10) }))
    .max(20),
  goals: z
    .array(
      z.object({
        id: ItemId,
        problemIds: z.array(ItemId).max(20),
        statement: Line.describe('In the patient’s own words'),
        objectives: z
          .array(
            z.object({
              id: ItemId,
              description: Line,
              targetDate: LocalDate,
              scoreTarget: z
                .object({ instrumentId: z.string().max(20), below: z.number().int().min(1).max(200) })
                .nullable()
                .describe('A measurable score target such as PHQ-9 below 10'),
            }),
          )
          .max(20),
      }),
    )
    .max(20),
  interventions: z
    .array(
      z.object({
        id: ItemId,
        modality: z.enum(MODALITIES),
        description: Line,
        frequencyPerWeek: z.number().min(0).max(21),
        discipline: z.enum(DISCIPLINES).describe('The staff discipline responsible'),
        goalIds: z.array(ItemId).max(20),
      }),
    )
    .max(30),
  dischargeCriteria: z.string().trim().max(4000),
  stepDownCriteria: z.string().trim().max(4000),
});
export type PlanContent = z.infer<typeof PlanContent>;

export const ObjectiveReview = z.object({
  objectiveId: ItemId,
  progress: z.enum(REVIEW_PROGRESS),
  comment: z.string().trim().max(2000).default(''),
});

export const PlanReview = z.object({
  progress: z.array(ObjectiveReview).max(100),
  summary: z.string().trim().max(4000),
  changes: z.array(z.string()).describe('What changed from the previous version, in words'),
  reviewedOn: z.string().describe('Clinic-local date the review was started'),
});
export type PlanReview = z.infer<typeof PlanReview>;

export const SaveTreatmentPlanBody = z.object({
  content: PlanContent,
  payerReviewIntervalDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .nullable()
    .describe('The payer’s review interval in days when it is stricter than the program’s'),
  review: z
    .object({ progress: z.array(ObjectiveReview).max(100), summary: z.string().trim().max(4000) })
    .optional()
    .describe('Only for a version that reviews the one before'),
});
export type SaveTreatmentPlanBody = z.infer<typeof SaveTreatmentPlanBody>;

export const SignTreatmentPlanBody = z.object({
  attestation: z.literal(true, { error: 'Confirm the attestation to sign.' }),
});

export const PatientSignatureBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('signed'),
    name: z.string().trim().min(1, { error: 'The patient types their full name to sign.' }).max(200),
    agreement: z.literal(true, { error: 'The patient confirms they took part and agree.' }),
  }),
  z.object({
    kind: z.literal('declined'),
    reason: z.string().trim().min(1, { error: 'Say why the patient did not sign.' }).max(1000),
  }),
]);

const Person = z.object({ id: z.uuid(), name: z.string() }).nullable();

export const ObjectiveStatusDto = z.object({
  objectiveId: z.string(),
  latestTotal: z.number().nullable(),
  latestAt: z.string().nullable(),
  progress: z.enum(['met', 'not_met', 'no_score']),
});

export const TreatmentPlanDto = z.object({
  id: z.uuid(),
  episodeId: z.uuid(),
  patientId: z.uuid(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  content: PlanContent,
  review: PlanReview.nullable(),
  payerReviewIntervalDays: z.number().int().nullable(),
  author: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
  signedBy: Person,
  signedAt: z.string().nullable(),
  contentSha256: z.string().nullable(),
  cosigner: Person,
  cosignedAt: z.string().nullable(),
  effectiveOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  reviewStatus: z.enum(['overdue', 'due_this_week', 'not_due']).nullable(),
  patientSignature: z
    .object({
      name: z.string().nullable(),
      signedAt: z.string().nullable(),
      witness: Person,
      declinedReason: z.string().nullable(),
    })
    .nullable(),
  sensitivity: z.array(z.string()),
  objectives: z.array(ObjectiveStatusDto).describe('Score targets against the latest score'),
  signingProblems: z.array(z.object({ path: z.string(), message: z.string() })),
  canEdit: z.boolean(),
  canSign: z.boolean(),
  canCosign: z.boolean(),
});
export type TreatmentPlanDto = z.infer<typeof TreatmentPlanDto>;

export const PlanVersionSummaryDto = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  signedAt: z.string().nullable(),
  signedBy: z.string().nullable(),
  reviewed: z.boolean(),
});

export const EpisodePlanDto = z.object({
  episode: z.object({
    id: z.uuid(),
    programName: z.string(),
    trackName: z.string(),
    admittedOn: z.string(),
    status: z.string(),
    diagnoses: z.array(z.object({ system: z.string(), code: z.string(), display: z.string().optional() })),
  }),
  current: TreatmentPlanDto.nullable().describe('The signed plan in force'),
  draft: TreatmentPlanDto.nullable().describe('The version being written or awaiting co-signature'),
  versions: z.array(PlanVersionSummaryDto),
  reviewIntervalDays: z.number().int(),
});
export type EpisodePlanDto = z.infer<typeof EpisodePlanDto>;

export const PlanGoalDto = z.object({ id: z.string(), statement: z.string() });
export type PlanGoalDto = z.infer<typeof PlanGoalDto>;

export const PlanReviewDueDto = z.object({
  patientId: z.uuid(),
  patientName: z.string(),
  episodeId: z.uuid(),
  planId: z.uuid().nullable(),
  dueOn: z.string().nullable().describe('null when the episode has no signed plan yet'),
  status: z.enum(['overdue', 'due_this_week', 'no_plan']),
});
export type PlanReviewDueDto = z.infer<typeof PlanReviewDueDto>;

export const DiagnosisCodeDto = z.object({ system: z.string(), code: z.string(), display: z.string() });
export const DiagnosisSearchQuery = z.object({
  q: z.string().trim().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
