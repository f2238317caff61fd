import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DiagnosisCodeDto,
  EpisodePlanDto,
  PatientSignatureBody,
  PlanReviewDueDto,
  SaveTreatmentPlanBody,
  TreatmentPlanDto,
} from '../../../contracts/plans.js';
import { api, hasCode } from '../../app/api.js';
import { NOTES_KEY } from '../notes/notes-api.js';

export type DiagnosisCode = z.infer<typeof DiagnosisCodeDto>;

export const PLANS_KEY = ['treatment-plans'] as const;
const patientPlanKey = (patientId: string) => [...PLANS_KEY, 'patient', patientId] as const;
const planKey = (id: string) => [...PLANS_KEY, 'plan', id] as const;
const REVIEWS_DUE_KEY = [...PLANS_KEY, 'reviews-due'] as const;

/**
 * A plan changed: the episode view (current, draft, versions), Today's review list and the notes
 * (their goal pickers list the current plan's goals) may all show it.
 */
function invalidatePlans(queryClient: QueryClient, plan: TreatmentPlanDto, signed: boolean): Promise<void> {
  queryClient.setQueryData(planKey(plan.id), plan);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: patientPlanKey(plan.patientId) }),
    signed ? queryClient.invalidateQueries({ queryKey: REVIEWS_DUE_KEY }) : undefined,
    signed ? queryClient.invalidateQueries({ queryKey: NOTES_KEY }) : undefined,
  ]).then(() => undefined);
}

/** The patient's current episode with its plans; `null` when the patient has no episode (404). */
export function usePatientPlan(patientId: string) {
  return useQuery({
    queryKey: patientPlanKey(patientId),
    queryFn: async () => {
      try {
        return await api.get<EpisodePlanDto>(`/patients/${patientId}/treatment-plan`);
      } catch (error) {
        if (hasCode(error, 'not_found')) return null;
        throw error;
      }
    },
    enabled: !!patientId,
  });
}

export function usePlan(id: string | null) {
  return useQuery({
    queryKey: planKey(id ?? ''),
    queryFn: () => api.get<TreatmentPlanDto>(`/treatment-plans/${id}`),
    enabled: !!id,
  });
}

/** Creates or updates the episode's draft (a review of the signed plan when one exists). */
export function useSavePlanDraft(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTreatmentPlanBody) =>
      api.put<TreatmentPlanDto>(`/episodes/${episodeId}/treatment-plan/draft`, body),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKey(plan.id), plan);
      // The episode view holds the draft too: keep it in step without a refetch on every keystroke.
      queryClient.setQueryData<EpisodePlanDto | null>(patientPlanKey(plan.patientId), (old) =>
        old ? { ...old, draft: plan } : old,
      );
    },
  });
}

/** Starting a plan (or its review) saves the first draft at once, so "Continue draft" finds it later. */
export function useStartPlan(episodeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTreatmentPlanBody) =>
      api.put<TreatmentPlanDto>(`/episodes/${episodeId}/treatment-plan/draft`, body),
    onSuccess: (plan) => invalidatePlans(queryClient, plan, false),
  });
}

function usePlanAction<B>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<TreatmentPlanDto>(`/treatment-plans/${id}/${path}`, body),
    onSuccess: (plan) => invalidatePlans(queryClient, plan, true),
  });
}

export const useSignPlan = (id: string) => usePlanAction<{ attestation: true }>(id, 'sign');
export const useCosignPlan = (id: string) => usePlanAction<undefined>(id, 'cosign');
export const usePatientSignature = (id: string) =>
  usePlanAction<z.input<typeof PatientSignatureBody>>(id, 'patient-signature');

export function useReviewsDue(enabled: boolean) {
  return useQuery({
    queryKey: REVIEWS_DUE_KEY,
    queryFn: () => api.get<{ items: PlanReviewDueDto[] }>('/treatment-plans/reviews-due'),
    enabled,
  });
}

/** ICD-10-CM F codes matching what was typed (code or words). */
export function useDiagnosisSearch(q: string) {
  const term = q.trim();
  return useQuery({
    queryKey: [...PLANS_KEY, 'diagnoses', term],
    queryFn: () => api.get<{ items: DiagnosisCode[] }>('/diagnoses', { q: term, limit: 20 }),
    enabled: term.length >= 1,
    staleTime: 5 * 60_000,
    placeholderData: (previous) => previous,
  });
}
