import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLE_LABELS, ROLES, STAFF_ROLES, isStaff, primaryRole, type Role } from './roles.js';

// Most privileged first, as the product describes the roles.
const PRIVILEGE_ORDER: Role[] = [
  'admin',
  'program_director',
  'clinician',
  'prescriber',
  'intake',
  'biller',
  'front_desk',
  'patient',
];

describe('STAFF_ROLES', () => {
  it('holds every role except patient', () => {
    expect(STAFF_ROLES).not.toContain('patient');
    expect([...STAFF_ROLES].sort()).toEqual(PRIVILEGE_ORDER.filter((r) => r !== 'patient').sort());
  });
});

describe('ROLE_LABELS', () => {
  it('gives every role a non-empty, distinct label', () => {
    const labels = ROLES.map((r) => ROLE_LABELS[r]);
    for (const label of labels) expect(label.trim()).not.toBe('');
    expect(new Set(labels).size).toBe(ROLES.length);
  });
});

describe('isStaff', () => {
  it('is false for a user with no roles', () => {
    expect(isStaff([])).toBe(false);
  });

  it('is false for a patient', () => {
    expect(isStaff(['patient'])).toBe(false);
  });

  it.each(PRIVILEGE_ORDER.filter((r) => r !== 'patient'))('is true for %s', (role) => {
    expect(isStaff([role])).toBe(true);
  });

  it('is true for a staff member who is also a patient', () => {
    expect(isStaff(['patient', 'front_desk'])).toBe(true);
  });
});

describe('primaryRole', () => {
  it('is undefined for no roles', () => {
    expect(primaryRole([])).toBeUndefined();
  });

  it('returns the only role held', () => {
    for (const r of ROLES) expect(primaryRole([r])).toBe(r);
  });

  it('prefers admin over front desk whatever the order given', () => {
    expect(primaryRole(['front_desk', 'admin'])).toBe('admin');
    expect(primaryRole(['admin', 'front_desk'])).toBe('admin');
  });

  it('prefers any staff role over patient', () => {
    expect(primaryRole(['patient', 'biller'])).toBe('biller');
  });

  it('ranks each role above every role after it in privilege order', () => {
    PRIVILEGE_ORDER.forEach((higher, i) => {
      for (const lower of PRIVILEGE_ORDER.slice(i + 1)) {
        expect(primaryRole([lower, higher])).toBe(higher);
      }
    });
  });

  it('always returns the held role that comes first in privilege order, independent of input order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1 }), (roles) => {
        const expected = PRIVILEGE_ORDER.find((r) => roles.includes(r));
        expect(primaryRole(roles)).toBe(expected);
        expect(primaryRole([...roles].reverse())).toBe(expected);
      }),
    );
  });
});
