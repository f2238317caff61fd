/**
 * Turns self-check answers into a level-of-care suggestion, entirely in the browser. Scoring is the
 * instruments' own; the suggestion is the clinic's level-of-care rules, given an assessment built
 * from the answers. Whatever the person did not tell us takes the least severe value.
 */
import { INSTRUMENTS, type ScoreResult } from '../../../domain/instruments/index.js';
import {
  recommendLevelOfCare,
  SYMPTOM_SEVERITIES,
  type LevelOfCareAssessment,
  type LevelOfCareRecommendation,
  type RiskLevel,
  type SymptomSeverity,
} from '../../../domain/level-of-care/rules.js';
import { GAD7_ITEMS, PHQ9_ITEM9_INDEX, PHQ9_ITEMS, type SelfCheckAnswers } from './questions.js';

/** A YES to the safety question, or any answer above "Not at all" on PHQ-9 item 9. */
export function needsCrisisHelp(answers: SelfCheckAnswers): boolean {
  return answers.safetyNow === true || (answers.phq9[PHQ9_ITEM9_INDEX] ?? 0) > 0;
}

/** DOM ids of the questions, in page order. */
export const questionId = {
  safety: 'self-check-safety',
  phq9: (index: number) => `self-check-phq9-${index + 1}`,
  gad7: (index: number) => `self-check-gad7-${index + 1}`,
  functioning: 'self-check-functioning',
  support: 'self-check-support',
  triedTherapy: 'self-check-tried-therapy',
};

/** The ids of the questions still unanswered, in page order. */
export function unansweredQuestions(answers: SelfCheckAnswers): string[] {
  const missing: string[] = [];
  if (answers.safetyNow === undefined) missing.push(questionId.safety);
  PHQ9_ITEMS.forEach((_, i) => {
    if (answers.phq9[i] === undefined) missing.push(questionId.phq9(i));
  });
  GAD7_ITEMS.forEach((_, i) => {
    if (answers.gad7[i] === undefined) missing.push(questionId.gad7(i));
  });
  if (answers.functioning === undefined) missing.push(questionId.functioning);
  if (answers.support === undefined) missing.push(questionId.support);
  if (answers.triedTherapy === undefined) missing.push(questionId.triedTherapy);
  return missing;
}

export interface SelfCheckResult {
  phq9: ScoreResult;
  gad7: ScoreResult;
  assessment: LevelOfCareAssessment;
  recommendation: LevelOfCareRecommendation;
}

/**
 * PHQ-9 moderately severe (15–19) and severe (20–27) both count as severe symptoms: at that point
 * weekly therapy alone is usually not enough. GAD-7 bands map one to one.
 */
const PHQ9_TO_SYMPTOMS: Record<string, SymptomSeverity> = {
  minimal: 'minimal',
  mild: 'mild',
  moderate: 'moderate',
  moderately_severe: 'severe',
  severe: 'severe',
};
const GAD7_TO_SYMPTOMS: Record<string, SymptomSeverity> = {
  minimal: 'minimal',
  mild: 'mild',
  moderate: 'moderate',
  severe: 'severe',
};

function worse(a: SymptomSeverity, b: SymptomSeverity): SymptomSeverity {
  return SYMPTOM_SEVERITIES.indexOf(a) >= SYMPTOM_SEVERITIES.indexOf(b) ? a : b;
}

/**
 * Thoughts of suicide or self-harm right now are high risk (24-hour care); such thoughts in the past
 * two weeks (PHQ-9 item 9), but not now, are moderate risk (seen several times a week, with a safety
 * plan). Neither is none.
 */
function suicideRisk(answers: SelfCheckAnswers): RiskLevel {
  if (answers.safetyNow === true) return 'high';
  if ((answers.phq9[PHQ9_ITEM9_INDEX] ?? 0) > 0) return 'moderate';
  return 'none';
}

/** The suggestion for a complete answer set; throws if any question is unanswered. */
export function assessSelfCheck(answers: SelfCheckAnswers): SelfCheckResult {
  const { functioning, support, triedTherapy } = answers;
  if (functioning === undefined || support === undefined || triedTherapy === undefined) {
    throw new Error('The self-check is not complete.');
  }
  // score() throws on a missing PHQ-9 or GAD-7 answer.
  const phq9 = INSTRUMENTS['phq-9'].score({ answers: answers.phq9 });
  const gad7 = INSTRUMENTS['gad-7'].score({ answers: answers.gad7 });
  const assessment: LevelOfCareAssessment = {
    suicideRisk: suicideRisk(answers),
    violenceRisk: 'none',
    symptomSeverity: worse(
      PHQ9_TO_SYMPTOMS[phq9.severity ?? 'minimal'] ?? 'minimal',
      GAD7_TO_SYMPTOMS[gad7.severity ?? 'minimal'] ?? 'minimal',
    ),
    functionalImpairment: functioning,
    withdrawalRisk: 'none',
    medicallyStable: true,
    supportSystem: support,
    safeHousing: true,
    recentHigherLevelDischarge: null,
    outpatientTried: triedTherapy,
    canAttendProgram: true,
  };
  return { phq9, gad7, assessment, recommendation: recommendLevelOfCare(assessment) };
}
