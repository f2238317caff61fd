import { atLeast, type LevelOfCareAssessment as A, type RiskLevel } from './assessment.js';
import type { LevelOfCare } from './levels.js';

/**
 * One placement rule: when `applies` is true, `level` is the least intensive level that is safe.
 * The recommendation is the most intensive level among the rules that apply, so each rule only
 * ever raises the floor. Wording is Trellis's own (not LOCUS or ASAM text).
 */
export interface PlacementRule {
  /** Stable identifier, stored with every decision. Never reuse a code for a different meaning. */
  readonly code: string;
  readonly level: LevelOfCare;
  /** The person needs an emergency or crisis response now. */
  readonly crisis?: true;
  /** Plain language for clinician and patient alike. */
  readonly text: string;
  readonly applies: (a: A) => boolean;
}

const severeNeed = (a: A) => a.symptomSeverity === 'severe' || a.functionalImpairment === 'severe';
const moderateNeed = (a: A) =>
  atLeast.symptoms(a.symptomSeverity, 'moderate') || atLeast.impairment(a.functionalImpairment, 'moderate');
const eitherRisk = (a: A, risk: RiskLevel) => a.suicideRisk === risk || a.violenceRisk === risk;
const anyRiskAtLeast = (a: A, min: RiskLevel) =>
  atLeast.risk(a.suicideRisk, min) || atLeast.risk(a.violenceRisk, min);
const limitedSupport = (a: A) => atLeast.supportNoBetterThan(a.supportSystem, 'limited');

