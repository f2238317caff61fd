/**
 * C-SSRS Screener with triage points. Source: clinical-facts.md §2.1 (C-SSRS row, [C]): six yes/no
 * items, 1–5 ideation in the past month, 6 behaviour over the lifetime with a follow-up "within the
 * past 3 months?". All "no" → none. Low: yes to 1 or 2 only. Moderate: yes to 3, or 6 lifetime
 * only. High: yes to 4 or 5, or 6 within the past 3 months. Response protocol: 1–3 and lifetime-only
 * 6 → behavioural-health referral; 4, 5 and recent 6 → consultation and safety precautions. The
 * level is the highest any endorsed item reaches. LOINC is [U]: null.
 *
 * Licensed: © Research Foundation for Mental Hygiene; Clario holds the exclusive licence for
 * electronic implementations, so this is off by default and item `text` is our construct label,
 * not the licensed wording.
 *
 * Answers (in order 1, 2, 3, 4, 5, 6, 6b): 6b must be `null` when 6 is "no" (there is no behaviour
 * to date) and a boolean when 6 is "yes". The screener skips 3–5 when 2 is "no", so 3–5 may then be
 * `null` (not asked: not endorsed); if they were asked anyway their answers are scored. When 2 is
 * "yes", 3–5 are required.
 */
import { asBoolean, deepFreeze, itemsOf, validateAnswers, YES_NO, type NullRule } from './answers.js';
import type { AnswerValue, Instrument, InstrumentDefinition, InstrumentFlag, ScoreResult } from './types.js';

export const CSSRS_SEVERITIES = ['none', 'low', 'moderate', 'high'] as const;
export type CssrsSeverity = (typeof CSSRS_SEVERITIES)[number];

const items = itemsOf(
  'yes_no',
  [
    'Wish to be dead (past month)',
    'Thoughts of killing oneself (past month)',
    'Thinking about how one might do it (past month)',
    'Suicidal thoughts with some intention of acting on them (past month)',
    'Details of a plan worked out, with intent to carry it out (past month)',
    'Ever done, started to do or prepared to do anything to end one’s life (lifetime)',
    'That suicidal behaviour was within the past 3 months',
  ],
  YES_NO,
);
items[6]!.id = '6b';
for (const i of [2, 3, 4]) items[i]!.nullable = { when: 'item 2 is "no" (the screener skips items 3–5)' };
items[6]!.nullable = { when: 'item 6 is "no" (required when item 6 is "yes")' };

const definition: InstrumentDefinition = deepFreeze({
  id: 'c-ssrs',
  name: 'Columbia-Suicide Severity Rating Scale, Screener with Triage Points',
  shortName: 'C-SSRS',
  loinc: { panel: null, total: null },
  recallPeriod: 'past month (items 1–5); lifetime and past 3 months (item 6)',
  items,
  licence: {
    kind: 'licensed',
    note: '© The Research Foundation for Mental Hygiene. Clario holds the exclusive licence for electronic implementations (paid sublicensing and certification): electronic use needs a licence from Clario. Confirm clinical EHR use is covered before enabling; load the licensed item wording.',
    enabledByDefault: false,
  },
  severities: CSSRS_SEVERITIES,
  bands: [],
  maxTotal: null,
});

function nullRule(index: number, earlier: readonly AnswerValue[]): NullRule {
  if (index >= 2 && index <= 4) return earlier[1] === false ? 'allowed' : 'forbidden';
  if (index === 6) return earlier[5] === true ? 'forbidden' : 'required';
  return 'forbidden';
}

const FLAGS: Record<CssrsSeverity, InstrumentFlag[]> = {
  none: [],
  low: [],
  moderate: ['suicide_risk'],
  high: ['suicide_risk', 'acute_suicide_risk'],
};

const RESPONSE: Record<CssrsSeverity, string | null> = {
  none: null,
  low: 'behavioral_health_referral',
  moderate: 'behavioral_health_referral',
  high: 'behavioral_health_consultation_and_safety_precautions',
};

function score({ answers }: { answers: readonly unknown[] }): ScoreResult {
  const values = validateAnswers(definition, answers, nullRule);
  const [q1, q2, q3, q4, q5, q6] = values.slice(0, 6).map((v) => v === true);
  const recent = q6 === true && asBoolean(values[6]!);
  const severity: CssrsSeverity =
    q4 || q5 || recent ? 'high' : q3 || q6 ? 'moderate' : q1 || q2 ? 'low' : 'none';
  return {
    instrument: 'c-ssrs',
    total: null,
    severity,
    positive: severity !== 'none',
    flags: [...FLAGS[severity]],
    extra: {
      responseProtocol: RESPONSE[severity],
      behaviorWithinPast3Months: q6 ? recent : null,
    },
  };
}

export const cssrs: Instrument = { definition, score };
