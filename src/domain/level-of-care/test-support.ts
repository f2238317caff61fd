import type { LevelOfCareAssessment } from './assessment.js';

/** An assessment that triggers no rule: mild symptoms, no risk, good support, safe home. */
export const CALM: LevelOfCareAssessment = {
  suicideRisk: 'none',
  violenceRisk: 'none',
  symptomSeverity: 'mild',
  functionalImpairment: 'mild',
  withdrawalRisk: 'none',
  medicallyStable: true,
  supportSystem: 'adequate',
  safeHousing: true,
  recentHigherLevelDischarge: null,
  outpatientTried: false,
  canAttendProgram: true,
};

export const assess = (changes: Partial<LevelOfCareAssessment>): LevelOfCareAssessment => ({
  ...CALM,
  ...changes,
});
