import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSSRS_SEVERITIES, cssrs } from './c-ssrs.js';

const score = (answers: unknown[]) => cssrs.score({ answers });
const err = (itemId: string, index: number) =>
  expect.objectContaining({ name: 'InstrumentAnswerError', itemId, index });
/** Builds answers in order 1, 2, 3, 4, 5, 6, 6b from the endorsed item ids. */
const yes = (...ids: string[]) => {
  const a: unknown[] = ['1', '2', '3', '4', '5', '6'].map((id) => ids.includes(id));
  a.push(ids.includes('6') ? ids.includes('6b') : null);
  return a;
};
const rank = (s: string | null) => CSSRS_SEVERITIES.indexOf(s as (typeof CSSRS_SEVERITIES)[number]);
const REFERRAL = 'behavioral_health_referral';
const CONSULT = 'behavioral_health_consultation_and_safety_precautions';

describe('C-SSRS screener', () => {
  it('is licensed and off by default, with items 1–6 and 6b', () => {
    const { items, licence, severities } = cssrs.definition;
    expect(items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '6b']);
    expect(items.filter((i) => i.nullable).map((i) => i.id)).toEqual(['3', '4', '5', '6b']);
    expect(licence.kind).toBe('licensed');
    expect(licence.enabledByDefault).toBe(false);
    expect(licence.note).toMatch(/Clario/);
    expect(licence.note).toMatch(/electronic/);
    expect(severities).toEqual(['none', 'low', 'moderate', 'high']);
  });

  it('is none when everything is "no" (3–5 asked or skipped)', () => {
    const expected = {
      instrument: 'c-ssrs',
      total: null,
      severity: 'none',
      positive: false,
      flags: [],
      extra: { responseProtocol: null, behaviorWithinPast3Months: null },
    };
    expect(score(yes())).toEqual(expected);
    expect(score([false, false, null, null, null, false, null])).toEqual(expected);
  });

  it.each([
    [['1'], 'low', [], REFERRAL],
    [['2'], 'low', [], REFERRAL],
    [['1', '2'], 'low', [], REFERRAL],
    [['2', '3'], 'moderate', ['suicide_risk'], REFERRAL],
    [['6'], 'moderate', ['suicide_risk'], REFERRAL],
    [['1', '6'], 'moderate', ['suicide_risk'], REFERRAL],
    [['2', '4'], 'high', ['suicide_risk', 'acute_suicide_risk'], CONSULT],
    [['2', '5'], 'high', ['suicide_risk', 'acute_suicide_risk'], CONSULT],
    [['6', '6b'], 'high', ['suicide_risk', 'acute_suicide_risk'], CONSULT],
    [['1', '2', '3', '6'], 'moderate', ['suicide_risk'], REFERRAL],
    [['1', '6', '6b'], 'high', ['suicide_risk', 'acute_suicide_risk'], CONSULT],
    [['1', '2', '3', '4', '5', '6', '6b'], 'high', ['suicide_risk', 'acute_suicide_risk'], CONSULT],
  ])('"yes" to %j is %s', (ids, severity, flags, responseProtocol) => {
    const r = score(yes(...ids));
    expect(r).toMatchObject({ severity, positive: true, flags });
    expect(r.extra).toMatchObject({ responseProtocol });
  });

  it('reports whether item 6 behaviour was within the past 3 months', () => {
    expect(score(yes('6')).extra).toMatchObject({ behaviorWithinPast3Months: false });
    expect(score(yes('6', '6b')).extra).toMatchObject({ behaviorWithinPast3Months: true });
    expect(score(yes('1')).extra).toMatchObject({ behaviorWithinPast3Months: null });
  });

  it('scores items 3–5 answered "yes" even when item 2 was "no"', () => {
    expect(score(yes('3')).severity).toBe('moderate');
    expect(score(yes('4')).severity).toBe('high');
    expect(score([true, false, null, null, true, false, null]).severity).toBe('high');
  });

  it.each([3, 4, 5])('requires item %i when item 2 is "yes"', (n) => {
    const i = n - 1;
    const a = yes('2');
    a[i] = null;
    expect(() => score(a)).toThrow(err(String(n), i));
  });

  it.each([true, false])('rejects 6b = %s when item 6 is "no"', (v) => {
    expect(() => score([false, false, false, false, false, false, v])).toThrow(err('6b', 6));
  });

  it('requires 6b as a boolean when item 6 is "yes"', () => {
    for (const bad of [null, undefined, 'yes', 1]) {
      expect(() => score([false, false, false, false, false, true, bad])).toThrow(err('6b', 6));
    }
  });

  it('rejects null for items 1, 2 and 6', () => {
    for (const i of [0, 1, 5]) {
      const a = yes();
      a[i] = null;
      expect(() => score(a)).toThrow(err(['1', '2', '3', '4', '5', '6'][i]!, i));
    }
  });

  const answersArb = fc
    .tuple(fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), fc.boolean())
    .map(([a, recent]) => [...a, a[5] ? recent : null]);

  it('flags and positive follow the level (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = score(a);
        expect(r.positive).toBe(r.severity !== 'none');
        expect(r.flags.includes('suicide_risk')).toBe(rank(r.severity) >= 2);
        expect(r.flags.includes('acute_suicide_risk')).toBe(r.severity === 'high');
        expect(r.flags).not.toContain('suicidal_ideation');
      }),
    );
  });

  it('endorsing one more item never lowers the level (property)', () => {
    fc.assert(
      fc.property(answersArb, fc.integer({ min: 0, max: 6 }), (a, i) => {
        const more = [...a];
        if (i < 6) more[i] = true;
        if (i === 6) more[6] = a[5] === true ? true : null;
        if (more[5] === true && more[6] === null) more[6] = false;
        expect(rank(score(more).severity)).toBeGreaterThanOrEqual(rank(score(a).severity));
      }),
    );
  });
});

describe('C-SSRS severity bands', () => {
  it('has none and no maximum total: it is not a summed score', () => {
    expect(cssrs.definition.bands).toEqual([]);
    expect(cssrs.definition.maxTotal).toBeNull();
    for (const a of [yes(), yes('1', '2', '3', '4', '5', '6', '6b')]) expect(score(a).total).toBeNull();
  });
});
