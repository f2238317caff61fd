/**
 * GAD-7. Source: clinical-facts.md §2.1 (GAD-7 row, [C]): 7 items 0–3, total 0–21, 2-week recall;
 * 5/10/15 are the mild/moderate/severe cut-points (0–4 minimal); ≥ 10 calls for further
 * evaluation, so it is `positive`. LOINC panel 69737-5, total 70274-6 (item codes not on the sheet).
 */
import { bandFor, deepFreeze, itemsOf, ratedAnswers, sum, type Band } from './answers.js';
import { FREQUENCY_OPTIONS } from './phq-9.js';
import { severityBands, type Instrument, type InstrumentDefinition, type ScoreResult } from './types.js';

export const GAD7_ITEM_TEXTS = [
  'Feeling nervous, anxious, or on edge',
  'Not being able to stop or control worrying',
  'Worrying too much about different things',
  'Trouble relaxing',
  'Being so restless that it is hard to sit still',
  'Becoming easily annoyed or irritable',
  'Feeling afraid, as if something awful might happen',
] as const;

export const GAD7_BANDS = [
  { min: 0, code: 'minimal' },
  { min: 5, code: 'mild' },
  { min: 10, code: 'moderate' },
  { min: 15, code: 'severe' },
] as const satisfies readonly Band<string>[];
export type Gad7Severity = (typeof GAD7_BANDS)[number]['code'];

export const GAD7_MAX_TOTAL = 21;
const GAD7_BAND_LABELS: Record<Gad7Severity, string> = {
  minimal: 'Minimal',
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

export const GAD7_POSITIVE_AT = 10;

const definition: InstrumentDefinition = deepFreeze({
  id: 'gad-7',
  name: 'Generalized Anxiety Disorder-7',
  shortName: 'GAD-7',
  loinc: { panel: '69737-5', total: '70274-6' },
  recallPeriod: 'past 2 weeks',
  items: itemsOf('rated', GAD7_ITEM_TEXTS, FREQUENCY_OPTIONS),
  licence: {
    kind: 'free',
    note: 'Pfizer made the PHQ and GAD-7 available without copyright restriction or charge (2010).',
    enabledByDefault: true,
  },
  severities: GAD7_BANDS.map((b) => b.code),
  bands: severityBands(GAD7_BANDS, GAD7_BAND_LABELS, GAD7_MAX_TOTAL),
  maxTotal: GAD7_MAX_TOTAL,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const total = sum(ratedAnswers(definition, answers));
  return {
    instrument: 'gad-7',
    total,
    severity: bandFor<Gad7Severity>(total, GAD7_BANDS),
    positive: total >= GAD7_POSITIVE_AT,
    flags: [],
  };
}

export const gad7: Instrument = { definition, score };
