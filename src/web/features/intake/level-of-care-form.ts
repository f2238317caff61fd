import {
  DISCHARGE_LEVELS,
  IMPAIRMENT_LEVELS,
  LEVELS_OF_CARE,
  RISK_LEVELS,
  SUPPORT_SYSTEMS,
  SYMPTOM_SEVERITIES,
  WITHDRAWAL_RISKS,
  type LevelOfCare,
  type LevelOfCareAssessment,
} from '../../../domain/level-of-care/rules.js';

type Option = { value: string; label: string };
const options = (values: readonly string[], labels: Record<string, string>): Option[] =>
  values.map((value) => ({ value, label: labels[value] ?? value }));

/** Short names for each level, for buttons and lists (LEVEL_OF_CARE_LABELS has the full descriptions). */
export const LEVEL_SHORT_LABELS: Record<LevelOfCare, string> = {
  outpatient: 'Outpatient',
  iop: 'Intensive outpatient (IOP)',
  php: 'Partial hospitalization (PHP)',
  residential: 'Residential',
  inpatient: 'Inpatient',
};

export const LEVEL_OPTIONS = LEVELS_OF_CARE.map((value) => ({ value, label: LEVEL_SHORT_LABELS[value] }));

/** The scale questions of the assessment, each answered from a list. */
export const SCALE_FIELDS = [
  {
    key: 'suicideRisk',
    label: 'Risk of suicide or serious self-harm now',
    options: options(RISK_LEVELS, {
      none: 'None',
      low: 'Low',
      moderate: 'Moderate',
      high: 'High',
      imminent: 'Imminent',
    }),
  },
  {
    key: 'violenceRisk',
    label: 'Risk of harming others now',
    options: options(RISK_LEVELS, {
      none: 'None',
      low: 'Low',
      moderate: 'Moderate',
      high: 'High',
      imminent: 'Imminent',
    }),
  },
  {
    key: 'symptomSeverity',
    label: 'How severe the mental health symptoms are',
    options: options(SYMPTOM_SEVERITIES, {
      minimal: 'Minimal',
      mild: 'Mild',
      moderate: 'Moderate',
      severe: 'Severe',
    }),
  },
  {
    key: 'functionalImpairment',
    label: 'How much symptoms get in the way of work, school, home life and self-care',
    options: options(IMPAIRMENT_LEVELS, {
      none: 'Not at all',
      mild: 'Mildly',
      moderate: 'Moderately',
      severe: 'Severely',
    }),
  },
  {
    key: 'withdrawalRisk',
    label: 'Risk of dangerous withdrawal from alcohol or other drugs',
    options: options(WITHDRAWAL_RISKS, {
      none: 'None',
      low: 'Low',
      moderate: 'Moderate',
      high: 'High',
      severe: 'Severe (seizures or delirium likely)',
    }),
  },
  {
    key: 'supportSystem',
    label: 'People who can help day to day and in a crisis',
    options: options(SUPPORT_SYSTEMS, {
      strong: 'Strong support',
      adequate: 'Adequate support',
      limited: 'Limited support',
      none: 'No support',
    }),
  },
  {
    key: 'recentHigherLevelDischarge',
    label: 'Recently discharged from more intensive care (stepping down)',
    options: [
      { value: 'no', label: 'No' },
      ...options(DISCHARGE_LEVELS, {
        inpatient: 'Yes, from inpatient (hospital)',
        residential: 'Yes, from residential',
        php: 'Yes, from partial hospitalization (PHP)',
      }),
    ],
  },
] as const;

/** The yes/no questions; `substanceUseSevere` may be left unanswered (treated as not severe). */
export const YES_NO_FIELDS = [
  {
    key: 'medicallyStable',
    label: 'Medically stable: no physical health problem needs 24-hour medical care now',
    optional: false,
  },
  { key: 'safeHousing', label: 'Has a safe place to live while in treatment', optional: false },
  {
    key: 'outpatientTried',
    label: 'Weekly outpatient therapy has already been tried for this problem',
    optional: false,
  },
  {
    key: 'canAttendProgram',
    label: 'Can get to and take part in a day program (transport, work, childcare, schedule)',
    optional: false,
  },
  {
    key: 'substanceUseSevere',
    label: 'Substance use is severe (for example daily use with loss of control)',
    optional: true,
  },
] as const;

type ScaleKey = (typeof SCALE_FIELDS)[number]['key'];
type YesNoKey = (typeof YES_NO_FIELDS)[number]['key'];

/** The form's values: '' until answered; yes/no questions as 'yes' | 'no'. */
export type AssessmentFormValues = Record<ScaleKey, string> & Record<YesNoKey, '' | 'yes' | 'no'>;

export function emptyAssessment(): AssessmentFormValues {
  return {
    suicideRisk: '',
    violenceRisk: '',
    symptomSeverity: '',
    functionalImpairment: '',
    withdrawalRisk: '',
    supportSystem: '',
    recentHigherLevelDischarge: '',
    medicallyStable: '',
    safeHousing: '',
    outpatientTried: '',
    canAttendProgram: '',
    substanceUseSevere: '',
  };
}

/** How many required questions are still unanswered. */
export function unansweredCount(values: AssessmentFormValues): number {
  const scales = SCALE_FIELDS.filter((f) => !values[f.key]).length;
  const yesNo = YES_NO_FIELDS.filter((f) => !f.optional && !values[f.key]).length;
  return scales + yesNo;
}

/** The assessment the rules and the API take, or null while any required answer is missing. */
export function toAssessment(values: AssessmentFormValues): LevelOfCareAssessment | null {
  if (unansweredCount(values) > 0) return null;
  const yes = (key: YesNoKey) => values[key] === 'yes';
  const discharge = values.recentHigherLevelDischarge;
  return {
    suicideRisk: values.suicideRisk as LevelOfCareAssessment['suicideRisk'],
    violenceRisk: values.violenceRisk as LevelOfCareAssessment['violenceRisk'],
    symptomSeverity: values.symptomSeverity as LevelOfCareAssessment['symptomSeverity'],
    functionalImpairment: values.functionalImpairment as LevelOfCareAssessment['functionalImpairment'],
    withdrawalRisk: values.withdrawalRisk as LevelOfCareAssessment['withdrawalRisk'],
    supportSystem: values.supportSystem as LevelOfCareAssessment['supportSystem'],
    recentHigherLevelDischarge:
      discharge === 'no'
        ? null
        : (discharge as NonNullable<LevelOfCareAssessment['recentHigherLevelDischarge']>),
    medicallyStable: yes('medicallyStable'),
    safeHousing: yes('safeHousing'),
    outpatientTried: yes('outpatientTried'),
    canAttendProgram: yes('canAttendProgram'),
    ...(values.substanceUseSevere ? { substanceUseSevere: yes('substanceUseSevere') } : {}),
  };
}
