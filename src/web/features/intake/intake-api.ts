import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateReferralBody,
  LevelOfCareDecisionBody,
  ReferralDetailDto,
  ReferralDto,
  ReferralStatus,
} from '../../../contracts/intake.js';
import { api } from '../../app/api.js';
import { PATIENTS_KEY, patientKey } from '../patients/patients-api.js';
import { CLOSING_STATUSES } from './pipeline.js';

export type DecisionBody = z.infer<typeof LevelOfCareDecisionBody>;
export type StatusChange = { status: ReferralStatus; reason?: string; destination?: string };

export const REFERRALS_KEY = ['referrals'] as const;
const LIST_KEY = [...REFERRALS_KEY, 'list'] as const;

export function referralKey(id: string) {
  return [...REFERRALS_KEY, 'detail', id] as const;
}

/** Referrals still in the pipeline (not closed or admitted), for the board. */
export function useOpenReferrals() {
  return useQuery({
    queryKey: [...LIST_KEY, 'open'],
    queryFn: () => api.get<{ items: ReferralDto[] }>('/referrals', { open: 'true' }),
    select: (page) => page.items,
  });
}

/** Declined and referred-elsewhere referrals, fetched only when asked for. */
export function useClosedReferrals(enabled: boolean) {
  return useQuery({
    queryKey: [...LIST_KEY, 'closed'],
    queryFn: async () => {
      const pages = await Promise.all(
        CLOSING_STATUSES.map((status) => api.get<{ items: ReferralDto[] }>('/referrals', { status })),
      );
      return pages
        .flatMap((page) => page.items)
        .sort((a, b) => Date.parse(b.statusChangedAt) - Date.parse(a.statusChangedAt));
    },
    enabled,
  });
}

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKey(id),
    queryFn: () => api.get<ReferralDetailDto>(`/referrals/${id}`),
  });
}

export function usePatientReferrals(patientId: string, enabled = true) {
  return useQuery({
    queryKey: [...patientKey(patientId), 'referrals'],
    queryFn: () => api.get<{ items: ReferralDto[] }>(`/patients/${patientId}/referrals`),
    select: (page) => page.items,
    enabled,
  });
}

/** Keeps every view of a referral in step with the detail the server just returned. */
function remember(queryClient: QueryClient, referral: ReferralDetailDto): Promise<void> {
  queryClient.setQueryData(referralKey(referral.id), referral);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: LIST_KEY }),
    queryClient.invalidateQueries({ queryKey: [...patientKey(referral.patient.id), 'referrals'] }),
  ]).then(() => undefined);
}

export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateReferralBody) => api.post<ReferralDetailDto>('/referrals', body),
    onSuccess: async (referral) => {
      await remember(queryClient, referral);
      await queryClient.invalidateQueries({ queryKey: [...PATIENTS_KEY, 'search'] });
    },
  });
}

export function useChangeReferralStatus(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: StatusChange) => api.post<ReferralDetailDto>(`/referrals/${id}/status`, change),
    onSuccess: (referral) => remember(queryClient, referral),
  });
}

export function useAddReferralNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<ReferralDetailDto>(`/referrals/${id}/notes`, { body }),
    onSuccess: (referral) => remember(queryClient, referral),
  });
}

export function useDecideLevelOfCare(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) =>
      api.post<ReferralDetailDto>(`/referrals/${id}/level-of-care-decision`, body),
    onSuccess: (referral) => remember(queryClient, referral),
  });
}
