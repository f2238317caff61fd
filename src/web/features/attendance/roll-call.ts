import type { RecordAttendanceBody, RollCallDto } from '../../../contracts/attendance.js';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../domain/attendance/minutes.js';
import type { Role } from '../../../domain/identity/roles.js';

export type RollCallMember = RollCallDto['members'][number];
export type AttendanceMarkInput = RecordAttendanceBody['marks'][number];

/** Who may record attendance (the server answers 403 to anyone else). */
export const ATTENDANCE_WRITE_ROLES: readonly Role[] = ['program_director', 'clinician', 'prescriber'];

/** The statuses offered on screen, in the order staff meet them (the ledger's own order). */
export const STATUS_ORDER: readonly AttendanceStatus[] = ATTENDANCE_STATUSES;

/** One member's mark as the form holds it: minutes are '' while empty. */
export interface MarkDraft {
  status: AttendanceStatus | null;
  lateMinutes: number | '';
  leftEarlyMinutes: number | '';
  telehealth: boolean;
  absenceReason: string;
}

/** Edits by patient id; members without an entry show what the server has. */
export type Edits = Readonly<Record<string, MarkDraft>>;

export type MarkField = 'status' | 'lateMinutes' | 'leftEarlyMinutes' | 'absenceReason';
export type MarkErrors = Partial<Record<MarkField, string>>;

export function isLateStatus(status: AttendanceStatus | null): boolean {
  return status === 'late' || status === 'late_and_left_early';
}

export function isLeftEarlyStatus(status: AttendanceStatus | null): boolean {
  return status === 'left_early' || status === 'late_and_left_early';
}

export function isAbsentStatus(status: AttendanceStatus | null): boolean {
  return status === 'absent_excused' || status === 'absent_unexcused';
}

/** The draft of what the server recorded (or an empty one). */
export function draftFromMember(member: RollCallMember): MarkDraft {
  const a = member.attendance;
  if (!a)
    return { status: null, lateMinutes: '', leftEarlyMinutes: '', telehealth: false, absenceReason: '' };
  return {
    status: a.status,
    lateMinutes: isLateStatus(a.status) && a.lateMinutes > 0 ? a.lateMinutes : '',
    leftEarlyMinutes: isLeftEarlyStatus(a.status) && a.leftEarlyMinutes > 0 ? a.leftEarlyMinutes : '',
    telehealth: a.telehealth,
    absenceReason: a.absenceReason ?? '',
  };
}

/** What the screen shows for a member: the edit if any, else the server's mark. */
export function currentDraft(member: RollCallMember, edits: Edits): MarkDraft {
  return edits[member.patientId] ?? draftFromMember(member);
}

/** The mark a draft sends: only the fields its status uses. Null while no status is chosen. */
export function toMark(patientId: string, draft: MarkDraft): AttendanceMarkInput | null {
  if (!draft.status) return null;
  const mark: AttendanceMarkInput = { patientId, status: draft.status, telehealth: draft.telehealth };
  if (isLateStatus(draft.status) && draft.lateMinutes !== '') mark.lateMinutes = draft.lateMinutes;
  if (isLeftEarlyStatus(draft.status) && draft.leftEarlyMinutes !== '') {
    mark.leftEarlyMinutes = draft.leftEarlyMinutes;
  }
  if (draft.status === 'absent_excused') mark.absenceReason = draft.absenceReason.trim();
  return mark;
}

