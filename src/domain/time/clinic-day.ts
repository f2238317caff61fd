import { Temporal } from 'temporal-polyfill';

/** The instant a clinic-local calendar day (YYYY-MM-DD) begins in `timeZone`, correct across DST. */
export function startOfClinicDay(date: string, timeZone: string): Date {
  const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone });
  return new Date(start.epochMilliseconds);
}

/** The instant the day after `date` begins: the exclusive end of that clinic-local day. */
export function endOfClinicDay(date: string, timeZone: string): Date {
  return startOfClinicDay(Temporal.PlainDate.from(date).add({ days: 1 }).toString(), timeZone);
}

/** The instant of a clinic-local date and 'HH:MM' time; DST gaps and overlaps resolve as RFC 5545 does. */
export function clinicInstant(date: string, time: string, timeZone: string): Date {
  const zoned = Temporal.PlainDateTime.from(`${date}T${time}`).toZonedDateTime(timeZone, {
    disambiguation: 'compatible',
  });
  return new Date(zoned.epochMilliseconds);
}

/** Clinic-local date ('YYYY-MM-DD') and time ('HH:MM') of an instant. */
export function clinicDateTime(instant: Date, timeZone: string): { date: string; time: string } {
  const zoned = Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
  return { date: zoned.toPlainDate().toString(), time: zoned.toPlainTime().toString().slice(0, 5) };
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}
