/**
 * Clinical documentation rules: note templates, member-note checks (copy-paste similarity, other
 * members' names), service-code suggestion, signing, medication changes and vitals.
 */
export * from './medications.js';
export * from './member-names.js';
export * from './service-codes.js';
export * from './signing.js';
export * from './similarity.js';
export * from './templates.js';
export * from './vitals.js';
