import { ROLE_LABELS, STAFF_ROLES } from '../../../domain/identity/roles.js';

/** Staff roles as select options, labelled for people. */
export const STAFF_ROLE_OPTIONS = STAFF_ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));
