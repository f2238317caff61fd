/** Every role a Trellis user can hold. Staff roles are all but `patient`. */
export const ROLES = [
  'admin',
  'program_director',
  'clinician',
  'prescriber',
  'intake',
  'biller',
  'front_desk',
  'patient',
] as const;
export type Role = (typeof ROLES)[number];

export const STAFF_ROLES = ROLES.filter((r): r is Exclude<Role, 'patient'> => r !== 'patient');
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  program_director: 'Program director',
  clinician: 'Clinician',
  prescriber: 'Prescriber',
  intake: 'Intake coordinator',
  biller: 'Biller',
  front_desk: 'Front desk',
  patient: 'Patient',
};

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((r) => r !== 'patient');
}

/** The role shown first when a user holds several: the most privileged. */
export function primaryRole(roles: readonly Role[]): Role | undefined {
  return ROLES.find((r) => roles.includes(r));
}

/** Staff who work with patient records (minimum necessary: administrators and billers of the platform
 * itself are not among them until billing arrives). */
export const PATIENT_RECORD_ROLES: readonly Role[] = [
  'program_director',
  'clinician',
  'prescriber',
  'intake',
  'front_desk',
];

/** Staff who run intake: referrals, screening, level-of-care decisions. */
export const INTAKE_ROLES: readonly Role[] = ['program_director', 'clinician', 'prescriber', 'intake'];

/** Licensed clinical staff: they acknowledge safety alerts and decide the level of care. */
export const LICENSED_ROLES: readonly Role[] = ['program_director', 'clinician', 'prescriber'];

/** Who sets up programs, tracks, staff hours and closures: no patient data is involved. */
export const PROGRAM_SETUP_ROLES: readonly Role[] = ['program_director', 'admin'];
