import type { CreatePatientBody, PatientDto, SEX_AT_BIRTH } from '../../../contracts/patients.js';

/** A patient as the form edits it: every field a string, '' for empty. */
export interface PatientFormValues {
  givenName: string;
  familyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sexAssignedAtBirth: string;
  genderIdentity: string;
  phone: string;
  email: string;
  preferredLanguage: string;
  address: { line1: string; line2: string; city: string; state: string; postalCode: string };
  emergencyContact: { name: string; relationship: string; phone: string };
}

export const SEX_AT_BIRTH_LABELS: Record<(typeof SEX_AT_BIRTH)[number], string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  unknown: 'Unknown',
  declined: 'Chose not to say',
};

type SexAtBirth = (typeof SEX_AT_BIRTH)[number];
const SEXES = Object.keys(SEX_AT_BIRTH_LABELS) as SexAtBirth[];

export const SEX_AT_BIRTH_OPTIONS = SEXES.map((value) => ({
  value,
  label: SEX_AT_BIRTH_LABELS[value],
}));

export function emptyPatientForm(): PatientFormValues {
  return patientFormValues(null);
}

export function patientFormValues(patient: PatientDto | null): PatientFormValues {
  const p = patient;
  return {
    givenName: p?.givenName ?? '',
    familyName: p?.familyName ?? '',
    preferredName: p?.preferredName ?? '',
    pronouns: p?.pronouns ?? '',
    dateOfBirth: p?.dateOfBirth ?? '',
    sexAssignedAtBirth: p?.sexAssignedAtBirth ?? '',
    genderIdentity: p?.genderIdentity ?? '',
    phone: p?.phone ?? '',
    email: p?.email ?? '',
    preferredLanguage: p?.preferredLanguage ?? '',
    address: {
      line1: p?.address?.line1 ?? '',
      line2: p?.address?.line2 ?? '',
      city: p?.address?.city ?? '',
      state: p?.address?.state ?? '',
      postalCode: p?.address?.postalCode ?? '',
    },
    emergencyContact: {
      name: p?.emergencyContact?.name ?? '',
      relationship: p?.emergencyContact?.relationship ?? '',
      phone: p?.emergencyContact?.phone ?? '',
    },
  };
}

const orNull = (value: string) => value.trim() || null;
const blank = (group: Record<string, string>) => Object.values(group).every((v) => !v.trim());
const isSex = (value: string): value is SexAtBirth => SEXES.some((s) => s === value);

/** The request body: empty fields are null, and an untouched address or contact is left out (null). */
export function patientBody(values: PatientFormValues): CreatePatientBody {
  const { address: a, emergencyContact: c } = values;
  return {
    givenName: values.givenName.trim(),
    familyName: values.familyName.trim(),
    preferredName: orNull(values.preferredName),
    pronouns: orNull(values.pronouns),
    dateOfBirth: orNull(values.dateOfBirth),
    sexAssignedAtBirth: isSex(values.sexAssignedAtBirth) ? values.sexAssignedAtBirth : null,
    genderIdentity: orNull(values.genderIdentity),
    phone: orNull(values.phone),
    email: orNull(values.email),
    preferredLanguage: orNull(values.preferredLanguage),
    address: blank(a)
      ? null
      : {
          line1: a.line1.trim(),
          line2: orNull(a.line2),
          city: a.city.trim(),
          state: a.state.trim(),
          postalCode: a.postalCode.trim(),
        },
    emergencyContact: blank(c)
      ? null
      : { name: c.name.trim(), relationship: orNull(c.relationship), phone: c.phone.trim() },
  };
}

/**
 * Client-side checks that mirror the contract, so most mistakes show before a round trip. `pick`
 * finds the patient in the whole form's values (it may be nested, as in the referral form).
 */
export function patientRules<V>(pick: (values: V) => PatientFormValues) {
  type Check = (value: string, values: V) => string | null;
  const required =
    (message: string): Check =>
    (value) =>
      value.trim() ? null : message;
  const requiredWith =
    (group: 'address' | 'emergencyContact', message: string): Check =>
    (value, values) =>
      blank(pick(values)[group]) || value.trim() ? null : message;
  return {
    givenName: required('Enter the given (first) name.'),
    familyName: required('Enter the family (last) name.'),
    dateOfBirth: (value: string) =>
      !value || /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : 'Enter the date of birth as YYYY-MM-DD.',
    phone: (value: string) =>
      !value.trim() || /^[+()\d\s.-]{7,25}$/.test(value.trim()) ? null : 'Enter a phone number.',
    email: (value: string) =>
      !value.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
        ? null
        : 'Enter a valid email address.',
    address: {
      line1: requiredWith('address', 'Enter the street address.'),
      city: requiredWith('address', 'Enter the city.'),
      state: requiredWith('address', 'Enter the state.'),
      postalCode: requiredWith('address', 'Enter the ZIP code.'),
    },
    emergencyContact: {
      name: requiredWith('emergencyContact', 'Enter the contact’s name.'),
      phone: requiredWith('emergencyContact', 'Enter the contact’s phone number.'),
    },
  };
}
