import type { REFERRAL_SOURCES, ReferralStatus, URGENCIES } from '../../../contracts/intake.js';

export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export type Urgency = (typeof URGENCIES)[number];

export const SOURCE_LABELS: Record<ReferralSource, string> = {
  inpatient_unit: 'Inpatient unit',
  residential_program: 'Residential program',
  emergency_department: 'Emergency department',
  outpatient_therapist: 'Outpatient therapist',
  primary_care: 'Primary care',
  self: 'Self-referral',
  family: 'Family',
  court: 'Court',
  employee_assistance: 'Employee assistance program',
};

// Options come from the labels (complete by type), so the contracts' zod schemas stay out of the bundle.
// From the labels (complete by type), so the contracts' zod schemas stay out of the bundle.
export const SOURCE_OPTIONS = (Object.keys(SOURCE_LABELS) as ReferralSource[]).map((value) => ({
  value,
  label: SOURCE_LABELS[value],
}));

export const URGENCY_LABELS: Record<Urgency, string> = {
  emergent: 'Emergent',
  urgent: 'Urgent',
  routine: 'Routine',
};

/** Most urgent first. */
export const URGENCY_ORDER: readonly Urgency[] = ['emergent', 'urgent', 'routine'];

export const STATUS_LABELS: Record<ReferralStatus, string> = {
  new: 'New',
  contacted: 'Contacted',
  screening: 'Screening',
  assessed: 'Assessed',
  accepted: 'Accepted',
  declined: 'Declined',
  referred_elsewhere: 'Referred elsewhere',
  admitted: 'Admitted',
};
