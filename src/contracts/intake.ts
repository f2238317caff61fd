import { z } from 'zod';
import {
  DISCHARGE_LEVELS,
  IMPAIRMENT_LEVELS,
  LEVELS_OF_CARE,
  RISK_LEVELS,
  SUPPORT_SYSTEMS,
  SYMPTOM_SEVERITIES,
  WITHDRAWAL_RISKS,
} from '../domain/level-of-care/rules.js';
import { CreatePatientBody, PatientSummary } from './patients.js';

export const REFERRAL_SOURCES = [
  'inpatient_unit',
  'residential_program',
  'emergency_department',
  'outpatient_therapist',
  'primary_care',
  'self',
  'family',
  'court',
  'employee_assistance',
] as const;
export const URGENCIES = ['routine', 'urgent', 'emergent'] as const;
export const REFERRAL_STATUSES = [
  'new',
  'contacted',
  'screening',
  'assessed',
  'accepted',
  'declined',
  'referred_elsewhere',
  'admitted',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const LevelOfCareAssessmentSchema = z.object({
  suicideRisk: z.enum(RISK_LEVELS),
  violenceRisk: z.enum(RISK_LEVELS),
  symptomSeverity: z.enum(SYMPTOM_SEVERITIES),
  functionalImpairment: z.enum(IMPAIRMENT_LEVELS),
  withdrawalRisk: z.enum(WITHDRAWAL_RISKS),
  medicallyStable: z.boolean(),
  supportSystem: z.enum(SUPPORT_SYSTEMS),
  safeHousing: z.boolean(),
  recentHigherLevelDischarge: z.enum(DISCHARGE_LEVELS).nullable(),
  outpatientTried: z.boolean(),
  canAttendProgram: z.boolean(),
  substanceUseSevere: z.boolean().optional(),
});

export const LevelOfCareRecommendationDto = z.object({
  level: z.enum(LEVELS_OF_CARE),
  crisis: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  rulesetVersion: z.string(),
});

const Optional = (max: number) => z.string().trim().max(max).nullable().optional();

export const CreateReferralBody = z
  .object({
    /** An existing patient, or a new one described inline. */
    patientId: z.uuid().optional(),
    patient: CreatePatientBody.optional(),
    source: z.enum(REFERRAL_SOURCES),
    referrerName: Optional(120),
    referrerOrganization: Optional(200),
    referrerPhone: Optional(40),
    referrerEmail: z.email().max(254).nullable().optional(),
    reason: z.string().trim().min(1, { error: 'Say why the person is referred.' }).max(4000),
    urgency: z.enum(URGENCIES),
    consentToContact: z.boolean(),
    note: z.string().trim().max(8000).optional(),
  })
  .refine((b) => (b.patientId ? !b.patient : !!b.patient), {
    error: 'Give either an existing patient or a new patient, not both.',
    path: ['patientId'],
  });
export type CreateReferralBody = z.infer<typeof CreateReferralBody>;

export const ReferralEventDto = z.object({
  fromStatus: z.enum(REFERRAL_STATUSES).nullable(),
  toStatus: z.enum(REFERRAL_STATUSES),
  reason: z.string().nullable(),
  destination: z.string().nullable(),
  changedBy: z.string().nullable(),
  changedAt: z.iso.datetime(),
});

export const ReferralNoteDto = z.object({
  id: z.uuid(),
  body: z.string(),
  author: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

export const LevelOfCareDecisionDto = z.object({
  id: z.uuid(),
  recommendedLevel: z.enum(LEVELS_OF_CARE),
  crisis: z.boolean(),
  reasons: z.array(z.object({ code: z.string(), text: z.string() })),
  rulesetVersion: z.string(),
  chosenLevel: z.enum(LEVELS_OF_CARE),
  overrideJustification: z.string().nullable(),
  asam: z.unknown().nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.iso.datetime(),
});

export const ReferralDto = z.object({
  id: z.uuid(),
  patient: PatientSummary,
  source: z.enum(REFERRAL_SOURCES),
  referrerName: z.string().nullable(),
  referrerOrganization: z.string().nullable(),
  referrerPhone: z.string().nullable(),
  referrerEmail: z.string().nullable(),
  reason: z.string(),
  urgency: z.enum(URGENCIES),
  consentToContact: z.boolean(),
  status: z.enum(REFERRAL_STATUSES),
  statusChangedAt: z.iso.datetime(),
  closedReason: z.string().nullable(),
  destination: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type ReferralDto = z.infer<typeof ReferralDto>;

export const ReferralDetailDto = ReferralDto.extend({
  events: z.array(ReferralEventDto),
  notes: z.array(ReferralNoteDto),
  decisions: z.array(LevelOfCareDecisionDto),
});
export type ReferralDetailDto = z.infer<typeof ReferralDetailDto>;

export const ChangeReferralStatusBody = z.object({
  status: z.enum(REFERRAL_STATUSES),
  reason: z.string().trim().max(2000).optional(),
  destination: z.string().trim().max(300).optional(),
});

export const AddReferralNoteBody = z.object({ body: z.string().trim().min(1).max(8000) });

export const ReferralListQuery = z.object({
  status: z.enum(REFERRAL_STATUSES).optional(),
  open: z.enum(['true', 'false']).optional().describe('true: only referrals not yet closed or admitted'),
});

export const AsamRecord = z.object({
  level: z
    .string()
    .trim()
    .regex(/^\d(\.\d{1,2})?$/, { error: 'Use an ASAM level code such as 2.1.' }),
  edition: z.enum(['3', '4']),
  /** The clinician's own 0–4 rating per dimension (1–6); no licensed text. */
  dimensionRatings: z.array(z.number().int().min(0).max(4)).length(6),
});

export const LevelOfCareDecisionBody = z.object({
  assessment: LevelOfCareAssessmentSchema,
  chosenLevel: z.enum(LEVELS_OF_CARE),
  overrideJustification: z.string().trim().max(4000).optional(),
  asam: AsamRecord.optional(),
});

/** The public self-check's "ask us to call you": nothing else from the questionnaire is sent. */
export const SelfCheckCallbackBody = z.object({
  givenName: z.string().trim().min(1, { error: 'Enter your first name.' }).max(100),
  familyName: z.string().trim().min(1, { error: 'Enter your last name.' }).max(100),
  phone: z
    .string()
    .trim()
    .regex(/^[+()\d\s.-]{7,25}$/, { error: 'Enter a phone number we can call.' }),
  email: z.email({ error: 'Enter a valid email address.' }).max(254).optional(),
  bestTime: z.string().trim().max(200).optional(),
  consentToContact: z.literal(true, { error: 'Tick the box so we may contact you.' }),
});
export const SelfCheckInfoDto = z.object({ organizationName: z.string() });
