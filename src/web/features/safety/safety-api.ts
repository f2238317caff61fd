import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcknowledgeAlertBody,
  CrisisStepsDto,
  SafetyAlertDto,
  TaskAttemptBody,
  TaskDto,
} from '../../../contracts/safety.js';
import { api } from '../../app/api.js';
import { PATIENTS_KEY, patientKey } from '../patients/patients-api.js';

export type AcknowledgeBody = z.infer<typeof AcknowledgeAlertBody>;
export type CrisisSteps = z.infer<typeof CrisisStepsDto>;
export type Task = z.infer<typeof TaskDto>;

export const SAFETY_ALERTS_KEY = ['safety-alerts'] as const;
export const TASKS_KEY = ['tasks'] as const;

export function useOpenSafetyAlerts() {
  return useQuery({
    queryKey: [...SAFETY_ALERTS_KEY, 'open'],
    queryFn: () => api.get<{ items: SafetyAlertDto[] }>('/safety-alerts', { status: 'open' }),
    select: (page) => page.items,
    // Alerts are time-critical: keep the list fresh while it is on screen.
    refetchInterval: 60_000,
  });
}

/** A patient's open alerts, for the top of the chart. */
export function usePatientSafetyAlerts(patientId: string, enabled = true) {
  return useQuery({
    queryKey: [...patientKey(patientId), 'safety-alerts'],
    queryFn: () => api.get<{ items: SafetyAlertDto[] }>('/safety-alerts', { patientId, status: 'open' }),
    select: (page) => page.items,
    enabled,
  });
}

export function useAcknowledgeAlert() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AcknowledgeBody }) =>
      api.post<SafetyAlertDto>(`/safety-alerts/${id}/acknowledge`, body),
    onSuccess: (alert) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: SAFETY_ALERTS_KEY }),
        queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
        queryClient.invalidateQueries({ queryKey: [...patientKey(alert.patientId), 'safety-alerts'] }),
      ]),
  });
}

/** Open tasks for me or my role. */
/** Records a call attempt on an outreach task. */
export function useRecordAttempt(taskId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof TaskAttemptBody>) => api.post(`/tasks/${taskId}/attempts`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
  });
}

export function useTasks() {
  return useQuery({
    queryKey: TASKS_KEY,
    queryFn: () => api.get<{ items: Task[] }>('/tasks'),
    select: (page) => page.items,
  });
}

/** After a new screening, everything that may have changed about safety. */
export function invalidateSafety(queryClient: ReturnType<typeof useQueryClient>, patientId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: SAFETY_ALERTS_KEY }),
    queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
    queryClient.invalidateQueries({ queryKey: [...PATIENTS_KEY, 'detail', patientId, 'safety-alerts'] }),
  ]);
}
