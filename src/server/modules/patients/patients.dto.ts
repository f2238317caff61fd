import type { z } from 'zod';
import type { Address, EmergencyContact, PatientDto, PatientSummary } from '../../../contracts/patients.js';
import type { PatientRow, PatientSummaryRow } from './patients.repo.js';

export const toPatientSummary = (p: PatientSummaryRow): PatientSummary => ({
  id: p.id,
  mrn: p.mrn,
  givenName: p.given_name,
  familyName: p.family_name,
  preferredName: p.preferred_name,
  dateOfBirth: p.date_of_birth,
});

export const toPatientDto = (p: PatientRow): PatientDto => ({
  ...toPatientSummary(p),
  pronouns: p.pronouns,
  sexAssignedAtBirth: p.sex_assigned_at_birth as PatientDto['sexAssignedAtBirth'],
  genderIdentity: p.gender_identity,
  phone: p.phone,
  email: p.email,
  address: p.address as z.infer<typeof Address> | null,
  preferredLanguage: p.preferred_language,
  emergencyContact: p.emergency_contact as z.infer<typeof EmergencyContact> | null,
  createdAt: p.created_at.toISOString(),
});

export const displayName = (p: { given_name: string; family_name: string; preferred_name: string | null }) =>
  `${p.preferred_name ?? p.given_name} ${p.family_name}`;
