import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SERVICE_CODES,
  SERVICE_LABELS,
  SERVICE_TYPES,
  serviceTypeOf,
  suggestServiceCode,
  type ServiceCodeRule,
  type ServiceType,
} from './service-codes.js';

const code = (service: ServiceType, minutes: number, patientPresent?: boolean): string | null =>
  suggestServiceCode(
    patientPresent === undefined ? { service, minutes } : { service, minutes, patientPresent },
  )?.code ?? null;

describe('DEFAULT_SERVICE_CODES (data)', () => {
  it('holds the sourced codes', () => {
    expect(DEFAULT_SERVICE_CODES.map((r) => `${r.service}:${r.code}`)).toEqual([
      'group_therapy:90853',
      'individual_therapy:90832',
      'individual_therapy:90834',
      'individual_therapy:90837',
      'family_therapy:90846',
      'family_therapy:90847',
      'intake_assessment:90791',
      'medication_management:99213',
      'medication_management:99214',
    ]);
  });
  it('has the psychotherapy time rule 16–37 / 38–52 / ≥ 53 [C]', () => {
    const ind = DEFAULT_SERVICE_CODES.filter((r) => r.service === 'individual_therapy');
    expect(ind.map((r) => [r.code, r.minMinutes, r.maxMinutes])).toEqual([
      ['90832', 16, 37],
      ['90834', 38, 52],
      ['90837', 53, undefined],
    ]);
  });
  it('marks the E/M time thresholds as unconfirmed [U]', () => {
    const em = DEFAULT_SERVICE_CODES.filter((r) => r.service === 'medication_management');
    expect(em.map((r) => [r.code, r.minMinutes])).toEqual([
      ['99213', 20],
      ['99214', 30],
    ]);
    for (const r of em) expect(r.source).toMatch(/^\[U\]/);
    for (const r of DEFAULT_SERVICE_CODES.filter((x) => x.service !== 'medication_management')) {
      expect(r.source).toMatch(/^\[C\]/);
    }
  });
  it('has no rule for multiple-family group [U]', () => {
    expect(DEFAULT_SERVICE_CODES.some((r) => r.service === 'multi_family_group')).toBe(false);
  });
  it('family therapy depends on the patient being present', () => {
    const fam = DEFAULT_SERVICE_CODES.filter((r) => r.service === 'family_therapy');
    expect(fam.map((r) => [r.code, r.patientPresent])).toEqual([
      ['90846', false],
      ['90847', true],
    ]);
  });
  it('uses short descriptions of our own and is frozen', () => {
    for (const r of DEFAULT_SERVICE_CODES) {
      expect(r.description.length).toBeGreaterThan(0);
      expect(r.description.length).toBeLessThan(60);
      expect(Object.isFrozen(r)).toBe(true);
    }
    expect(Object.isFrozen(DEFAULT_SERVICE_CODES)).toBe(true);
  });
  it('labels every service type', () => {
    expect(Object.keys(SERVICE_LABELS).sort()).toEqual([...SERVICE_TYPES].sort());
  });
});

