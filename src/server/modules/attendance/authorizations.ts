import type { Db } from '../../platform/db/tx.js';

/** A payer authorization as weekly hours read it. */
export interface WeekAuthorization {
  /** How staff name it, e.g. "Aetna IOP auth A12345"; never PHI beyond the payer's reference. */
  label: string;
  /** Clinic-local dates the authorization covers. */
  from: string;
  to: string;
  /** Authorized hours in one week, when the authorization is counted in hours. */
  hoursPerWeek: number | null;
}

/**
 * Where weekly hours read the patient's authorization covering a week. The insurance module
 * supplies the real reader; until it exists no patient has one.
 */
export type AuthorizationReader = (
  db: Db,
  organizationId: string,
  patientId: string,
  week: { monday: string; sunday: string },
) => Promise<WeekAuthorization | null>;

export const noAuthorizations: AuthorizationReader = () => Promise.resolve(null);
