/**
 * Plausibility checks for vitals recorded on a medication-management note.
 *
 * The ranges are our design [D]: they catch typing slips (a swapped systolic/diastolic, a weight
 * in pounds typed as 1800) and are deliberately wide. They are NOT clinical thresholds: an
 * implausible value is refused for re-entry, while a plausible but abnormal one (BP 190/110) is
 * accepted and is the clinician's to act on.
 */

export interface Vitals {
  systolic?: number | null;
  diastolic?: number | null;
  heartRate?: number | null;
  weightKg?: number | null;
  heightCm?: number | null;
}

type VitalField = keyof Vitals;

/** [D] Plausible ranges (inclusive), their unit, and whether values are whole numbers. */
export const VITAL_RANGES: Readonly<
  Record<VitalField, Readonly<{ label: string; min: number; max: number; unit: string; integer: boolean }>>
> = Object.freeze({
  systolic: Object.freeze({ label: 'Systolic pressure', min: 50, max: 260, unit: 'mmHg', integer: true }),
  diastolic: Object.freeze({ label: 'Diastolic pressure', min: 30, max: 160, unit: 'mmHg', integer: true }),
  heartRate: Object.freeze({
    label: 'Heart rate',
    min: 20,
    max: 250,
    unit: 'beats per minute',
    integer: true,
  }),
  weightKg: Object.freeze({ label: 'Weight', min: 1, max: 400, unit: 'kg', integer: false }),
  heightCm: Object.freeze({ label: 'Height', min: 30, max: 250, unit: 'cm', integer: false }),
});

const FIELDS = Object.keys(VITAL_RANGES) as VitalField[];

/**
 * Field-keyed messages for implausible values (systolic 50–260, diastolic 30–160 and below
 * systolic, heart rate 20–250, weight 1–400 kg, height 30–250 cm; integers for BP and HR; both BP
 * values or neither). Empty when valid or all absent (null and undefined both mean absent).
 * [D] plausibility ranges, not clinical thresholds.
 * Throws when `v` is not an object or a field holds something other than a number or null.
 */
export function checkVitals(v: Vitals): Record<string, string> {
  const raw: unknown = v;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error('Invalid vitals: expected an object.');
  }
  const errors: Record<string, string> = {};
  const given = (f: VitalField): number | undefined => {
    const value: unknown = v[f];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number') throw new Error(`Invalid vitals: ${f} must be a number or null.`);
    return value;
  };

  for (const f of FIELDS) {
    const value = given(f);
    if (value === undefined) continue;
    const r = VITAL_RANGES[f];
    if (!Number.isFinite(value)) errors[f] = `${r.label} must be a number.`;
    else if (r.integer && !Number.isInteger(value)) errors[f] = `${r.label} must be a whole number.`;
    else if (value < r.min || value > r.max) {
      errors[f] = `${r.label} should be between ${r.min} and ${r.max} ${r.unit}.`;
    }
  }

  const sys = given('systolic');
  const dia = given('diastolic');
  if (sys !== undefined && dia === undefined)
    errors.diastolic = 'Give both blood-pressure values, or neither.';
  if (dia !== undefined && sys === undefined)
    errors.systolic = 'Give both blood-pressure values, or neither.';
  if (sys !== undefined && dia !== undefined && !errors.systolic && !errors.diastolic && dia >= sys) {
    errors.diastolic = 'Diastolic pressure must be below systolic.';
  }
  return errors;
}
