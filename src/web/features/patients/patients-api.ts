import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreatePatientBody,
  PatientDto,
  PatientSummary,
  UpdatePatientBody,
} from '../../../contracts/patients.js';
import { api, hasCode } from '../../app/api.js';

export type PatientUpdate = z.infer<typeof UpdatePatientBody>;

export const PATIENTS_KEY = ['patients'] as const;

/** Everything cached about one patient: the record and its referrals, screenings and alerts. */
export function patientKey(id: string) {
  return [...PATIENTS_KEY, 'detail', id] as const;
}

/** Patients by name (typo-tolerant), MRN or date of birth (YYYY-MM-DD); nothing for an empty query. */
export function usePatientSearch(q: string) {
  return useQuery({
    queryKey: [...PATIENTS_KEY, 'search', q],
    queryFn: () => api.get<{ items: PatientSummary[] }>('/patients', { q }),
    select: (page) => page.items,
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

export function usePatient(id: string) {
  return useQuery({
    queryKey: patientKey(id),
    queryFn: () => api.get<PatientDto>(`/patients/${id}`),
  });
}

export function useCreatePatient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePatientBody) => api.post<PatientDto>('/patients', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...PATIENTS_KEY, 'search'] }),
  });
}

export function useUpdatePatient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PatientUpdate) => api.patch<PatientDto>(`/patients/${id}`, body),
    onSuccess: (patient) => {
      queryClient.setQueryData(patientKey(id), patient);
      return queryClient.invalidateQueries({ queryKey: [...PATIENTS_KEY, 'search'] });
    },
  });
}

/**
 * The existing patients a create request may duplicate (same name and date of birth), from a
 * `possible_duplicate` problem; null for any other outcome.
 */
export function possibleDuplicates(error: unknown): PatientSummary[] | null {
  if (!hasCode(error, 'possible_duplicate')) return null;
  const { duplicates } = error.problem as { duplicates?: unknown };
  return Array.isArray(duplicates) ? (duplicates as PatientSummary[]) : [];
}
