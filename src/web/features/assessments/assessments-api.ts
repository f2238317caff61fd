import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AdministrationDto,
  CreateAdministrationBody,
  InstrumentDefinitionDto,
} from '../../../contracts/assessments.js';
import type { CrisisStepsDto, SafetyAlertDto } from '../../../contracts/safety.js';
import { api } from '../../app/api.js';
import { referralKey } from '../intake/intake-api.js';
import { patientKey } from '../patients/patients-api.js';
import { invalidateSafety } from '../safety/safety-api.js';

export type InstrumentDefinition = z.infer<typeof InstrumentDefinitionDto>;
export type AdministrationBody = z.infer<typeof CreateAdministrationBody>;
export interface AdministrationCreated {
  administration: AdministrationDto;
  alert: SafetyAlertDto | null;
  crisisSteps: z.infer<typeof CrisisStepsDto> | null;
}

export function useInstruments() {
  return useQuery({
    queryKey: ['instruments'],
    queryFn: () => api.get<{ items: InstrumentDefinition[] }>('/instruments'),
    select: (page) => page.items,
    staleTime: Infinity,
  });
}

/** A patient's completed instruments, newest first. */
export function useAdministrations(patientId: string, enabled = true) {
  return useQuery({
    queryKey: [...patientKey(patientId), 'administrations'],
    queryFn: () => api.get<{ items: AdministrationDto[] }>(`/patients/${patientId}/administrations`),
    select: (page) => page.items,
    enabled,
  });
}

export function useCreateAdministration(patientId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdministrationBody) =>
      api.post<AdministrationCreated>(`/patients/${patientId}/administrations`, body),
    onSuccess: ({ administration }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: [...patientKey(patientId), 'administrations'] }),
        administration.referralId
          ? queryClient.invalidateQueries({ queryKey: referralKey(administration.referralId) })
          : undefined,
        invalidateSafety(queryClient, patientId),
      ]),
  });
}
