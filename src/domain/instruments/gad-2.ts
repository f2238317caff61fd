/**
 * GAD-2. Source: clinical-facts.md §2.1 (GAD-2 row): items 1–2 of the GAD-7, total 0–6; ≥ 3 is
 * positive [C]. LOINC is [U] on the sheet, so both codes are null. No severity bands.
 */
import { deepFreeze, itemsOf, ratedAnswers, sum } from './answers.js';
import { GAD7_ITEM_TEXTS } from './gad-7.js';
import { FREQUENCY_OPTIONS } from './phq-9.js';
import type { Instrument, InstrumentDefinition, ScoreResult } from './types.js';

export const GAD2_POSITIVE_AT = 3;

const definition: InstrumentDefinition = deepFreeze({
  id: 'gad-2',
  name: 'Generalized Anxiety Disorder-2',
  shortName: 'GAD-2',
  loinc: { panel: null, total: null },
  recallPeriod: 'past 2 weeks',
  items: itemsOf('rated', GAD7_ITEM_TEXTS.slice(0, 2), FREQUENCY_OPTIONS),
  licence: {
    kind: 'free',
    note: 'Part of the GAD-7, which Pfizer made available without copyright restriction or charge (2010).',
    enabledByDefault: true,
  },
  severities: [],
  bands: [],
  maxTotal: 6,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const total = sum(ratedAnswers(definition, answers));
  return { instrument: 'gad-2', total, severity: null, positive: total >= GAD2_POSITIVE_AT, flags: [] };
}

export const gad2: Instrument = { definition, score };
