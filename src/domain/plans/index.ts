/**
 * Treatment plans (clinical-facts.md §7.1): problems, patient-worded goals, time-bound objectives
 * with score targets, interventions, and the rules for signing and reviewing a version.
 */
export * from './treatment-plan.js';
