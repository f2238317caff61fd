import type { IntensityRule } from './format.js';
import type { Delivery, Level } from './labels.js';
import type { ProgramInput } from './scheduling-api.js';

export interface ProgramFormValues {
  locationId: string | null;
  name: string;
  levelOfCare: Level;
  minAge: number | string;
  /** '' for no upper age. */
  maxAge: number | string;
  capacity: number | string;
  delivery: Delivery;
  substanceUse: boolean;
  minHoursPerWeek: number | string;
  minDaysPerWeek: number | string;
  maxDaysPerWeek: number | string;
  minHoursPerDay: number | string;
  maxHoursPerDay: number | string;
}

/** Adolescent programs (everyone under 18) default to 6 hours a week, adult ones to 9. */
export function isAdolescent(maxAge: number | string): boolean {
  return typeof maxAge === 'number' && maxAge < 18;
}

export function defaultIntensity(maxAge: number | string): IntensityRule {
  return isAdolescent(maxAge)
    ? { minHoursPerWeek: 6, minDaysPerWeek: 3, maxDaysPerWeek: 5, minHoursPerDay: 2, maxHoursPerDay: 4 }
    : { minHoursPerWeek: 9, minDaysPerWeek: 3, maxDaysPerWeek: 5, minHoursPerDay: 2, maxHoursPerDay: 4 };
}

export function emptyProgramForm(): ProgramFormValues {
  return {
    locationId: null,
    name: '',
    levelOfCare: 'iop',
    minAge: 18,
    maxAge: '',
    capacity: 24,
    delivery: 'in_person',
    substanceUse: false,
    ...defaultIntensity(''),
  };
}

const num = (value: number | string) => (typeof value === 'number' ? value : Number(value));

export function programBody(values: ProgramFormValues): ProgramInput {
  return {
    locationId: values.locationId ?? '',
    name: values.name.trim(),
    levelOfCare: values.levelOfCare,
    minAge: num(values.minAge),
    maxAge: values.maxAge === '' ? null : num(values.maxAge),
    capacity: num(values.capacity),
    delivery: values.delivery,
    substanceUse: values.substanceUse,
    intensity: {
      minHoursPerWeek: num(values.minHoursPerWeek),
      minDaysPerWeek: num(values.minDaysPerWeek),
      maxDaysPerWeek: num(values.maxDaysPerWeek),
      minHoursPerDay: num(values.minHoursPerDay),
      maxHoursPerDay: num(values.maxHoursPerDay),
    },
  };
}