function sameMark(a: AttendanceMarkInput | null, b: AttendanceMarkInput | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** True when the draft would record something other than what the server has. */
export function isChanged(member: RollCallMember, edits: Edits): boolean {
  const edit = edits[member.patientId];
  if (!edit || !edit.status) return false;
  return !sameMark(toMark(member.patientId, edit), toMark(member.patientId, draftFromMember(member)));
}

/** The PUT payload's marks: changed, unlocked members only, in roster order. */
export function buildMarks(members: readonly RollCallMember[], edits: Edits): AttendanceMarkInput[] {
  const marks: AttendanceMarkInput[] = [];
  for (const member of members) {
    if (member.attendance?.locked || !isChanged(member, edits)) continue;
    const mark = toMark(member.patientId, currentDraft(member, edits));
    if (mark) marks.push(mark);
  }
  return marks;
}

/** Minutes credited for a draft, as the server will count them; null while no status is chosen. */
export function creditedMinutes(sessionMinutes: number, draft: MarkDraft): number | null {
  if (!draft.status) return null;
  if (isAbsentStatus(draft.status)) return 0;
  const late = isLateStatus(draft.status) && draft.lateMinutes !== '' ? draft.lateMinutes : 0;
  const left = isLeftEarlyStatus(draft.status) && draft.leftEarlyMinutes !== '' ? draft.leftEarlyMinutes : 0;
  return Math.max(0, sessionMinutes - late - left);
}

/** How many members have a status on screen (saved or chosen). */
export function countMarked(members: readonly RollCallMember[], edits: Edits): number {
  return members.filter((m) => currentDraft(m, edits).status !== null).length;
}

/** Every member without a status becomes Present; chosen and saved marks stay as they are. */
export function markAllPresent(members: readonly RollCallMember[], edits: Edits): Edits {
  const next: Record<string, MarkDraft> = { ...edits };
  for (const member of members) {
    const draft = currentDraft(member, edits);
    if (draft.status === null && !member.attendance?.locked) {
      next[member.patientId] = { ...draft, status: 'present' };
    }
  }
  return next;
}

function wholeMinutes(value: number | '', sessionMinutes: number): string | null {
  if (value === '' || !Number.isInteger(value) || value < 1) return 'Enter whole minutes, at least 1.';
  if (value >= sessionMinutes) return `Must be under the session's ${sessionMinutes} minutes.`;
  return null;
}

/** Checks one draft before saving; the server checks again. */
export function validateDraft(draft: MarkDraft, sessionMinutes: number): MarkErrors {
  const errors: MarkErrors = {};
  if (!draft.status) return errors;
  if (isLateStatus(draft.status)) {
    const error = wholeMinutes(draft.lateMinutes, sessionMinutes);
    if (error) errors.lateMinutes = error;
  }
  if (isLeftEarlyStatus(draft.status)) {
    const error = wholeMinutes(draft.leftEarlyMinutes, sessionMinutes);
    if (error) errors.leftEarlyMinutes = error;
  }
  if (
    !errors.lateMinutes &&
    !errors.leftEarlyMinutes &&
    draft.status === 'late_and_left_early' &&
    Number(draft.lateMinutes) + Number(draft.leftEarlyMinutes) >= sessionMinutes
  ) {
    errors.leftEarlyMinutes = 'Together these reach the session length: mark the person absent instead.';
  }
  if (draft.status === 'absent_excused' && draft.absenceReason.trim() === '') {
    errors.absenceReason = 'Give the reason the absence is excused.';
  }
  return errors;
}

/** Errors of every changed member, by patient id (members without errors are left out). */
export function validateEdits(
  members: readonly RollCallMember[],
  edits: Edits,
  sessionMinutes: number,
): Record<string, MarkErrors> {
  const result: Record<string, MarkErrors> = {};
  for (const member of members) {
    if (member.attendance?.locked || !isChanged(member, edits)) continue;
    const errors = validateDraft(currentDraft(member, edits), sessionMinutes);
    if (Object.keys(errors).length > 0) result[member.patientId] = errors;
  }
  return result;
}

export interface MappedServerErrors {
  byPatient: Record<string, MarkErrors>;
  changeReason?: string;
  /** Messages that belong to no one field. */
  other: string[];
}

const MARK_FIELDS: readonly string[] = ['status', 'lateMinutes', 'leftEarlyMinutes', 'absenceReason'];

/** `/marks/2/lateMinutes`, `$.marks[2].lateMinutes`, `body.marks.2.lateMinutes` all become `marks.2.lateMinutes`. */
export function normalizePath(path: string): string {
  return path
    .replace(/^\$?[./]?/, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replaceAll('/', '.')
    .replace(/^body\./, '');
}

/**
 * The server's field errors put beside the member they are about: `marks.N` is the N-th mark sent,
 * so `marks` must be the payload of the request that failed.
 */
export function mapServerErrors(
  fieldErrors: readonly { path: string; message: string }[],
  marks: readonly AttendanceMarkInput[],
): MappedServerErrors {
  const result: MappedServerErrors = { byPatient: {}, other: [] };
  for (const { path, message } of fieldErrors) {
    const key = normalizePath(path);
    if (key === 'changeReason') {
      result.changeReason ??= message;
      continue;
    }
    const match = /^marks\.(\d+)(?:\.(\w+))?/.exec(key);
    const patientId = match ? marks[Number(match[1])]?.patientId : undefined;
    if (!match || !patientId) {
      result.other.push(message);
      continue;
    }
    const field: MarkField = match[2] && MARK_FIELDS.includes(match[2]) ? (match[2] as MarkField) : 'status';
    const errors = (result.byPatient[patientId] ??= {});
    errors[field] ??= message;
  }
  return result;
}

/** "09:05": the clinic-local 24-hour time of an instant. */
export function formatClock(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
