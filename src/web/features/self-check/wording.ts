/**
 * What the self-check says about its result, to the person, in plain words (about a grade 6
 * reading level). Rule codes stay here: the page shows only these sentences.
 */
import type { LevelOfCare } from '../../../domain/level-of-care/rules.js';

/** What each level of care is, in the program's own terms. */
export const LEVEL_EXPLANATIONS: Record<LevelOfCare, string> = {
  outpatient:
    'You meet with a therapist or counselor about once a week. This works well when symptoms are mild, or to keep up the progress you have made.',
  iop: 'You live at home and come to the program several days a week, for a few hours each day. It is for people who need more support or structure than weekly therapy. It is also a good next step after a stay in a hospital or a residential program.',
  php: 'You live at home and spend most of the day at the program, about five days a week. It gives more support than an IOP.',
  residential:
    'You live for a while in a treatment home, with staff there day and night. It is for people who need care around the clock but not a hospital.',
  inpatient:
    'You stay in a hospital or treatment facility, with care 24 hours a day, 7 days a week. It is for a crisis, for thoughts of suicide with risk, or when it is not safe to be at home.',
};

/** The kinds of care every result explains, least to most intensive. */
export const EXPLAINED_LEVELS: readonly LevelOfCare[] = ['outpatient', 'iop', 'inpatient'];

/** Short names for the explanations list. */
export const LEVEL_NAMES: Record<LevelOfCare, string> = {
  outpatient: 'Outpatient care',
  iop: 'Intensive outpatient program (IOP)',
  php: 'Partial hospitalization program (PHP)',
  residential: 'Residential care',
  inpatient: 'Inpatient care',
};

/** What to do next for each suggested level. */
export const NEXT_STEPS: Record<LevelOfCare, string> = {
  outpatient:
    'Ask a therapist, counselor, or your doctor about weekly therapy. If things get harder, you can check again.',
  iop: 'Ask us, a therapist, or your doctor whether an IOP is right for you. You can ask us to call you below.',
  php: 'Ask a therapist, your doctor, or us about a partial hospitalization program. An IOP is often the next step after it.',
  residential:
    'Ask a therapist, your doctor, or us about residential care. An IOP is often the next step after it.',
  inpatient:
    'Please get help now: call or text 988, or call 911 if you are in danger. They can help you find the right care.',
};

/**
 * Why, in the person's own terms, for the rule codes the self-check can reach. A code without an
 * entry (one the self-check cannot trigger) says nothing.
 */
export const REASON_TEXTS: Partial<Record<string, string>> = {
  suicide_risk_high:
    'You said you are having thoughts of ending your life or hurting yourself right now. You deserve care and safety right away.',
  no_support_moderate_risk:
    'You have had thoughts of hurting yourself, and you have no one to help you in a hard moment.',
  no_support_severe_impairment: 'You can’t do everyday things right now, and you have no one to help you.',
  severe_with_risk:
    'Your symptoms or everyday problems are strong, and you have had thoughts of hurting yourself.',
  severe_with_limited_support: 'Your symptoms or everyday problems are strong, and you have little help.',
  moderate_risk_limited_support: 'You have had thoughts of hurting yourself, and you have little help.',
  suicide_risk_moderate: 'You have had thoughts of being better off dead or of hurting yourself.',
  severe_symptoms: 'Your answers show strong symptoms.',
  severe_impairment: 'Your problems keep you from doing your work, school, or things at home.',
  outpatient_not_enough: 'You have tried weekly therapy, and things are still hard.',
  moderate_with_limited_support: 'Things are hard right now, and you have little help.',
  outpatient_sufficient: 'Your answers do not point to needing more than weekly therapy right now.',
  moderate_risk_managed_at_home:
    'With people who can help and a safety plan, this can often be cared for while you live at home.',
};

/** PHQ-9 and GAD-7 severity codes in words. */
export const SEVERITY_WORDS: Record<string, string> = {
  minimal: 'few or no signs',
  mild: 'mild',
  moderate: 'moderate',
  moderately_severe: 'moderately severe',
  severe: 'severe',
};
