import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { LocationDto, RoomDto } from '../../../contracts/organizations.js';
import type {
  AdmissionPreviewDto,
  AdmitBody,
  CALENDAR_SCOPES,
  CalendarDto,
  CalendarFeedDto,
  ClosureDto,
  CurriculumProgressDto,
  CreateAppointmentBody,
  CreateGroupBlockBody,
  CreateGroupSessionBody,
  CreateModuleBody,
  CreateProgramBody,
  EpisodeDto,
  GenerateSessionsResult,
  PatientWeekDto,
  ProgramDto,
  SessionDto,
  StaffDto,
  TrackDto,
  UpdateProgramBody,
  UpdateStaffSchedulingBody,
} from '../../../contracts/scheduling.js';
import { api } from '../../app/api.js';
import { REFERRALS_KEY } from '../intake/intake-api.js';
import { patientKey } from '../patients/patients-api.js';

export type CalendarScope = (typeof CALENDAR_SCOPES)[number];
export type Track = z.infer<typeof TrackDto>;
export type Calendar = z.infer<typeof CalendarDto>;
export type Closure = z.infer<typeof ClosureDto>;
export type PatientWeek = z.infer<typeof PatientWeekDto>;
export type AdmissionPreview = z.infer<typeof AdmissionPreviewDto>;
export type CalendarFeed = z.infer<typeof CalendarFeedDto>;
export type ProgramInput = z.input<typeof CreateProgramBody>;
export type ProgramPatch = z.input<typeof UpdateProgramBody>;
export type GroupBlockInput = z.input<typeof CreateGroupBlockBody>;
export type ModuleInput = z.input<typeof CreateModuleBody>;
export type GroupSessionInput = z.input<typeof CreateGroupSessionBody>;
export type AppointmentInput = z.input<typeof CreateAppointmentBody>;
export type AdmitInput = z.input<typeof AdmitBody>;
export interface MoveInput {
  date: string;
  start: string;
  end: string;
  roomId?: string | null;
  reason: string;
  intensityOverrideReason?: string;
}

type Items<T> = { items: T[] };
const items = <T>(page: Items<T>) => page.items;

export const SCHEDULING_KEY = ['scheduling'] as const;
const PROGRAMS_KEY = [...SCHEDULING_KEY, 'programs'] as const;
const CALENDAR_KEY = [...SCHEDULING_KEY, 'calendar'] as const;
const SESSION_KEY = [...SCHEDULING_KEY, 'session'] as const;
const WEEK_KEY = [...SCHEDULING_KEY, 'patient-week'] as const;
const EPISODES_KEY = [...SCHEDULING_KEY, 'episodes'] as const;
const CLOSURES_KEY = [...SCHEDULING_KEY, 'closures'] as const;
const FEED_KEY = [...SCHEDULING_KEY, 'calendar-feed'] as const;

/** Anything that changes sessions changes calendars, patient weeks and session details. */
export function invalidateSchedules(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: CALENDAR_KEY }),
    queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
    queryClient.invalidateQueries({ queryKey: WEEK_KEY }),
  ]).then(() => undefined);
}

// ---- Reference data ----

export function useStaff() {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'staff'],
    queryFn: () => api.get<Items<StaffDto>>('/staff'),
    select: items,
    staleTime: 60_000,
  });
}

export function useLocations() {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'locations'],
    queryFn: () => api.get<Items<LocationDto>>('/locations'),
    select: items,
    staleTime: 60_000,
  });
}

export function useRooms(locationId: string | null | undefined) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'rooms', locationId],
    queryFn: () => api.get<Items<RoomDto>>(`/locations/${locationId ?? ''}/rooms`),
    select: items,
    enabled: !!locationId,
    staleTime: 60_000,
  });
}

export type StaffSchedulingInput = z.input<typeof UpdateStaffSchedulingBody>;

/** A clinician's credentials, supervisor and weekly availability. */
export function useUpdateStaffScheduling(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffSchedulingInput) => api.put<StaffDto>(`/staff/${userId}/scheduling`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...SCHEDULING_KEY, 'staff'] }),
  });
}

// ---- Programs, tracks, blocks, curriculum ----

export function usePrograms() {
  return useQuery({
    queryKey: PROGRAMS_KEY,
    queryFn: () => api.get<Items<ProgramDto>>('/programs'),
    select: items,
  });
}

function useProgramMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY }),
  });
}

export function useCreateProgram() {
  return useProgramMutation((body: ProgramInput) => api.post<ProgramDto>('/programs', body));
}

export function useUpdateProgram(id: string) {
  return useProgramMutation((body: ProgramPatch) => api.patch<ProgramDto>(`/programs/${id}`, body));
}

export function useCreateTrack(programId: string) {
  return useProgramMutation((name: string) => api.post<Track>(`/programs/${programId}/tracks`, { name }));
}

/** Blocks change sessions too: calendars and patient weeks refresh with the programs. */
function useBlockMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY }),
        invalidateSchedules(queryClient),
      ]),
  });
}

export function useCreateBlock(trackId: string) {
  return useBlockMutation((body: GroupBlockInput) => api.post<Track>(`/tracks/${trackId}/blocks`, body));
}