/** Ordered from the most to the least intensive level; reasons are reported in this order. */
export const PLACEMENT_RULES: readonly PlacementRule[] = [
  // Inpatient: 24-hour care in a hospital.
  {
    code: 'suicide_risk_imminent',
    level: 'inpatient',
    crisis: true,
    text: 'Imminent risk of suicide: the person needs emergency help now (988 or emergency services) and a hospital stay to stay safe.',
    applies: (a) => a.suicideRisk === 'imminent',
  },
  {
    code: 'violence_risk_imminent',
    level: 'inpatient',
    crisis: true,
    text: 'Imminent risk of harming someone: an emergency response is needed now, then a hospital stay to keep everyone safe.',
    applies: (a) => a.violenceRisk === 'imminent',
  },
  {
    code: 'withdrawal_severe',
    level: 'inpatient',
    crisis: true,
    text: 'Withdrawal could be life-threatening (for example seizures or confusion): urgent medical care and a hospital stay are needed now.',
    applies: (a) => a.withdrawalRisk === 'severe',
  },
  {
    code: 'suicide_risk_high',
    level: 'inpatient',
    text: 'High risk of suicide: living at home is not safe right now, so 24-hour hospital care is needed.',
    applies: (a) => a.suicideRisk === 'high',
  },
  {
    code: 'violence_risk_high',
    level: 'inpatient',
    text: 'High risk of harming others: 24-hour hospital care is needed until the risk comes down.',
    applies: (a) => a.violenceRisk === 'high',
  },
  {
    code: 'medically_unstable',
    level: 'inpatient',
    text: 'A physical health problem needs 24-hour medical care, which a hospital gives.',
    applies: (a) => !a.medicallyStable,
  },
  // Residential: a staffed 24-hour setting that is not a hospital.
  {
    code: 'withdrawal_high',
    level: 'residential',
    text: 'Withdrawal is likely to be serious and needs watching around the clock by nurses and doctors, in a 24-hour setting.',
    applies: (a) => a.withdrawalRisk === 'high',
  },
  {
    code: 'withdrawal_without_support',
    level: 'residential',
    text: 'Withdrawal needs daily checks and there is too little support at home to watch over it between visits, so a 24-hour setting is safer.',
    applies: (a) => a.withdrawalRisk === 'moderate' && limitedSupport(a),
  },
  {
    code: 'no_support_moderate_risk',
    level: 'residential',
    text: 'There is a moderate risk of harm and no one at home to help in a crisis, so a staffed 24-hour setting is safer than living at home.',
    applies: (a) => a.supportSystem === 'none' && eitherRisk(a, 'moderate'),
  },
  {
    code: 'no_support_severe_impairment',
    level: 'residential',
    text: 'The person can barely manage daily life and has no one to help at home, so they cannot recover safely at home.',
    applies: (a) => a.supportSystem === 'none' && a.functionalImpairment === 'severe',
  },
  {
    code: 'no_support_substance_use',
    level: 'residential',
    text: 'Substance use is severe and there is no one at home to support recovery, so a 24-hour setting gives the best chance.',
    applies: (a) => a.supportSystem === 'none' && a.substanceUseSevere === true,
  },
  {
    code: 'no_safe_home',
    level: 'residential',
    text: 'There is no safe place to live, and day programs rely on a safe home between sessions, so a residential setting is needed.',
    applies: (a) => !a.safeHousing && otherRuleApplies(a, 'no_safe_home'),
  },
  // Partial hospitalization: at home, most of the day about five days a week.
  {
    code: 'withdrawal_moderate',
    level: 'php',
    text: 'Withdrawal needs medical checks on most days, which a full-day program gives while the person lives at home.',
    applies: (a) => a.withdrawalRisk === 'moderate',
  },
  {
    code: 'severe_with_risk',
    level: 'php',
    text: 'Symptoms or daily-life difficulties are severe and there is some risk of harm, so a few hours a few days a week is not enough: a full-day program is needed.',
    applies: (a) => severeNeed(a) && anyRiskAtLeast(a, 'low'),
  },
  {
    code: 'severe_with_limited_support',
    level: 'php',
    text: 'Symptoms or daily-life difficulties are severe and support at home is limited, so a full-day program is needed to give the structure home cannot.',
    applies: (a) => severeNeed(a) && limitedSupport(a),
  },
  {
    code: 'moderate_risk_limited_support',
    level: 'php',
    text: 'There is a moderate risk of harm and limited support at home, so the person should be seen on most days, in a full-day program.',
    applies: (a) => eitherRisk(a, 'moderate') && limitedSupport(a),
  },
  // Intensive outpatient: at home, a few hours a day on several days a week.
  {
    code: 'suicide_risk_moderate',
    level: 'iop',
    text: 'Moderate risk of suicide: weekly therapy is not enough; the person should be seen several times a week and keep a safety plan.',
    applies: (a) => a.suicideRisk === 'moderate',
  },
  {
    code: 'violence_risk_moderate',
    level: 'iop',
    text: 'Moderate risk of harming others: weekly therapy is not enough; the person should be seen several times a week.',
    applies: (a) => a.violenceRisk === 'moderate',
  },
  {
    code: 'severe_symptoms',
    level: 'iop',
    text: 'Symptoms are severe, so weekly therapy is not enough.',
    applies: (a) => a.symptomSeverity === 'severe',
  },
  {
    code: 'severe_impairment',
    level: 'iop',
    text: 'Symptoms keep the person from functioning at work, school or home, so weekly therapy is not enough.',
    applies: (a) => a.functionalImpairment === 'severe',
  },
  {
    code: 'step_down',
    level: 'iop',
    text: 'The person recently left hospital, residential or full-day program care; stepping down gradually, not straight to weekly therapy, protects the progress made.',
    applies: (a) => a.recentHigherLevelDischarge !== null,
  },
  {
    code: 'outpatient_not_enough',
    level: 'iop',
    text: 'Weekly therapy has been tried and symptoms or daily-life difficulties are still moderate or worse, so more support is needed.',
    applies: (a) => a.outpatientTried && moderateNeed(a),
  },
  {
    code: 'moderate_with_limited_support',
    level: 'iop',
    text: 'Symptoms or daily-life difficulties are moderate or worse and support at home is limited, so more structure than weekly therapy is needed.',
    applies: (a) => moderateNeed(a) && limitedSupport(a),
  },
  {
    code: 'substance_use_severe',
    level: 'iop',
    text: 'Substance use is severe, so more structure and support than weekly therapy are needed.',
    applies: (a) => a.substanceUseSevere === true,
  },
];

/** Whether any placement rule other than `except` applies: i.e. care beyond weekly therapy is needed. */
function otherRuleApplies(a: A, except: string): boolean {
  return PLACEMENT_RULES.some((r) => r.code !== except && r.applies(a));
}

/** Reported when no placement rule applies. */
export const OUTPATIENT_SUFFICIENT = {
  code: 'outpatient_sufficient',
  level: 'outpatient',
  text: 'Nothing in this assessment calls for more than weekly therapy, so outpatient care is the least intensive level that is safe.',
} as const;
