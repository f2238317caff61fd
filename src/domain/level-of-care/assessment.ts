/**
 * What a clinician records at intake or review to get a level-of-care recommendation. Every value is
 * the clinician's own judgement in Trellis's own scales; nothing here is a LOCUS or ASAM rating.
 * Each scale runs from least to most severe (or, for support, from most to least protective), so the
 * API can build schemas from these arrays and the rules can compare positions.
 */
export const RISK_LEVELS = ['none', 'low', 'moderate', 'high', 'imminent'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const SYMPTOM_SEVERITIES = ['minimal', 'mild', 'moderate', 'severe'] as const;
export type SymptomSeverity = (typeof SYMPTOM_SEVERITIES)[number];

export const IMPAIRMENT_LEVELS = ['none', 'mild', 'moderate', 'severe'] as const;
export type ImpairmentLevel = (typeof IMPAIRMENT_LEVELS)[number];

export const WITHDRAWAL_RISKS = ['none', 'low', 'moderate', 'high', 'severe'] as const;
export type WithdrawalRisk = (typeof WITHDRAWAL_RISKS)[number];

/** From the most to the least support: later entries are worse. */
export const SUPPORT_SYSTEMS = ['strong', 'adequate', 'limited', 'none'] as const;
export type SupportSystem = (typeof SUPPORT_SYSTEMS)[number];

/** Higher-level care the person left recently (a step-down), or null. */
export const DISCHARGE_LEVELS = ['inpatient', 'residential', 'php'] as const;
export type DischargeLevel = (typeof DISCHARGE_LEVELS)[number];

export interface LevelOfCareAssessment {
  /** Risk of suicide or serious self-harm now. */
  suicideRisk: RiskLevel;
  /** Risk of harming others now. */
  violenceRisk: RiskLevel;
  /** How severe the mental health symptoms are. */
  symptomSeverity: SymptomSeverity;
  /** How much the symptoms get in the way of work, school, home life and self-care. */
  functionalImpairment: ImpairmentLevel;
  /** Risk of dangerous withdrawal from alcohol or other drugs; `severe` means seizures or delirium are likely. */
  withdrawalRisk: WithdrawalRisk;
  /** false: a physical health problem needs hospital-level (24-hour) medical care now. */
  medicallyStable: boolean;
  /** People who can help day to day and in a crisis. */
  supportSystem: SupportSystem;
  /** The person has a safe place to live while in treatment. */
  safeHousing: boolean;
  /** Recently discharged from a more intensive level (stepping down), or null. */
  recentHigherLevelDischarge: DischargeLevel | null;
  /** Weekly outpatient therapy has been tried for this problem. */
  outpatientTried: boolean;
  /** The person can get to and take part in a day program (transport, work, childcare, schedule). */
  canAttendProgram: boolean;
  /**
   * Optional. The clinician judges the substance use severe (for example daily use with loss of
   * control). Absent means not severe. Used by the rules for structure and for living without support.
   */
  substanceUseSevere?: boolean;
}

/** Position of a value in its scale: 0 is the least severe. */
export function rank<T>(scale: readonly T[], value: T): number {
  return scale.indexOf(value);
}

export const atLeast = {
  risk: (value: RiskLevel, min: RiskLevel) => rank(RISK_LEVELS, value) >= rank(RISK_LEVELS, min),
  symptoms: (value: SymptomSeverity, min: SymptomSeverity) =>
    rank(SYMPTOM_SEVERITIES, value) >= rank(SYMPTOM_SEVERITIES, min),
  impairment: (value: ImpairmentLevel, min: ImpairmentLevel) =>
    rank(IMPAIRMENT_LEVELS, value) >= rank(IMPAIRMENT_LEVELS, min),
  withdrawal: (value: WithdrawalRisk, min: WithdrawalRisk) =>
    rank(WITHDRAWAL_RISKS, value) >= rank(WITHDRAWAL_RISKS, min),
  /** Support at most `max`: `limited` matches limited and none. */
  supportNoBetterThan: (value: SupportSystem, max: SupportSystem) =>
    rank(SUPPORT_SYSTEMS, value) >= rank(SUPPORT_SYSTEMS, max),
};
