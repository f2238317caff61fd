import { useSignedInMe } from '../../app/auth.js';
import { todayIn } from './dates.js';

/** Today in the organization's home time zone, as YYYY-MM-DD. */
export function useClinicToday(): string {
  const me = useSignedInMe();
  return todayIn(me.organization.timeZone);
}
