/**
 * What the person who entered an acute suicide-risk result does at once. 988 Suicide & Crisis
 * Lifeline (call or text, nationwide since 2022-07-16) and emergency services: clinical-facts.md §4.2.
 */
export const CRISIS_STEPS = {
  headline: 'Acute suicide risk: act now',
  steps: [
    'Stay with the person. Do not leave them alone, and keep them in sight.',
    'Bring in the on-call licensed clinician now for a risk assessment.',
    'If there is immediate danger, call 911 or take the person to the nearest emergency department.',
    'Connect the person with the 988 Suicide & Crisis Lifeline (call or text 988; veterans press 1).',
    'Remove or secure anything that could be used for self-harm, if it is safe to do so.',
  ],
} as const;

/** Which instrument flags open a safety alert, and how acute it is. */
export function alertAcuity(flags: readonly string[]): 'acute' | 'non_acute' | null {
  if (flags.includes('acute_suicide_risk')) return 'acute';
  if (flags.includes('suicide_risk')) return 'non_acute';
  return null;
}
