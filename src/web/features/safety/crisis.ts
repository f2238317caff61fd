import type { CrisisSteps } from './safety-api.js';

/**
 * What to do at once when a level-of-care assessment calls for a crisis response (imminent risk to
 * self or others, or dangerous withdrawal). Acute screening results bring the server's own steps.
 */
export const LEVEL_OF_CARE_CRISIS_STEPS: CrisisSteps = {
  headline: 'This person needs a crisis response now',
  steps: [
    'Stay with the person and keep them in sight. Do not leave them alone.',
    'If anyone is in immediate danger, or withdrawal is severe, call 911 or take the person to the nearest emergency department.',
    'Connect the person with the 988 Suicide & Crisis Lifeline (call or text 988).',
    'Tell the on-call licensed clinician and the program director now.',
  ],
};
