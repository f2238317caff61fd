/**
 * Security labels carried by every clinical record (`sensitivity text[]`).
 * Codes follow HL7 v3 ActCode confidentiality/sensitivity vocabulary where one exists:
 * - part2: substance-use disorder records under 42 CFR Part 2 (HL7 "SUD"/"42CFRPart2")
 * - psychotherapy: psychotherapy notes kept apart under HIPAA 45 CFR 164.501 (HL7 "PSY")
 * - hiv, reproductive: other specially protected categories (HL7 "HIV", "SEX")
 */
export const SECURITY_LABELS = ['part2', 'psychotherapy', 'hiv', 'reproductive'] as const;
export type SecurityLabel = (typeof SECURITY_LABELS)[number];
