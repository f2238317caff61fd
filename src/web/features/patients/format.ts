import type { PatientSummary } from '../../../contracts/patients.js';

type Named = Pick<PatientSummary, 'givenName' | 'familyName'>;

/** "Given Family", the way lists and headings name a patient. */
export function patientName(patient: Named): string {
  return `${patient.givenName} ${patient.familyName}`;
}

/** A date-only value (YYYY-MM-DD) as "Apr 12, 1990"; it has no time zone, so none is applied. */
export function formatDate(isoDate: string): string {
  return new Intl.DateTimeFormat(undefined, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** A moment as "Apr 12, 2026, 3:04 PM" in the browser's zone. */
export function formatWhen(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Whole years between a date of birth and `now`. */
export function ageInYears(dateOfBirth: string, now = new Date()): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  let age = now.getUTCFullYear() - year;
  const beforeBirthday =
    now.getUTCMonth() + 1 < month || (now.getUTCMonth() + 1 === month && now.getUTCDate() < day);
  if (beforeBirthday) age -= 1;
  return age;
}

/** "Apr 12, 1990 (35 years)", or "Not recorded". */
export function formatDateOfBirth(dateOfBirth: string | null, now = new Date()): string {
  if (!dateOfBirth) return 'Not recorded';
  return `${formatDate(dateOfBirth)} (${ageInYears(dateOfBirth, now)} years)`;
}

/** How long ago, in words: "just now", "5 minutes", "3 hours", "2 days". */
export function elapsed(sinceIso: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(sinceIso)) / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return plural(hours, 'hour');
  return plural(Math.floor(hours / 24), 'day');
}

export function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
