import { Temporal } from 'temporal-polyfill';
import type { Role } from '../identity/roles.js';
import { WEEKDAYS } from './recurrence.js';
import type { Weekday } from './recurrence.js';

/**
 * Booking conflicts for a group session or an appointment, checked before it is saved.
 *
 * Every rule returns plain-English messages a clinician can act on. Messages may name staff,
 * rooms, group titles and clinic-local times, but NEVER a patient: a patient is "The patient"
 * (appointments) or "A member" (groups) and is identified only by `patientId` on the Conflict
 * (minimum necessary; group members must not learn about each other from a schedule screen).
 * Existing appointments are described by kind and time, not by title, because appointment
 * titles commonly carry the patient's name; only group titles are quoted.
 *
 * Time ranges are half-open [startsAt, endsAt): a session ending at 18:00 and one starting at
 * 18:00 do not overlap, so back-to-back groups in the same room are fine.
 *
 * Credential rules are program design decisions [D], not sourced regulation (scope-of-practice
 * rules vary by state and payer):
 * - every assigned staff member needs a clinical role (clinician, prescriber, program director);
 * - a group lead must be licensed (a clinical role) and not under supervision: a supervised
 *   clinician (e.g. an associate-level counsellor) may co-facilitate but not lead;
 * - medication management is led by a prescriber;
 * - an intake assessment may also be led by an intake coordinator.
 * Staff are identified by userId, and counted once even if listed twice.
 */

export const SESSION_KINDS = [
  'group',
  'intake_assessment',
  'individual',
  'family',
  'medication_management',
] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export interface AvailabilityWindow {
  weekday: Weekday;
  /** Clinic-local 'HH:MM' (24 h). */
  start: string;
  /** Clinic-local 'HH:MM' (24 h), after `start` on the same day. */
  end: string;
}

export interface StaffProfile {
  userId: string;
  name: string;
  roles: readonly Role[];
  /** Practising under clinical supervision (not independently licensed): may co-facilitate, not lead, groups. */
  supervised: boolean;
  /** When this person can be booked, clinic-local. Empty = not restricted. */
  availability: readonly AvailabilityWindow[];
}

export interface BookingCandidate {
  /** When moving/editing an existing session: that session is excluded from `existing`. */
  id?: string;
  kind: SessionKind;
  startsAt: Date;
  endsAt: Date;
  /** The location's IANA time zone, for availability windows and messages. */
  timeZone: string;
  roomId: string | null;
  roomName?: string | null;
  roomCapacity: number | null;
  /** Group maximum size; null for appointments. */
  maxSize: number | null;
  staff: readonly { userId: string; role: 'lead' | 'co' }[];
  patientIds: readonly string[];
}

/** A non-cancelled session already on the schedule. */
export interface ExistingBooking {
  id: string;
  kind: SessionKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string | null;
  staffIds: readonly string[];
  patientIds: readonly string[];
}

export type ConflictCode =
  | 'clinician_double_booked'
  | 'room_double_booked'
  | 'room_over_capacity'
  | 'patient_double_booked'
  | 'group_full'
  | 'outside_availability'
  | 'credential'
  | 'no_provider';

export interface Conflict {
  code: ConflictCode;
  /** Plain words for the person booking; never names a patient. */
  message: string;
  sessionId?: string;
  userId?: string;
  patientId?: string;
}

/** Roles that may deliver clinical sessions. */
export const CLINICAL_ROLES: readonly Role[] = ['clinician', 'prescriber', 'program_director'];

export const SESSION_KIND_LABELS: Record<SessionKind, string> = {
  group: 'group session',
  intake_assessment: 'intake assessment',
  individual: 'individual session',
  family: 'family session',
  medication_management: 'medication management visit',
};

/** Half-open interval overlap: [a.startsAt, a.endsAt) ∩ [b.startsAt, b.endsAt) ≠ ∅. Back-to-back is not an overlap. */
export function overlaps(a: { startsAt: Date; endsAt: Date }, b: { startsAt: Date; endsAt: Date }): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;
const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

function checkInstant(value: Date, field: string): void {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new Error(`Invalid ${field}: expected a valid date-time`);
  }
}

function toZoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

function checkTimeZone(timeZone: string): void {
  try {
    Temporal.Now.zonedDateTimeISO(timeZone);
  } catch {
    throw new Error(`Invalid time zone "${timeZone}": expected an IANA zone name`);
  }
}

function parseTime(value: string, what: string): Temporal.PlainTime {
  const m = HHMM.exec(value);
  if (!m) throw new Error(`Invalid ${what} "${value}": expected HH:MM (00:00–23:59)`);
  return new Temporal.PlainTime(Number(m[1]), Number(m[2]));
}

