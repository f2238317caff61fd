import type { ADMINISTRATION_METHODS } from '../../../contracts/assessments.js';
import type { InstrumentFlag } from '../../../domain/instruments/index.js';

export type AdministrationMethod = (typeof ADMINISTRATION_METHODS)[number];

export const METHOD_LABELS: Record<AdministrationMethod, string> = {
  staff_entered: 'Staff entered (asked in person or by phone)',
  self_report: 'Patient self-report',
  kiosk: 'Kiosk',
};

export const METHOD_OPTIONS = (Object.keys(METHOD_LABELS) as AdministrationMethod[]).map((value) => ({
  value,
  label: METHOD_LABELS[value],
}));

export const FLAG_LABELS: Record<InstrumentFlag, string> = {
  suicidal_ideation: 'Suicidal thoughts',
  suicide_risk: 'Suicide risk',
  acute_suicide_risk: 'Acute suicide risk',
};

/** A severity code for people: `moderately_severe` → "Moderately severe", `zone_2` → "Zone 2". */
export function severityLabel(code: string | null): string {
  if (!code) return '—';
  const words = code.replace(/^non_acute/, 'non-acute').replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
