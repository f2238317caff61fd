/**
 * PHQ-2. Source: clinical-facts.md §2.1 (PHQ-2 row): items 1–2 of the PHQ-9, total 0–6; ≥ 3 is
 * positive and calls for the full PHQ-9 [C]. LOINC panel 55757-9 [C], total 55758-7 [S]. No
 * severity bands. Item 9 is not part of the PHQ-2, so it never sets a safety flag.
 */
import { deepFreeze, itemsOf, ratedAnswers, sum } from './answers.js';
import { FREQUENCY_OPTIONS, PHQ9_ITEM_TEXTS } from './phq-9.js';
import type { Instrument, InstrumentDefinition, ScoreResult } from './types.js';

export const PHQ2_POSITIVE_AT = 3;

const definition: InstrumentDefinition = deepFreeze({
  id: 'phq-2',
  name: 'Patient Health Questionnaire-2',
  shortName: 'PHQ-2',
  loinc: { panel: '55757-9', total: '55758-7' },
  recallPeriod: 'past 2 weeks',
  items: itemsOf('rated', PHQ9_ITEM_TEXTS.slice(0, 2), FREQUENCY_OPTIONS),
  licence: {
    kind: 'free',
    note: 'Part of the PHQ, which Pfizer made available without copyright restriction or charge (2010).',
    enabledByDefault: true,
  },
  severities: [],
  bands: [],
  maxTotal: 6,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const total = sum(ratedAnswers(definition, answers));
  const positive = total >= PHQ2_POSITIVE_AT;
  return {
    instrument: 'phq-2',
    total,
    severity: null,
    positive,
    flags: [],
    extra: { administerPhq9: positive },
  };
}

export const phq2: Instrument = { definition, score };
