/**
 * Security labels carried by every clinical record in its `sensitivity text[]` column, enforced in
 * the database by `valid_security_labels()` (migrations/0001) and mapped to HL7 codes in FHIR
 * `meta.security` (clinical-facts.md §5.1: Part 2 records carry R, ETH, 42CFRPart2, NORDSLCD).
 */
export const SECURITY_LABELS = {
  /** Substance-use disorder records of a 42 CFR Part 2 program: consent governs disclosure. */
  part2: ['R', 'ETH', '42CFRPart2', 'NORDSLCD'],
  /** SUD counseling notes (2024 Part 2 rule): a separate consent, kept apart from the record. */
  sud_counseling_note: ['R', 'ETH', '42CFRPart2', 'NORDSLCD'],
  /** Psychotherapy notes under HIPAA 45 CFR 164.501: kept apart, separate authorization. */
  psychotherapy_note: ['R', 'PSY'],
} as const satisfies Record<string, readonly string[]>;

export type SecurityLabel = keyof typeof SECURITY_LABELS;
export const SECURITY_LABEL_CODES = Object.keys(SECURITY_LABELS) as SecurityLabel[];
