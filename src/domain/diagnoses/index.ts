/**
 * ICD-10-CM diagnosis codes (chapter F01–F99) for treatment-plan problems: format checks, search,
 * the CDC release-file parser, and a curated list of codes common in IOPs.
 */
export * from './icd10cm.js';
export * from './f-codes.js';
