import type {
  APPOINTMENT_KINDS,
  DELIVERIES,
  GROUP_KINDS,
  LEVELS,
  MODULE_KINDS,
  SESSION_KIND_VALUES,
} from '../../../contracts/scheduling.js';
import type { Weekday } from '../../../domain/schedule/recurrence.js';

// Copies of the contract's labels, so the contracts' zod schemas stay out of the bundle.

export type Level = (typeof LEVELS)[number];
export type Delivery = (typeof DELIVERIES)[number];
export type GroupKind = (typeof GROUP_KINDS)[number];
export type ModuleKind = (typeof MODULE_KINDS)[number];
export type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
export type SessionKind = (typeof SESSION_KIND_VALUES)[number];

export const WEEKDAY_SHORT: Record<Weekday, string> = {
  MO: 'Mon',
  TU: 'Tue',
  WE: 'Wed',
  TH: 'Thu',
  FR: 'Fri',
  SA: 'Sat',
  SU: 'Sun',
};
export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
/** Monday first, as the clinic's week runs. */
export const WEEKDAY_ORDER = Object.keys(WEEKDAY_SHORT) as Weekday[];
export const WEEKDAY_OPTIONS = WEEKDAY_ORDER.map((value) => ({ value, label: WEEKDAY_NAMES[value] }));

export const LEVEL_LABELS: Record<Level, string> = {
  iop: 'Intensive outpatient (IOP)',
  php: 'Partial hospitalization (PHP)',
};
export const DELIVERY_LABELS: Record<Delivery, string> = {
  in_person: 'In person',
  telehealth: 'Telehealth',
  hybrid: 'Hybrid',
};
export const GROUP_KIND_LABELS: Record<GroupKind, string> = {
  process: 'Process group',
  skills: 'Skills group',
  psychoeducation: 'Psychoeducation',
  relapse_prevention: 'Relapse prevention',
  multi_family: 'Multi-family group',
};
export const MODULE_KIND_LABELS: Record<ModuleKind, string> = {
  psychoeducation: 'Psychoeducation',
  skills: 'Skills',
};
export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  group: 'Group',
  intake_assessment: 'Intake assessment',
  individual: 'Individual therapy',
  family: 'Family or couples therapy',
  medication_management: 'Medication management',
};

const options = <K extends string>(labels: Record<K, string>) =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

export const LEVEL_OPTIONS = options(LEVEL_LABELS);
export const DELIVERY_OPTIONS = options(DELIVERY_LABELS);
export const GROUP_KIND_OPTIONS = options(GROUP_KIND_LABELS);
export const MODULE_KIND_OPTIONS = options(MODULE_KIND_LABELS);
export const APPOINTMENT_KIND_OPTIONS: { value: AppointmentKind; label: string }[] = [
  { value: 'individual', label: SESSION_KIND_LABELS.individual },
  { value: 'family', label: SESSION_KIND_LABELS.family },
  { value: 'medication_management', label: SESSION_KIND_LABELS.medication_management },
  { value: 'intake_assessment', label: SESSION_KIND_LABELS.intake_assessment },
];

/** Usual appointment length in minutes for each kind. */
export const DEFAULT_DURATION: Record<AppointmentKind, number> = {
  individual: 50,
  family: 50,
  medication_management: 30,
  intake_assessment: 60,
};
