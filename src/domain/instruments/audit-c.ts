/**
 * AUDIT-C. Source: clinical-facts.md §2.1 (AUDIT-C row, [C]): items 1–3 of the AUDIT, total 0–12;
 * positive at ≥ 4 for men and ≥ 3 for women; if all points come from item 1 alone, drinking is
 * likely below recommended limits. LOINC panel 72109-2, total 75626-2 [C]. Licence as the AUDIT.
 *
 * Judgement: the item-1-only note does not override `positive` (the published cut-points stand);
 * it is reported as `extra.allFromItem1` for the clinician to weigh. `sex` is required.
 */
import { deepFreeze, ratedAnswers } from './answers.js';
import { AUDIT_CONSUMPTION_ITEMS } from './audit.js';
import {
  InstrumentAnswerError,
  type Instrument,
  type InstrumentDefinition,
  type ScoreResult,
} from './types.js';

export const AUDIT_C_SEXES = ['male', 'female'] as const;
export type AuditCSex = (typeof AUDIT_C_SEXES)[number];
export const AUDIT_C_POSITIVE_AT: Readonly<Record<AuditCSex, number>> = { male: 4, female: 3 };

const definition: InstrumentDefinition = deepFreeze({
  id: 'audit-c',
  name: 'Alcohol Use Disorders Identification Test – Consumption',
  shortName: 'AUDIT-C',
  loinc: { panel: '72109-2', total: '75626-2' },
  recallPeriod: 'past year',
  items: [...AUDIT_CONSUMPTION_ITEMS],
  extraInputs: { sex: true },
  licence: {
    kind: 'unconfirmed',
    note: 'Items 1–3 of the WHO AUDIT (Babor et al. 2001), commonly described as free to use; the terms are unconfirmed (clinical-facts.md §8 item 9).',
    enabledByDefault: true,
  },
  severities: [],
  bands: [],
  maxTotal: 12,
});

function isSex(value: unknown): value is AuditCSex {
  return AUDIT_C_SEXES.some((s) => s === value);
}

function score({ answers, sex }: { answers: readonly unknown[]; sex?: unknown }): ScoreResult {
  const [item1, item2, item3] = ratedAnswers(definition, answers) as [number, number, number];
  if (!isSex(sex)) {
    throw new InstrumentAnswerError('sex', -1, 'AUDIT-C: sex must be "male" or "female"');
  }
  const total = item1 + item2 + item3;
  return {
    instrument: 'audit-c',
    total,
    severity: null,
    positive: total >= AUDIT_C_POSITIVE_AT[sex],
    flags: [],
    extra: { allFromItem1: total > 0 && item2 === 0 && item3 === 0 },
  };
}

export const auditC: Instrument = { definition, score };
