import type { Weekday } from '../../../domain/schedule/recurrence.js';
import type { AdmitInput } from './scheduling-api.js';

export interface PlanValues {
  on: boolean;
  weekday: Weekday;
  start: string;
  durationMinutes: number | string;
  everyWeeks: number | string;
  roomId: string | null;
}

export interface AdmissionValues {
  programId: string | null;
  trackId: string | null;
  admittedOn: string;
  primaryTherapistId: string | null;
  prescriberId: string | null;
  individual: PlanValues;
  medicationManagement: PlanValues;
  family: PlanValues;
  weeks: number | string;
  intensityOverrideReason: string;
}

export type PlanKey = 'individual' | 'medicationManagement' | 'family';

export function initialAdmission(today: string): AdmissionValues {
  const plan = (on: boolean, durationMinutes: number, everyWeeks: number, weekday: Weekday): PlanValues => ({
    on,
    weekday,
    start: '10:00',
    durationMinutes,
    everyWeeks,
    roomId: null,
  });
  return {
    programId: null,
    trackId: null,
    admittedOn: today,
    primaryTherapistId: null,
    prescriberId: null,
    individual: plan(true, 50, 1, 'TU'),
    medicationManagement: plan(false, 30, 4, 'WE'),
    family: plan(false, 50, 2, 'TH'),
    weeks: 8,
    intensityOverrideReason: '',
  };
}

function plan(values: PlanValues, clinicianId?: string | null) {
  if (!values.on) return null;
  return {
    weekday: values.weekday,
    start: values.start,
    durationMinutes: Number(values.durationMinutes),
    everyWeeks: Number(values.everyWeeks) || 1,
    roomId: values.roomId,
    ...(clinicianId ? { clinicianId } : {}),
  };
}

/** The admission request; medication management goes to the prescriber. */
export function admitBody(referralId: string, values: AdmissionValues): AdmitInput {
  const reason = values.intensityOverrideReason.trim();
  return {
    referralId,
    programId: values.programId ?? '',
    trackId: values.trackId ?? '',
    admittedOn: values.admittedOn,
    primaryTherapistId: values.primaryTherapistId ?? '',
    prescriberId: values.prescriberId,
    individual: plan(values.individual),
    medicationManagement: plan(values.medicationManagement, values.prescriberId),
    family: plan(values.family),
    weeks: Number(values.weeks) || 8,
    ...(reason ? { intensityOverrideReason: reason } : {}),
  };
}
