import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  SafetyPlanDto,
  SafetyPlanVersionDto,
  SaveSafetyPlanBody,
} from '../../../contracts/safety-plans.js';
import { api, apiUrl } from '../../app/api.js';
import { NOTES_KEY } from '../notes/notes-api.js';
import { patientKey } from '../patients/patients-api.js';

/** Everything cached about a patient's safety plan (under the patient, so a chart refresh covers it). */
export function safetyPlanKey(patientId: string) {
  return [...patientKey(patientId), 'safety-plan'] as const;
}

/** The current plan, its version list, whether it needs review, and the template a new plan starts from. */
export function useSafetyPlan(patientId: string, enabled = true) {
  return useQuery({
    queryKey: safetyPlanKey(patientId),
    queryFn: () => api.get<SafetyPlanDto>(`/patients/${patientId}/safety-plan`),
    enabled: enabled && !!patientId,
  });
}

/** One older version, read-only; nothing is fetched while `version` is null. */
export function useSafetyPlanVersion(patientId: string, version: number | null) {
  return useQuery({
    queryKey: [...safetyPlanKey(patientId), 'version', version],
    queryFn: () => api.get<SafetyPlanVersionDto>(`/patients/${patientId}/safety-plan/versions/${version}`),
    enabled: version !== null,
    // A version never changes once written.
    staleTime: Infinity,
  });
}

/** Saving always writes a new version; the old ones stay readable. */
export function useSaveSafetyPlan(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveSafetyPlanBody) =>
      api.post<SafetyPlanVersionDto>(`/patients/${patientId}/safety-plan`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: safetyPlanKey(patientId) }),
        // The chart timeline may list the new version.
        queryClient.invalidateQueries({ queryKey: [...NOTES_KEY, 'chart'] }),
      ]),
  });
}

/** The printable plan (the current one, or `version`), opened by a plain link. */
export function safetyPlanPdfUrl(patientId: string, version?: number): string {
  return apiUrl(`/patients/${patientId}/safety-plan/pdf`, { version });
}