export function useEndBlock() {
  return useBlockMutation((v: { blockId: string; lastDate: string; reason: string }) =>
    api.post<Track>(`/group-blocks/${v.blockId}/end`, { lastDate: v.lastDate, reason: v.reason }),
  );
}

export function useAddModule(trackId: string) {
  return useProgramMutation((body: ModuleInput) => api.post<Track>(`/tracks/${trackId}/curriculum`, body));
}

export function useReorderModules(trackId: string) {
  return useProgramMutation((moduleIds: string[]) =>
    api.put<Track>(`/tracks/${trackId}/curriculum/order`, { moduleIds }),
  );
}

export function useGenerateSessions(trackId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (through: string) =>
      api.post<z.infer<typeof GenerateSessionsResult>>(`/tracks/${trackId}/generate`, { through }),
    onSuccess: () => invalidateSchedules(queryClient),
  });
}

// ---- Calendars and sessions ----

export interface CalendarRequest {
  scope: CalendarScope;
  id: string;
  from: string;
  to: string;
}

export function useCalendar(request: CalendarRequest | null) {
  return useQuery({
    queryKey: [...CALENDAR_KEY, request],
    queryFn: () =>
      api.get<Calendar>('/calendar', {
        scope: request?.scope,
        id: request?.id,
        from: request?.from,
        to: request?.to,
        includeCancelled: 'true',
      }),
    enabled: request !== null && !!request.id,
    placeholderData: (previous) => previous,
  });
}

export function useSession(id: string | null) {
  return useQuery({
    queryKey: [...SESSION_KEY, id],
    queryFn: () => api.get<SessionDto>(`/sessions/${id ?? ''}`),
    enabled: !!id,
  });
}

function useScheduleMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => invalidateSchedules(queryClient) });
}

export function useCreateGroupSession() {
  return useScheduleMutation((body: GroupSessionInput) => api.post<SessionDto>('/sessions', body));
}

export function useMoveSession(id: string) {
  return useScheduleMutation((body: MoveInput) => api.post<SessionDto>(`/sessions/${id}/move`, body));
}

export function useCancelSession(id: string) {
  return useScheduleMutation((reason: string) => api.post<SessionDto>(`/sessions/${id}/cancel`, { reason }));
}

export function useBookAppointment() {
  return useScheduleMutation((body: AppointmentInput) => api.post<Items<SessionDto>>('/appointments', body));
}

// ---- Closures ----

export function useClosures() {
  return useQuery({
    queryKey: CLOSURES_KEY,
    queryFn: () => api.get<Items<Closure>>('/closures'),
    select: items,
  });
}

export function useCreateClosure() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { locationId: string; date: string; reason: string }) =>
      api.post<Closure>('/closures', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: CLOSURES_KEY }),
        invalidateSchedules(queryClient),
      ]),
  });
}

// ---- Admission and episodes ----

export function useAdmissionPreview() {
  return useMutation({
    mutationFn: (body: AdmitInput) => api.post<AdmissionPreview>('/admissions/preview', body),
  });
}

export function useAdmit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdmitInput) => api.post<EpisodeDto>('/admissions', body),
    onSuccess: async (episode) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: EPISODES_KEY }),
        queryClient.invalidateQueries({ queryKey: PROGRAMS_KEY }),
        queryClient.invalidateQueries({ queryKey: REFERRALS_KEY }),
        queryClient.invalidateQueries({ queryKey: patientKey(episode.patient.id) }),
        invalidateSchedules(queryClient),
      ]);
    },
  });
}

export function useEpisodes(filter: {
  trackId?: string;
  programId?: string;
  status?: 'active' | 'discharged';
}) {
  return useQuery({
    queryKey: [...EPISODES_KEY, filter],
    queryFn: () => api.get<Items<EpisodeDto>>('/episodes', filter),
    select: items,
  });
}

export function usePatientWeek(patientId: string, week: string | undefined) {
  return useQuery({
    queryKey: [...WEEK_KEY, patientId, week],
    queryFn: () => api.get<PatientWeek>(`/patients/${patientId}/week`, { week }),
    placeholderData: (previous) => previous,
  });
}

export type CurriculumProgress = z.infer<typeof CurriculumProgressDto>;

/** Which curriculum modules the member has completed, and when the missed ones come round. */
export function useCurriculumProgress(episodeId: string) {
  return useQuery({
    queryKey: [...SCHEDULING_KEY, 'curriculum', episodeId],
    queryFn: () => api.get<CurriculumProgress>(`/episodes/${episodeId}/curriculum`),
  });
}

// ---- Calendar feed ----

export function useCalendarFeed() {
  return useQuery({ queryKey: FEED_KEY, queryFn: () => api.get<CalendarFeed>('/calendar-feed') });
}

export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<CalendarFeed>('/calendar-feed'),
    // Keep the URL out of the cache: it is shown once, from the mutation's own result.
    onSuccess: (feed) => queryClient.setQueryData(FEED_KEY, { ...feed, url: null }),
  });
}

export function useDeleteCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<CalendarFeed>('/calendar-feed'),
    onSuccess: (feed) => queryClient.setQueryData(FEED_KEY, feed),
  });
}
