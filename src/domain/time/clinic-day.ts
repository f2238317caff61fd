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
