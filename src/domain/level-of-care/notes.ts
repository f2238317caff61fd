import type { LevelOfCareAssessment as A } from './assessment.js';
import type { LevelOfCare } from './levels.js';

/**
 * Notes explain the chosen level further (why a higher level is not needed, what to do about a
 * barrier). They never change the level, so they may look at it.
 */
export interface PlacementNote {
  readonly code: string;
  readonly text: string;
  readonly applies: (a: A, level: LevelOfCare) => boolean;
}

const isDayProgram = (level: LevelOfCare) => level === 'iop' || level === 'php';

export const PLACEMENT_NOTES: readonly PlacementNote[] = [
  {
    code: 'moderate_risk_managed_at_home',
    text: 'A moderate risk of harm, with support and a safe home, can be cared for while living at home: hospital care is not needed unless the risk rises. Keep a written safety plan, reduce access to means of harm, and check risk at every contact.',
    applies: (a, level) =>
      isDayProgram(level) && (a.suicideRisk === 'moderate' || a.violenceRisk === 'moderate'),
  },
  {
    code: 'attendance_barrier',
    text: 'The person cannot attend a day program right now. The recommendation stays at the level that is needed, because less care would not be safe enough: solve the barriers (transport, work, childcare, schedule, or telehealth sessions), and until then see the person as often as possible and re-assess soon.',
    applies: (a, level) => !a.canAttendProgram && isDayProgram(level),
  },
  {
    code: 'housing_help',
    text: 'There is no safe place to live: connect the person with housing help. Weekly therapy can go on meanwhile.',
    applies: (a, level) => !a.safeHousing && level === 'outpatient',
  },
];
