import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type {
  EngagementDto,
  RecordAttendanceBody,
  RollCallDto,
  TodayDto,
  WeeklyHoursDto,
} from '../../../contracts/attendance.js';
import { api } from '../../app/api.js';
import { TASKS_KEY } from '../safety/safety-api.js';
import { invalidateSchedules } from '../scheduling/scheduling-api.js';

export const ATTENDANCE_KEY = ['attendance'] as const;
const rollCallKey = (sessionId: string) => [...ATTENDANCE_KEY, 'roll-call', sessionId] as const;

/** Attendance changes roll calls, hours and caseloads, shows on calendars, and opens outreach tasks. */
function invalidateAfterAttendance(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ATTENDANCE_KEY }),
    invalidateSchedules(queryClient),
    // Unexcused absences open outreach tasks.
    queryClient.invalidateQueries({ queryKey: TASKS_KEY }),
  ]).then(() => undefined);
}

/** The Today page's one read: today's sessions with their rosters, and the caseload. */
export function useToday(enabled: boolean) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'today'],
    queryFn: () => api.get<TodayDto>('/today'),
    enabled,
  });
}

export function useEngagement(patientId: string) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'engagement', patientId],
    queryFn: () => api.get<EngagementDto>(`/patients/${patientId}/engagement`),
  });
}

export function useWeeklyHours(patientId: string) {
  return useQuery({
    queryKey: [...ATTENDANCE_KEY, 'hours', patientId],
    queryFn: () => api.get<WeeklyHoursDto>(`/patients/${patientId}/hours`),
    retry: false,
  });
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
      return invalidateAfterAttendance(queryClient);
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
      return invalidateAfterAttendance(queryClient);
    },
  });
}
