import type { Role } from '../../../domain/identity/roles.js';
import { addDays, weekStart } from './dates.js';
import type { CalendarScope } from './scheduling-api.js';

export type CalendarView = 'week' | 'day';

/** The scopes a person can pick on the Schedule page (patients have their own record). */
export const SCOPE_OPTIONS: { value: Exclude<CalendarScope, 'patient'>; label: string }[] = [
  { value: 'clinician', label: 'Clinician' },
  { value: 'room', label: 'Room' },
  { value: 'program', label: 'Program' },
  { value: 'track', label: 'Track' },
];

export function isPickableScope(value: string | null): value is Exclude<CalendarScope, 'patient'> {
  return SCOPE_OPTIONS.some((o) => o.value === value);
}

/** The first and last dates the view shows around `date`. */
export function visibleRange(view: CalendarView, date: string): { from: string; to: string } {
  if (view === 'day') return { from: date, to: date };
  const from = weekStart(date);
  return { from, to: addDays(from, 6) };
}

/** The date one step back (-1) or forward (1) in the view. */
export function step(view: CalendarView, date: string, direction: -1 | 1): string {
  return addDays(date, direction * (view === 'day' ? 1 : 7));
}

const OWN_CALENDAR_ROLES: readonly Role[] = ['clinician', 'program_director', 'prescriber'];

/** Clinicians, directors and prescribers first see their own calendar; others the first program. */
export function defaultScope(roles: readonly Role[]): 'clinician' | 'program' {
  return roles.some((r) => OWN_CALENDAR_ROLES.includes(r)) ? 'clinician' : 'program';
}
