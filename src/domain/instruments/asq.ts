/**
 * ASQ (Ask Suicide-Screening Questions, NIMH). Not on the fact sheet; rules from the NIMH ASQ
 * toolkit (https://www.nimh.nih.gov/research/research-conducted-at-nimh/asq-toolkit-materials):
 * four yes/no items; "yes" to any of 1–4 is a positive screen, and then the acuity item 5 is asked:
 * "yes" = acute positive (imminent risk: full safety evaluation before the patient leaves),
 * "no" = non-acute positive (brief suicide safety assessment). All of 1–4 "no" = negative, and
 * item 5 is not asked. LOINC not on the sheet: null.
 *
 * Answers: item 5 must be `null` when items 1–4 are all "no" and a boolean otherwise. The toolkit
 * also counts a refusal to answer as positive; a refusal cannot be scored here, so the caller must
 * treat an unanswered ASQ as needing clinician follow-up rather than as negative.
 */
import { asBoolean, deepFreeze, itemsOf, validateAnswers, YES_NO } from './answers.js';
import type { Instrument, InstrumentDefinition, InstrumentFlag, ScoreResult } from './types.js';

export const ASQ_SEVERITIES = ['negative', 'non_acute_positive', 'acute_positive'] as const;
export type AsqSeverity = (typeof ASQ_SEVERITIES)[number];

const ACUITY_INDEX = 4;
const items = itemsOf(
  'yes_no',
  [
    'In the past few weeks, have you wished you were dead?',
    'In the past few weeks, have you felt that you or your family would be better off if you were dead?',
    'In the past week, have you been having thoughts about killing yourself?',
    'Have you ever tried to kill yourself?',
    'Are you having thoughts of killing yourself right now?',
  ],
  YES_NO,
);
items[ACUITY_INDEX]!.nullable = { when: 'items 1–4 are all "no" (the acuity question is not asked)' };

const definition: InstrumentDefinition = deepFreeze({
  id: 'asq',
  name: 'Ask Suicide-Screening Questions',
  shortName: 'ASQ',
  loinc: { panel: null, total: null },
  recallPeriod: 'past few weeks (item 3: past week; item 4: ever; item 5: right now)',
  items,
  licence: {
    kind: 'free',
    note: 'NIMH describes the ASQ toolkit as a free resource (not on the clinical fact sheet; confirm terms).',
    enabledByDefault: true,
  },
  severities: ASQ_SEVERITIES,
  bands: [],
  maxTotal: null,
});

const FLAGS: Record<AsqSeverity, InstrumentFlag[]> = {
  negative: [],
  non_acute_positive: ['suicide_risk'],
  acute_positive: ['suicide_risk', 'acute_suicide_risk'],
};

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const values = validateAnswers(definition, answers, (index, earlier) => {
    if (index !== ACUITY_INDEX) return 'forbidden';
    return earlier.some((v) => v === true) ? 'forbidden' : 'required';
  });
  const screenPositive = values.slice(0, ACUITY_INDEX).map(asBoolean).some(Boolean);
  const severity: AsqSeverity = !screenPositive
    ? 'negative'
    : asBoolean(values[ACUITY_INDEX]!)
      ? 'acute_positive'
      : 'non_acute_positive';
  return {
    instrument: 'asq',
    total: null,
    severity,
    positive: severity !== 'negative',
    flags: [...FLAGS[severity]],
  };
}

export const asq: Instrument = { definition, score };
