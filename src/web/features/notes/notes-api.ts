import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddendumBody,
  CHART_ENTRY_KINDS,
  ChartDto,
  CreateNoteBody,
  GroupNoteDto,
  MedicationDto,
  NoteDto,
  NoteQueueDto,
  SaveGroupNoteBody,
  SaveNoteBody,
  SignGroupNoteBody,
} from '../../../contracts/notes.js';
import type { RollCallDto } from '../../../contracts/attendance.js';
import { isAbsence } from '../../../domain/attendance/minutes.js';
import { api } from '../../app/api.js';
import { ATTENDANCE_KEY } from '../attendance/attendance-api.js';

export type ChartKind = (typeof CHART_ENTRY_KINDS)[number];
export type MedicationItem = z.infer<typeof MedicationDto>;

export const NOTES_KEY = ['notes'] as const;
const groupNoteKey = (sessionId: string) => [...NOTES_KEY, 'group', sessionId] as const;
const noteKey = (id: string) => [...NOTES_KEY, 'note', id] as const;
const QUEUE_KEY = [...NOTES_KEY, 'queue'] as const;
const CHART_KEY = [...NOTES_KEY, 'chart'] as const;

/** A draft changed: the queue on Today lists drafts. */
function invalidateAfterSave(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
}

/** A signature changes the queue, the chart (notes, medication list) and Today. */
function invalidateAfterSign(queryClient: QueryClient): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: QUEUE_KEY }),
    queryClient.invalidateQueries({ queryKey: CHART_KEY }),
    queryClient.invalidateQueries({ queryKey: [...NOTES_KEY, 'medications'] }),
    queryClient.invalidateQueries({ queryKey: [...ATTENDANCE_KEY, 'today'] }),
  ]).then(() => undefined);
}

export function useGroupNote(sessionId: string) {
  return useQuery({
    queryKey: groupNoteKey(sessionId),
    queryFn: () => api.get<GroupNoteDto>(`/sessions/${sessionId}/group-note`),
    enabled: !!sessionId,
  });
}

export function useSaveGroupNote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveGroupNoteBody) => api.put<GroupNoteDto>(`/sessions/${sessionId}/group-note`, body),
    onSuccess: (note) => {
      queryClient.setQueryData(groupNoteKey(sessionId), note);
      return invalidateAfterSave(queryClient);
    },
  });
}

export function useSignGroupNote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof SignGroupNoteBody>) =>
      api.post<GroupNoteDto>(`/sessions/${sessionId}/group-note/sign`, body),
    onSuccess: (note) => {
      queryClient.setQueryData(groupNoteKey(sessionId), note);
      return invalidateAfterSign(queryClient);
    },
  });
}

/** Opens an appointment's note for a patient: the existing one or a new draft. */
export function useOpenNote(sessionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof CreateNoteBody>) =>
      api.post<NoteDto>(`/sessions/${sessionId}/notes`, body),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKey(note.id), note);
      return invalidateAfterSave(queryClient);
    },
  });
}

/**
 * Opens the note of an appointment from the queue, which names the session but not the patient:
 * the patient is read from the roll call (the first member marked present).
 */
export function useOpenAppointmentNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (sessionId: string) => {
      const roll = await api.get<RollCallDto>(`/sessions/${sessionId}/roll-call`);
      const member = roll.members.find((m) => m.attendance && !isAbsence(m.attendance.status));
      const patientId = member?.patientId ?? roll.members[0]?.patientId;
      return api.post<NoteDto>(`/sessions/${sessionId}/notes`, { patientId });
    },
    onSuccess: (note) => {
      queryClient.setQueryData(noteKey(note.id), note);
      return invalidateAfterSave(queryClient);
    },
  });
}

export function useNote(id: string) {
  return useQuery({
    queryKey: noteKey(id),
    queryFn: () => api.get<NoteDto>(`/notes/${id}`),
    enabled: !!id,
  });
}

export function useSaveNote(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveNoteBody) => api.put<NoteDto>(`/notes/${id}`, body),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKey(id), note);
      return invalidateAfterSave(queryClient);
    },
  });
}

/** Signing, co-signing and addenda all answer the whole note and change what lists show. */
function useNoteAction<B>(id: string, path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<NoteDto>(`/notes/${id}/${path}`, body),
    onSuccess: (note) => {
      queryClient.setQueryData(noteKey(id), note);
      return invalidateAfterSign(queryClient);
    },
  });
}

export const useSignNote = (id: string) => useNoteAction<{ attestation: true }>(id, 'sign');
export const useCosignNote = (id: string) => useNoteAction<{ attestation: true }>(id, 'cosign');
export const useAddAddendum = (id: string) => useNoteAction<z.input<typeof AddendumBody>>(id, 'addenda');

export function useNoteQueue(enabled: boolean) {
  return useQuery({
    queryKey: QUEUE_KEY,
    queryFn: () => api.get<NoteQueueDto>('/notes/queue'),
    enabled,
  });
}

/** The chart timeline, newest first, a page at a time ("Show older" follows `nextBefore`). */
export function useChart(patientId: string, kinds: readonly ChartKind[], q: string) {
  const search = q.trim().length >= 2 ? q.trim() : undefined;
  return useInfiniteQuery({
    queryKey: [...CHART_KEY, patientId, [...kinds].sort().join(','), search ?? ''],
    queryFn: ({ pageParam }) =>
      api.get<ChartDto>(`/patients/${patientId}/chart`, {
        kinds: kinds.join(','),
        q: search,
        before: pageParam,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    enabled: kinds.length > 0,
  });
}

export function useMedications(patientId: string) {
  return useQuery({
    queryKey: [...NOTES_KEY, 'medications', patientId],
    queryFn: () => api.get<{ items: MedicationItem[] }>(`/patients/${patientId}/medications`),
  });
}
