/**
 * DAST-10 (© Harvey Skinner 1982). Source: clinical-facts.md §2.1 (DAST-10 row, [C]): 10 yes/no
 * items about drug use other than alcohol, past 12 months; 1 point per "yes" except item 3 (able
 * to stop), where "no" scores 1; total 0–10. Bands 0 none, 1–2 low, 3–5 moderate, 6–8 substantial,
 * 9–10 severe; ≥ 3 commonly treated as positive. LOINC panel 82666-9, total 82667-7 [S].
 * Licence: described as freely available [U].
 */
import { bandFor, deepFreeze, itemsOf, YES_NO, yesNoAnswers, type Band } from './answers.js';
import { severityBands, type Instrument, type InstrumentDefinition, type ScoreResult } from './types.js';

export const DAST10_BANDS = [
  { min: 0, code: 'none' },
  { min: 1, code: 'low' },
  { min: 3, code: 'moderate' },
  { min: 6, code: 'substantial' },
  { min: 9, code: 'severe' },
] as const satisfies readonly Band<string>[];
export type Dast10Severity = (typeof DAST10_BANDS)[number]['code'];

export const DAST10_MAX_TOTAL = 10;
const DAST10_BAND_LABELS: Record<Dast10Severity, string> = {
  none: 'None',
  low: 'Low',
  moderate: 'Moderate',
  substantial: 'Substantial',
  severe: 'Severe',
};

export const DAST10_POSITIVE_AT = 3;
/** Item 3 ("always able to stop") is reverse-scored: "no" scores the point. */
export const DAST10_REVERSED_ITEM_INDEX = 2;

const TEXTS = [
  'Have you used drugs other than those required for medical reasons?',
  'Do you abuse more than one drug at a time?',
  'Are you always able to stop using drugs when you want to?',
  'Have you had "blackouts" or "flashbacks" as a result of drug use?',
  'Do you ever feel bad or guilty about your drug use?',
  'Does your spouse (or parents) ever complain about your involvement with drugs?',
  'Have you neglected your family because of your use of drugs?',
  'Have you engaged in illegal activities in order to obtain drugs?',
  'Have you ever experienced withdrawal symptoms (felt sick) when you stopped taking drugs?',
  'Have you had medical problems as a result of your drug use (e.g., memory loss, hepatitis, convulsions, bleeding, etc.)?',
];

const definition: InstrumentDefinition = deepFreeze({
  id: 'dast-10',
  name: 'Drug Abuse Screening Test-10',
  shortName: 'DAST-10',
  loinc: { panel: '82666-9', total: '82667-7' },
  recallPeriod: 'past 12 months',
  items: itemsOf('yes_no', TEXTS, YES_NO),
  licence: {
    kind: 'unconfirmed',
    note: '© Harvey Skinner 1982; described as freely available, but the terms are unconfirmed (clinical-facts.md §8 item 9).',
    enabledByDefault: true,
  },
  severities: DAST10_BANDS.map((b) => b.code),
  bands: severityBands(DAST10_BANDS, DAST10_BAND_LABELS, DAST10_MAX_TOTAL),
  maxTotal: DAST10_MAX_TOTAL,
});

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const yes = yesNoAnswers(definition, answers);
  const total = yes.filter((y, i) => (i === DAST10_REVERSED_ITEM_INDEX ? !y : y)).length;
  return {
    instrument: 'dast-10',
    total,
    severity: bandFor<Dast10Severity>(total, DAST10_BANDS),
    positive: total >= DAST10_POSITIVE_AT,
    flags: [],
  };
}

export const dast10: Instrument = { definition, score };