const hhmm = (z: Temporal.ZonedDateTime): string =>
  `${String(z.hour).padStart(2, '0')}:${String(z.minute).padStart(2, '0')}`;
const dayLabel = (z: Temporal.ZonedDateTime): string =>
  `${DAY_NAMES[z.dayOfWeek - 1] ?? ''} ${z.day} ${MONTH_NAMES[z.month - 1] ?? ''}`;

/** Clinic-local "Mon 30 Nov 18:00–21:00" (or "Mon 30 Nov 23:00–Tue 1 Dec 01:00" across midnight). */
export function formatRange(startsAt: Date, endsAt: Date, timeZone: string): string {
  const s = toZoned(startsAt, timeZone);
  const e = toZoned(endsAt, timeZone);
  const sameDay = Temporal.PlainDate.compare(s.toPlainDate(), e.toPlainDate()) === 0;
  return `${dayLabel(s)} ${hhmm(s)}–${sameDay ? '' : `${dayLabel(e)} `}${hhmm(e)}`;
}

/** 'an individual session', 'a group session'. */
const withArticle = (label: string): string => `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * All conflicts for `candidate` against the rest of the schedule, in a stable order:
 * no_provider, credential, outside_availability, clinician_double_booked, room_double_booked,
 * patient_double_booked, room_over_capacity, group_full. Clashes are reported per existing
 * session in start-time order. `staff` holds the profiles of (at least) the candidate's staff.
 * An empty result means the booking can be saved.
 *
 * Throws if `endsAt` is not after `startsAt`, on invalid instants or time zone, on a
 * negative capacity or size, or on a malformed availability window.
 */
export function findConflicts(
  candidate: BookingCandidate,
  existing: readonly ExistingBooking[],
  staff: ReadonlyMap<string, StaffProfile>,
): Conflict[] {
  checkInstant(candidate.startsAt, 'startsAt');
  checkInstant(candidate.endsAt, 'endsAt');
  if (candidate.endsAt.getTime() <= candidate.startsAt.getTime()) {
    throw new Error(
      `Session end ${candidate.endsAt.toISOString()} must be after its start ${candidate.startsAt.toISOString()}`,
    );
  }
  checkTimeZone(candidate.timeZone);
  for (const [field, value] of [
    ['roomCapacity', candidate.roomCapacity],
    ['maxSize', candidate.maxSize],
  ] as const) {
    if (value !== null && (!Number.isInteger(value) || value < 0)) {
      throw new Error(`Invalid ${field} ${String(value)}: expected a non-negative whole number or null`);
    }
  }

  const tz = candidate.timeZone;
  const kindLabel = SESSION_KIND_LABELS[candidate.kind];
  const nameOf = (userId: string): string => staff.get(userId)?.name ?? `Staff member ${userId}`;
  const patientWord = candidate.kind === 'group' ? 'A member' : 'The patient';

  // One entry per person; a person listed as both lead and co counts as lead.
  const assigned = new Map<string, 'lead' | 'co'>();
  for (const s of candidate.staff) {
    if (assigned.get(s.userId) !== 'lead') assigned.set(s.userId, s.role);
  }
  const patients = [...new Set(candidate.patientIds)];

  const conflicts: Conflict[] = [];

  // no_provider
  if (assigned.size === 0) {
    conflicts.push({
      code: 'no_provider',
      message: `No staff are assigned to this ${kindLabel}; add a lead.`,
    });
  } else if (![...assigned.values()].includes('lead')) {
    conflicts.push({
      code: 'no_provider',
      message: `This ${kindLabel} has no lead; mark one of the assigned staff as lead.`,
    });
  }

  // credential
  for (const [userId, role] of assigned) {
    const message = credentialProblem(candidate.kind, role, staff.get(userId), userId);
    if (message !== null) conflicts.push({ code: 'credential', message, userId });
  }

  // outside_availability
  const start = toZoned(candidate.startsAt, tz);
  const end = toZoned(candidate.endsAt, tz);
  const crossesMidnight = Temporal.PlainDate.compare(start.toPlainDate(), end.toPlainDate()) !== 0;
  const weekday = WEEKDAYS[start.dayOfWeek - 1] as Weekday;
  const when = formatRange(candidate.startsAt, candidate.endsAt, tz);
  for (const userId of assigned.keys()) {
    const profile = staff.get(userId);
    if (!profile || profile.availability.length === 0) continue;
    const windows = profile.availability.map((w) => {
      const ws = parseTime(w.start, `availability start for ${profile.name}`);
      const we = parseTime(w.end, `availability end for ${profile.name}`);
      if (Temporal.PlainTime.compare(we, ws) <= 0) {
        throw new Error(
          `Availability window for ${profile.name} ends (${w.end}) before it starts (${w.start})`,
        );
      }
      return { weekday: w.weekday, start: ws, end: we, label: `${w.start}–${w.end}` };
    });
    const today = windows.filter((w) => w.weekday === weekday);
    const fits =
      !crossesMidnight &&
      today.some(
        (w) =>
          Temporal.PlainTime.compare(w.start, start.toPlainTime()) <= 0 &&
          Temporal.PlainTime.compare(end.toPlainTime(), w.end) <= 0,
      );
    if (fits) continue;
    const hours =
      today.length === 0
        ? `is not available on ${WEEKDAY_NAMES[weekday]}s`
        : `is available on ${WEEKDAY_NAMES[weekday]}s only ${today.map((w) => w.label).join(', ')}`;
    conflicts.push({
      code: 'outside_availability',
      message: `${profile.name} ${hours}; this ${kindLabel} is ${when}.`,
      userId,
    });
  }

  // Clashes with the rest of the schedule, in start-time order.
  const others = existing
    .filter((b) => b.id !== candidate.id && overlaps(candidate, b))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const describe = (b: ExistingBooking): string =>
    `${b.kind === 'group' ? `the group "${b.title}"` : withArticle(SESSION_KIND_LABELS[b.kind])} (${formatRange(b.startsAt, b.endsAt, tz)})`;

  for (const b of others) {
    for (const userId of assigned.keys()) {
      if (b.staffIds.includes(userId)) {
        conflicts.push({
          code: 'clinician_double_booked',
          message: `${nameOf(userId)} is already booked for ${describe(b)}.`,
          userId,
          sessionId: b.id,
        });
      }
    }
  }
  if (candidate.roomId !== null) {
    const room = candidate.roomName ?? 'This room';
    for (const b of others) {
      if (b.roomId === candidate.roomId) {
        conflicts.push({
          code: 'room_double_booked',
          message: `${room} is already in use for ${describe(b)}.`,
          sessionId: b.id,
        });
      }
    }
  }
  for (const b of others) {
    for (const patientId of patients) {
      if (b.patientIds.includes(patientId)) {
        conflicts.push({
          code: 'patient_double_booked',
          message: `${patientWord} is already booked for ${describe(b)}.`,
          patientId,
          sessionId: b.id,
        });
      }
    }
  }

  // Sizes.
  const people = patients.length + assigned.size;
  if (candidate.roomCapacity !== null && people > candidate.roomCapacity) {
    const room = candidate.roomName ?? 'The room';
    const who =
      candidate.kind === 'group' ? plural(patients.length, 'member') : plural(patients.length, 'patient');
    conflicts.push({
      code: 'room_over_capacity',
      message: `${room} holds ${candidate.roomCapacity} ${candidate.roomCapacity === 1 ? 'person' : 'people'}; this ${kindLabel} would have ${people} (${who} and ${assigned.size} staff).`,
    });
  }
  if (candidate.maxSize !== null && patients.length > candidate.maxSize) {
    conflicts.push({
      code: 'group_full',
      message: `The group is full: ${plural(patients.length, 'member')} booked for ${plural(candidate.maxSize, 'place')} (${patients.length - candidate.maxSize} over).`,
    });
  }

  return conflicts;
}

/** Why `profile` may not take `role` on a session of `kind`, or null if they may. */
function credentialProblem(
  kind: SessionKind,
  role: 'lead' | 'co',
  profile: StaffProfile | undefined,
  userId: string,
): string | null {
  if (!profile) {
    return `Staff member ${userId} was not found (or is no longer active) and cannot be booked.`;
  }
  const name = profile.name;
  const clinical = profile.roles.some((r) => CLINICAL_ROLES.includes(r));
  const label = SESSION_KIND_LABELS[kind];

  if (role === 'lead') {
    if (kind === 'medication_management' && !profile.roles.includes('prescriber')) {
      return `${name} is not a prescriber; ${withArticle(label)} must be led by a prescriber.`;
    }
    if (kind === 'intake_assessment' && (clinical || profile.roles.includes('intake'))) return null;
    if (!clinical) {
      return `${name} does not hold a clinical role (clinician, prescriber or program director) and cannot lead ${withArticle(label)}.`;
    }
    if (kind === 'group' && profile.supervised) {
      return `${name} practises under supervision and may co-facilitate but not lead a group; assign a licensed lead.`;
    }
    return null;
  }
  if (!clinical) {
    return `${name} does not hold a clinical role (clinician, prescriber or program director) and cannot staff ${withArticle(label)}.`;
  }
  return null;
}