describe('suggestServiceCode', () => {
  it.each([
    [1, null],
    [15, null],
    [16, '90832'],
    [30, '90832'],
    [37, '90832'],
    [38, '90834'],
    [45, '90834'],
    [52, '90834'],
    [53, '90837'],
    [60, '90837'],
    [180, '90837'],
  ])('individual psychotherapy, %i minutes → %s', (minutes, expected) => {
    expect(code('individual_therapy', minutes)).toBe(expected);
  });
  it('gives the plain-words reason', () => {
    expect(suggestServiceCode({ service: 'individual_therapy', minutes: 50 })).toEqual({
      code: '90834',
      description: 'Psychotherapy, about 45 minutes',
      reason: 'Individual psychotherapy, 50 minutes: 38–52 minutes → 90834',
    });
    expect(suggestServiceCode({ service: 'individual_therapy', minutes: 55 })!.reason).toBe(
      'Individual psychotherapy, 55 minutes: ≥ 53 minutes → 90837',
    );
    expect(suggestServiceCode({ service: 'group_therapy', minutes: 90 })!.reason).toBe(
      'Group psychotherapy, 90 minutes: any length → 90853',
    );
    expect(suggestServiceCode({ service: 'family_therapy', minutes: 50, patientPresent: true })!.reason).toBe(
      'Family psychotherapy, 50 minutes: patient present → 90847',
    );
    expect(suggestServiceCode({ service: 'group_therapy', minutes: 1 })!.reason).toBe(
      'Group psychotherapy, 1 minute: any length → 90853',
    );
  });
  it('group psychotherapy → 90853 at any length', () => {
    expect(code('group_therapy', 1)).toBe('90853');
    expect(code('group_therapy', 180)).toBe('90853');
  });
  it('multiple-family group → no suggestion with the default table [U]', () => {
    expect(code('multi_family_group', 90)).toBeNull();
  });
  it('family therapy → 90846 without / 90847 with the patient', () => {
    expect(code('family_therapy', 50, false)).toBe('90846');
    expect(code('family_therapy', 50, true)).toBe('90847');
  });
  it('family therapy without patientPresent throws (the code depends on it)', () => {
    expect(() => suggestServiceCode({ service: 'family_therapy', minutes: 50 })).toThrow(
      /patient was present/,
    );
  });
  it('patientPresent is irrelevant where no rule depends on it', () => {
    expect(code('individual_therapy', 50, false)).toBe('90834');
    expect(code('group_therapy', 50, true)).toBe('90853');
  });
  it('intake assessment → 90791', () => {
    expect(code('intake_assessment', 60)).toBe('90791');
    expect(suggestServiceCode({ service: 'intake_assessment', minutes: 60 })!.description).toMatch(
      /diagnostic/i,
    );
  });
  it.each([
    [19, null],
    [20, '99213'],
    [29, '99213'],
    [30, '99214'],
    [45, '99214'],
  ])('medication management, %i minutes → %s (the higher threshold wins)', (minutes, expected) => {
    expect(code('medication_management', minutes)).toBe(expected);
  });
  it('0 minutes (nothing delivered) → null for every service', () => {
    for (const s of SERVICE_TYPES)
      expect(suggestServiceCode({ service: s, minutes: 0, patientPresent: true })).toBeNull();
  });
  it('uses a table passed in (thresholds are data)', () => {
    const table: ServiceCodeRule[] = [
      ...DEFAULT_SERVICE_CODES.filter((r) => r.service !== 'medication_management'),
      {
        service: 'medication_management',
        code: '99213',
        description: 'Low',
        minMinutes: 15,
        source: '[U] payer X',
      },
      {
        service: 'medication_management',
        code: '99214',
        description: 'Moderate',
        minMinutes: 25,
        source: '[U] payer X',
      },
      {
        service: 'multi_family_group',
        code: 'MFG1',
        description: 'Multi-family group',
        source: '[U] payer X',
      },
    ];
    expect(suggestServiceCode({ service: 'medication_management', minutes: 15 }, table)!.code).toBe('99213');
    expect(suggestServiceCode({ service: 'medication_management', minutes: 25 }, table)!.code).toBe('99214');
    expect(suggestServiceCode({ service: 'multi_family_group', minutes: 90 }, table)).toEqual({
      code: 'MFG1',
      description: 'Multi-family group',
      reason: 'Multiple-family group psychotherapy, 90 minutes: any length → MFG1',
    });
    expect(suggestServiceCode({ service: 'group_therapy', minutes: 90 }, [])).toBeNull();
  });
  it('on equal minimums the first rule in the table wins; max-only rules read "≤"', () => {
    const table: ServiceCodeRule[] = [
      { service: 'group_therapy', code: 'A', description: 'a', maxMinutes: 60, source: 'x' },
      { service: 'group_therapy', code: 'B', description: 'b', source: 'x' },
    ];
    expect(suggestServiceCode({ service: 'group_therapy', minutes: 60 }, table)).toEqual({
      code: 'A',
      description: 'a',
      reason: 'Group psychotherapy, 60 minutes: ≤ 60 minutes → A',
    });
    expect(suggestServiceCode({ service: 'group_therapy', minutes: 61 }, table)!.code).toBe('B');
  });
  it('throws on negative or non-integer minutes', () => {
    for (const m of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '50' as never]) {
      expect(() => suggestServiceCode({ service: 'individual_therapy', minutes: m })).toThrow(/minutes/);
    }
  });
  it('throws on an unknown service or malformed input', () => {
    expect(() => suggestServiceCode({ service: 'massage' as never, minutes: 50 })).toThrow(
      /Unknown service "massage"/,
    );
    expect(() => suggestServiceCode(null as never)).toThrow(/input/);
    expect(() =>
      suggestServiceCode({ service: 'family_therapy', minutes: 50, patientPresent: 'yes' as never }),
    ).toThrow(/patientPresent/);
  });
  it('throws on a malformed table', () => {
    const ok = { service: 'group_therapy', code: 'X', description: 'd', source: 's' } as const;
    const bad = (rule: object) => () =>
      suggestServiceCode({ service: 'group_therapy', minutes: 50 }, [rule as never]);
    expect(() => suggestServiceCode({ service: 'group_therapy', minutes: 50 }, null as never)).toThrow(
      /table/,
    );
    expect(bad({ ...ok, service: 'other' })).toThrow(/Unknown service/);
    expect(bad({ ...ok, code: ' ' })).toThrow(/code/);
    expect(bad({ ...ok, description: undefined })).toThrow(/description/);
    expect(bad({ ...ok, source: '' })).toThrow(/source/);
    expect(bad({ ...ok, minMinutes: -1 })).toThrow(/minMinutes/);
    expect(bad({ ...ok, maxMinutes: 2.5 })).toThrow(/maxMinutes/);
    expect(bad({ ...ok, minMinutes: 10, maxMinutes: 5 })).toThrow(/more than maxMinutes/);
    expect(bad({ ...ok, patientPresent: 1 })).toThrow(/patientPresent/);
    expect(bad(null as never)).toThrow(/rule at 0/);
  });
});

describe('serviceTypeOf', () => {
  it('maps session kinds to service types', () => {
    expect(serviceTypeOf('group')).toBe('group_therapy');
    expect(serviceTypeOf('group', 'process')).toBe('group_therapy');
    expect(serviceTypeOf('group', null)).toBe('group_therapy');
    expect(serviceTypeOf('group', 'multi_family')).toBe('multi_family_group');
    expect(serviceTypeOf('individual')).toBe('individual_therapy');
    expect(serviceTypeOf('family')).toBe('family_therapy');
    expect(serviceTypeOf('medication_management')).toBe('medication_management');
    expect(serviceTypeOf('intake_assessment')).toBe('intake_assessment');
  });
  it('ignores the group kind for other kinds', () => {
    expect(serviceTypeOf('individual', 'multi_family')).toBe('individual_therapy');
  });
  it('throws on an unknown kind or a non-string group kind', () => {
    expect(() => serviceTypeOf('yoga' as never)).toThrow(/Unknown session kind "yoga"/);
    expect(() => serviceTypeOf('group', 3 as never)).toThrow(/group kind/);
  });
  it('every mapped service has a label', () => {
    for (const k of [
      'group',
      'individual',
      'family',
      'medication_management',
      'intake_assessment',
    ] as const) {
      expect(SERVICE_LABELS[serviceTypeOf(k)]).toBeTruthy();
    }
  });
});
