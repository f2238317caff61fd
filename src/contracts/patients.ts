import { z } from 'zod';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) => z.string().trim().max(max).nullable().optional();
const DateOnly = z.iso.date({ error: 'Use a date as YYYY-MM-DD.' });

export const SEX_AT_BIRTH = ['female', 'male', 'intersex', 'unknown', 'declined'] as const;

export const Address = z.object({
  line1: Text(200),
  line2: Optional(200),
  city: Text(100),
  state: Text(50),
  postalCode: Text(20),
});

export const EmergencyContact = z.object({
  name: Text(120),
  relationship: Optional(60),
  phone: Text(40),
});

const PatientFields = {
  givenName: Text(100),
  familyName: Text(100),
  preferredName: Optional(100),
  pronouns: Optional(40),
  dateOfBirth: DateOnly.nullable().optional(),
  sexAssignedAtBirth: z.enum(SEX_AT_BIRTH).nullable().optional(),
  genderIdentity: Optional(80),
  phone: z
    .string()
    .trim()
    .regex(/^[+()\d\s.-]{7,25}$/, { error: 'Enter a phone number.' })
    .nullable()
    .optional(),
  email: z.email({ error: 'Enter a valid email address.' }).max(254).nullable().optional(),
  address: Address.nullable().optional(),
  preferredLanguage: Optional(60),
  emergencyContact: EmergencyContact.nullable().optional(),
};

export const CreatePatientBody = z.object({
  ...PatientFields,
  /** Create even though a patient with the same name and date of birth exists. */
  confirmNotDuplicate: z.boolean().optional(),
});
export type CreatePatientBody = z.infer<typeof CreatePatientBody>;

export const UpdatePatientBody = z.object(PatientFields).partial().strict();

export const PatientDto = z.object({
  id: z.uuid(),
  mrn: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  sexAssignedAtBirth: z.enum(SEX_AT_BIRTH).nullable(),
  genderIdentity: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: Address.nullable(),
  preferredLanguage: z.string().nullable(),
  emergencyContact: EmergencyContact.nullable(),
  createdAt: z.iso.datetime(),
});
export type PatientDto = z.infer<typeof PatientDto>;

export const PatientSummary = PatientDto.pick({
  id: true,
  mrn: true,
  givenName: true,
  familyName: true,
  preferredName: true,
  dateOfBirth: true,
});
export type PatientSummary = z.infer<typeof PatientSummary>;

export const PatientSearchQuery = z.object({
  q: z.string().trim().min(1, { error: 'Type a name, MRN or date of birth.' }).max(100),
});
