/** Levels of care, from least to most intensive. The order is the order of intensity. */
export const LEVELS_OF_CARE = ['outpatient', 'iop', 'php', 'residential', 'inpatient'] as const;
export type LevelOfCare = (typeof LEVELS_OF_CARE)[number];

/** How each level is described to staff and patients (Trellis's own words). */
export const LEVEL_OF_CARE_LABELS: Record<LevelOfCare, string> = {
  outpatient: 'Outpatient: a therapy session about once a week',
  iop: 'Intensive outpatient (IOP): living at home, a few hours a day on several days a week',
  php: 'Partial hospitalization (PHP): living at home, most of the day about five days a week',
  residential: 'Residential: living in a staffed treatment home around the clock',
  inpatient: 'Inpatient: 24-hour care in a hospital',
};

/** 0 for outpatient up to 4 for inpatient. */
export function intensity(level: LevelOfCare): number {
  return LEVELS_OF_CARE.indexOf(level);
}

/** The more intensive of two levels. */
export function moreIntensive(a: LevelOfCare, b: LevelOfCare): LevelOfCare {
  return intensity(a) >= intensity(b) ? a : b;
}
