import { z } from 'zod';
import { INSTRUMENT_FLAGS, INSTRUMENT_IDS } from '../domain/instruments/index.js';

export const InstrumentIdSchema = z.enum(INSTRUMENT_IDS);
export const InstrumentParams = z.object({ id: InstrumentIdSchema });

const AnswerOption = z.object({ value: z.union([z.number(), z.boolean(), z.string()]), label: z.string() });

export const InstrumentDefinitionDto = z.object({
  id: InstrumentIdSchema,
  name: z.string(),
  shortName: z.string(),
  loinc: z.object({ panel: z.string().nullable(), total: z.string().nullable() }),
  recallPeriod: z.string(),
  items: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      kind: z.enum(['rated', 'yes_no', 'choice']),
      options: z.array(AnswerOption),
      loinc: z.string().optional(),
      nullable: z.object({ when: z.string() }).optional(),
    }),
  ),
  extraInputs: z.object({ sex: z.boolean().optional() }).optional(),
  licence: z.object({
    kind: z.enum(['free', 'public_domain', 'licensed', 'unconfirmed']),
    note: z.string(),
    enabledByDefault: z.boolean(),
  }),
  severities: z.array(z.string()).readonly(),
  bands: z
    .array(z.object({ severity: z.string(), label: z.string(), min: z.number(), max: z.number() }))
    .readonly()
    .describe('Severity bands of the total, in increasing order (empty without a summed total)'),
  maxTotal: z.number().nullable(),
});

export const AnswerValueSchema = z.union([z.number(), z.boolean(), z.string(), z.null()]);

export const ScoreBody = z.object({
  answers: z.array(AnswerValueSchema).max(40),
  sex: z.enum(['male', 'female']).optional(),
});

export const ScoreResultDto = z.object({
  instrument: InstrumentIdSchema,
  total: z.number().nullable(),
  severity: z.string().nullable(),
  positive: z.boolean(),
  flags: z.array(z.enum(INSTRUMENT_FLAGS)),
  extra: z.record(z.string(), z.unknown()).optional(),
});

export const ADMINISTRATION_METHODS = ['staff_entered', 'self_report', 'kiosk'] as const;

export const CreateAdministrationBody = ScoreBody.extend({
  instrument: InstrumentIdSchema,
  method: z.enum(ADMINISTRATION_METHODS),
  referralId: z.uuid().optional(),
});

export const AdministrationDto = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  referralId: z.uuid().nullable(),
  instrument: InstrumentIdSchema,
  answers: z.array(AnswerValueSchema),
  result: ScoreResultDto,
  method: z.enum(ADMINISTRATION_METHODS),
  administeredBy: z.string().nullable(),
  administeredAt: z.iso.datetime(),
});
export type AdministrationDto = z.infer<typeof AdministrationDto>;
