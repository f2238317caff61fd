/**
 * PHQ-9. Source: clinical-facts.md §2.1 (PHQ-9 and "PHQ-9 item 9" rows, all [C]): 9 items 0–3,
 * total 0–27, 2-week recall; bands 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately
 * severe, 20–27 severe; ≥ 10 positive; item 9 of 1–3 needs suicide-risk follow-up whatever the
 * total; LOINC panel 44249-1, total 44261-6, item 9 44260-8 (items 1–8 are only [S], so left out).
 * The 10th "how difficult" item is not scored and is not part of the answer set.
 */
import { bandFor, deepFreeze, itemsOf, ratedAnswers, ratedOptions, sum, type Band } from './answers.js';
import {
  severityBands,
  type Instrument,
  type InstrumentDefinition,
  type InstrumentFlag,
  type ScoreResult,
} from './types.js';

/** Shared by PHQ-9, PHQ-2, GAD-7 and GAD-2. */
export const FREQUENCY_OPTIONS = ratedOptions([
  'Not at all',
  'Several days',
  'More than half the days',
  'Nearly every day',
]);

export const PHQ9_ITEM_TEXTS = [
  'Little interest or pleasure in doing things',
  'Feeling down, depressed, or hopeless',
  'Trouble falling or staying asleep, or sleeping too much',
  'Feeling tired or having little energy',
  'Poor appetite or overeating',
  'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
  'Trouble concentrating on things, such as reading the newspaper or watching television',
  'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
  'Thoughts that you would be better off dead or of hurting yourself in some way',
] as const;

export const PHQ9_BANDS = [
  { min: 0, code: 'minimal' },
  { min: 5, code: 'mild' },
  { min: 10, code: 'moderate' },
  { min: 15, code: 'moderately_severe' },
  { min: 20, code: 'severe' },
] as const satisfies readonly Band<string>[];
export type Phq9Severity = (typeof PHQ9_BANDS)[number]['code'];

export const PHQ9_MAX_TOTAL = 27;
const PHQ9_BAND_LABELS: Record<Phq9Severity, string> = {
  minimal: 'Minimal',
  mild: 'Mild',
  moderate: 'Moderate',
  moderately_severe: 'Moderately severe',
  severe: 'Severe',
};

export const PHQ9_POSITIVE_AT = 10;

const items = itemsOf('rated', PHQ9_ITEM_TEXTS, FREQUENCY_OPTIONS);
items[8]!.loinc = '44260-8';

const definition: InstrumentDefinition = deepFreeze({
  id: 'phq-9',
  name: 'Patient Health Questionnaire-9',
  shortName: 'PHQ-9',
  loinc: { panel: '44249-1', total: '44261-6' },
  recallPeriod: 'past 2 weeks',
  items,
  licence: {
    kind: 'free',
    note: 'Pfizer made the PHQ and GAD-7 available without copyright restriction or charge (2010).',
    enabledByDefault: true,
  },
  severities: PHQ9_BANDS.map((b) => b.code),
  bands: severityBands(PHQ9_BANDS, PHQ9_BAND_LABELS, PHQ9_MAX_TOTAL),
  maxTotal: PHQ9_MAX_TOTAL,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const values = ratedAnswers(definition, answers);
  const total = sum(values);
  const item9 = values[8]!;
  const flags: InstrumentFlag[] = item9 > 0 ? ['suicidal_ideation', 'suicide_risk'] : [];
  return {
    instrument: 'phq-9',
    total,
    severity: bandFor<Phq9Severity>(total, PHQ9_BANDS),
    positive: total >= PHQ9_POSITIVE_AT,
    flags,
    extra: { item9 },
  };
}

export const phq9: Instrument = { definition, score };
