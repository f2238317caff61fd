import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { SelfCheckCallbackBody, SelfCheckInfoDto } from '../../../contracts/intake.js';
import { api } from '../../app/api.js';

/** POST /self-check/callback. Nothing from the questionnaire is part of it. */
export type CallbackRequest = z.input<typeof SelfCheckCallbackBody>;

/** GET /self-check: the clinic that takes call-back requests (404 when there is none). */
export function useSelfCheckInfo() {
  return useQuery({
    queryKey: ['self-check'],
    queryFn: () => api.get<z.infer<typeof SelfCheckInfoDto>>('/self-check'),
    staleTime: Infinity,
  });
}

export function useRequestCallback() {
  return useMutation({
    mutationFn: (body: CallbackRequest) => api.post<{ ok: true }>('/self-check/callback', body),
  });
}
