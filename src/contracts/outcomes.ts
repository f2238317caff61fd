import { z } from 'zod';
import { INSTRUMENT_IDS } from '../domain/instruments/index.js';
import { ScoreBody } from './assessments.js';

export const MeasurementRuleSchema = z
  .object({
    instrumentId: z.enum(INSTRUMENT_IDS),
    every: z
      .object({ weeks: z.number().int().min(1).max(12) })
      .optional()
      .describe('Repeat every N weeks'),
    at: z
      .array(z.enum(['admission', 'discharge']))
      .max(2)
      .optional()
      .describe('Also due at these episode events'),
    trackIds: z.array(z.uuid()).max(20).optional().describe('Only on these tracks; all tracks when absent'),
  })
  .refine((r) => r.every !== undefined || (r.at?.length ?? 0) > 0, {
    error: 'Say how often, or at admission or discharge.',
    path: ['every'],
  });
export type MeasurementRuleSchema = z.infer<typeof MeasurementRuleSchema>;

export const MeasurementSettingsDto = z.object({
  measurementSchedule: z.array(MeasurementRuleSchema).max(20),
  planReviewIntervalDays: z.number().int().min(1).max(365).nullable(),
});
export type MeasurementSettingsDto = z.infer<typeof MeasurementSettingsDto>;

export const DueMeasureDto = z.object({
  instrumentId: z.enum(INSTRUMENT_IDS),
  shortName: z.string(),
  reason: z.enum(['admission', 'discharge', 'periodic']),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export type DueMeasureDto = z.infer<typeof DueMeasureDto>;

export const OutcomeFlagsDto = z.object({
  baseline: z.number().nullable(),
  latest: z.number().nullable(),
  change: z.number().nullable(),
  percentChange: z.number().nullable(),
  response: z.boolean(),
  remission: z.boolean(),
  reliableImprovement: z.boolean(),
  reliableWorsening: z.boolean(),
  notOnTrack: z.boolean(),
});
export type OutcomeFlagsDto = z.infer<typeof OutcomeFlagsDto>;

export const TrajectoryDto = z.object({
  instrumentId: z.enum(INSTRUMENT_IDS),
  name: z.string(),
  shortName: z.string(),
  maxTotal: z.number().nullable(),
  bands: z.array(z.object({ severity: z.string(), label: z.string(), min: z.number(), max: z.number() })),
  points: z.array(
    z.object({
      administrationId: z.uuid(),
      administeredAt: z.string(),
      date: z.string().describe('Clinic-local date'),
      total: z.number(),
      severity: z.string().nullable(),
      method: z.string(),
    }),
  ),
  flags: OutcomeFlagsDto,
  reasons: z.array(z.string()).describe('The flags in plain words'),
});
export type TrajectoryDto = z.infer<typeof TrajectoryDto>;

export const PatientOutcomesDto = z.object({
  episode: z
    .object({
      id: z.uuid(),
      programId: z.uuid(),
      programName: z.string(),
      admittedOn: z.string(),
      dischargedOn: z.string().nullable(),
      status: z.string(),
    })
    .nullable(),
  thresholdsVersion: z.string(),
  trajectories: z.array(TrajectoryDto),
  due: z.array(DueMeasureDto),
});
export type PatientOutcomesDto = z.infer<typeof PatientOutcomesDto>;

export const ProgramOutcomesQuery = z.object({
  instrument: z.enum(['phq-9', 'gad-7', 'pcl-5']).default('phq-9'),
});

export const ProgramOutcomesDto = z.object({
  program: z.object({ id: z.uuid(), name: z.string() }),
  instrumentId: z.string(),
  thresholdsVersion: z.string(),
  activePatients: z.number().int(),
  measured: z.number().int().describe('Active patients with a baseline and a later score'),
  response: z.number().int(),
  remission: z.number().int(),
  reliableImprovement: z.number().int(),
  reliableWorsening: z.number().int(),
  notOnTrack: z.number().int(),
  medianChange: z.number().nullable(),
  dischargedLast90Days: z.object({
    measured: z.number().int(),
    response: z.number().int(),
    remission: z.number().int(),
  }),
  patientsNotOnTrack: z.array(
    z.object({
      patientId: z.uuid(),
      name: z.string(),
      baseline: z.number(),
      latest: z.number(),
      weeks: z.number().int(),
    }),
  ),
});
export type ProgramOutcomesDto = z.infer<typeof ProgramOutcomesDto>;

export const LatestScoreDto = z.object({
  instrumentId: z.string(),
  shortName: z.string(),
  total: z.number(),
  severity: z.string().nullable(),
  administeredAt: z.string(),
  change: z.number().nullable().describe('Since the score before it'),
});
export type LatestScoreDto = z.infer<typeof LatestScoreDto>;

export const CreateKioskBody = z.object({
  instruments: z
    .array(z.enum(INSTRUMENT_IDS))
    .min(1)
    .max(10)
    .optional()
    .describe('Defaults to the measures due today'),
});

export const KioskHandoffDto = z.object({
  code: z.string().describe('One-time code; shown once'),
  path: z.string(),
  expiresAt: z.string(),
  instruments: z.array(z.string()),
});

export const KioskParams = z.object({
  code: z.string().regex(/^[A-Z2-9]{10}$/, { error: 'Not a kiosk code.' }),
});

export const KioskDto = z.object({
  greeting: z.string().describe('The patient’s first name only'),
  organizationName: z.string(),
  expiresAt: z.string(),
  remaining: z.array(z.string()).describe('Instrument ids still to complete, in order'),
  completed: z.array(z.string()),
});

export const KioskSubmitBody = ScoreBody.extend({ instrument: z.enum(INSTRUMENT_IDS) });

export const KioskSubmitDto = z.object({
  remaining: z.array(z.string()),
  tellStaff: z.boolean().describe('A suicide-risk answer: staff have been alerted; show the crisis message'),
});
