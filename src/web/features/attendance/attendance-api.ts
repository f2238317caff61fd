import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { RecordAttendanceBody, RollCallDto } from '../../../contracts/attendance.js';
import { api } from '../../app/api.js';
import { TASKS_KEY } from '../safety/safety-api.js';
import { invalidateSchedules } from '../scheduling/scheduling-api.js';

export const ATTENDANCE_KEY = ['attendance'] as const;
const rollCallKey = (sessionId: string) => [...ATTENDANCE_KEY, 'roll-call', sessionId] as const;

/** Attendance shows on calendars, session details and patient weeks, and opens outreach tasks. */
function invalidateAfterAttendance(queryClient: QueryClient, sessionId: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: rollCallKey(sessionId) }),
    invalidateSchedules(queryClient),
    // Unexcused absences open outreach tasks.
    queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
  ]).then(() => undefined);
}

export function useRollCall(sessionId: string) {
  return useQuery({
    queryKey: rollCallKey(sessionId),
    queryFn: () => api.get<RollCallDto>(`/sessions/${sessionId}/roll-call`),
    enabled: !!sessionId,
  });
}

export function useRecordAttendance(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RecordAttendanceBody) =>
      api.put<RollCallDto>(`/sessions/${sessionId}/attendance`, body),
    onSuccess: (rollCall) => {
      queryClient.setQueryData(rollCallKey(sessionId), rollCall);
      return invalidateAfterAttendance(queryClient, sessionId);
    },
  });
}

export function useCheckIn(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patientId: string) =>
      api.post<RollCallDto>(`/sessions/${sessionId}/check-in`, { patientId }),
    onSuccess: (rollCall) => {
      queryClient.setQueryData(rollCallKey(sessionId), rollCall);
      return invalidateAfterAttendance(queryClient, sessionId);
    },
  });
}
