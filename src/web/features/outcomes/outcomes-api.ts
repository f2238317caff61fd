import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateKioskBody,
  KioskDto,
  KioskHandoffDto,
  KioskSubmitBody,
  KioskSubmitDto,
  MeasurementSettingsDto,
  PatientOutcomesDto,
  ProgramOutcomesDto,
  ProgramOutcomesQuery,
} from '../../../contracts/outcomes.js';
import { api } from '../../app/api.js';
import { patientKey } from '../patients/patients-api.js';

export type OutcomesInstrument = z.infer<typeof ProgramOutcomesQuery>['instrument'];
export type KioskHandoff = z.infer<typeof KioskHandoffDto>;
export type Kiosk = z.infer<typeof KioskDto>;
export type KioskSubmission = z.infer<typeof KioskSubmitBody>;
export type KioskSubmitted = z.infer<typeof KioskSubmitDto>;

export const OUTCOMES_KEY = ['outcomes'] as const;
const programOutcomesKey = (programId: string) => [...OUTCOMES_KEY, 'program', programId] as const;
const measurementKey = (programId: string) => [...OUTCOMES_KEY, 'measurement', programId] as const;
const kioskKey = (code: string) => ['kiosk', code] as const;

/** GET /patients/:id/outcomes: trajectories in the current episode and the measures due. */
export function usePatientOutcomes(patientId: string) {
  return useQuery({
    // Under the patient's key, so whatever refreshes the patient refreshes this too.
    queryKey: [...patientKey(patientId), 'outcomes'],
    queryFn: () => api.get<PatientOutcomesDto>(`/patients/${patientId}/outcomes`),
    // Scores are often entered on another page just before coming back: always refetch on return.
    staleTime: 0,
  });
}

/** GET /programs/:id/outcomes?instrument=…: program-level measurement-based-care figures. */
export function useProgramOutcomes(programId: string, instrument: OutcomesInstrument, enabled = true) {
  return useQuery({
    queryKey: [...programOutcomesKey(programId), instrument],
    queryFn: () => api.get<ProgramOutcomesDto>(`/programs/${programId}/outcomes`, { instrument }),
    enabled: enabled && !!programId,
  });
}

export function useMeasurementSettings(programId: string) {
  return useQuery({
    queryKey: measurementKey(programId),
    queryFn: () => api.get<MeasurementSettingsDto>(`/programs/${programId}/measurement`),
    enabled: !!programId,
  });
}

export function useUpdateMeasurementSettings(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MeasurementSettingsDto) =>
      api.put<MeasurementSettingsDto>(`/programs/${programId}/measurement`, body),
    onSuccess: (saved) => {
      queryClient.setQueryData(measurementKey(programId), saved);
      // What is due, and so the program's figures, can change with the schedule.
      return queryClient.invalidateQueries({ queryKey: programOutcomesKey(programId) });
    },
  });
}

/** POST /patients/:id/kiosk: a one-time code for the patient to answer on a tablet. */
export function useCreateKiosk(patientId: string) {
  return useMutation({
    mutationFn: (body: z.infer<typeof CreateKioskBody>) =>
      api.post<KioskHandoff>(`/patients/${patientId}/kiosk`, body),
  });
}

/** GET /kiosk/:code (public): the greeting and the instruments still to answer. */
export function useKiosk(code: string) {
  return useQuery({
    queryKey: kioskKey(code),
    queryFn: () => api.get<Kiosk>(`/kiosk/${encodeURIComponent(code)}`),
    enabled: code !== '',
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** POST /kiosk/:code/administrations (public): one instrument's answers. */
export function useSubmitKiosk(code: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: KioskSubmission) =>
      api.post<KioskSubmitted>(`/kiosk/${encodeURIComponent(code)}/administrations`, body),
    onSuccess: ({ remaining }, { instrument }) =>
      queryClient.setQueryData<Kiosk>(kioskKey(code), (kiosk) =>
        kiosk ? { ...kiosk, remaining, completed: [...kiosk.completed, instrument] } : kiosk,
      ),
  });
}
