import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asq } from './asq.js';

const score = (answers: unknown[]) => asq.score({ answers });
const err = expect.objectContaining({ name: 'InstrumentAnswerError', itemId: '5', index: 4 });
const withYes = (i: number) => [0, 1, 2, 3].map((k) => k === i);

describe('ASQ', () => {
  it('defines four yes/no items and the acuity item, nullable when 1–4 are all "no"', () => {
    const { items, severities } = asq.definition;
    expect(items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(items[4]!.text).toBe('Are you having thoughts of killing yourself right now?');
    expect(items.filter((i) => i.nullable).map((i) => i.id)).toEqual(['5']);
    expect(severities).toEqual(['negative', 'non_acute_positive', 'acute_positive']);
  });

  it('is negative with all "no" and item 5 not asked (null)', () => {
    expect(score([false, false, false, false, null])).toEqual({
      instrument: 'asq',
      total: null,
      severity: 'negative',
      positive: false,
      flags: [],
    });
  });

  it.each([1, 2, 3, 4])('"yes" to item %i with "no" to item 5 is a non-acute positive', (n) => {
    expect(score([...withYes(n - 1), false])).toMatchObject({
      severity: 'non_acute_positive',
      positive: true,
      flags: ['suicide_risk'],
    });
  });

  it.each([1, 2, 3, 4])('"yes" to item %i with "yes" to item 5 is an acute positive', (n) => {
    expect(score([...withYes(n - 1), true])).toMatchObject({
      severity: 'acute_positive',
      positive: true,
      flags: ['suicide_risk', 'acute_suicide_risk'],
    });
  });

  it.each([true, false])('rejects item 5 = %s when items 1–4 are all "no"', (v) => {
    expect(() => score([false, false, false, false, v])).toThrow(err);
  });

  it.each([1, 2, 3, 4])('requires item 5 when item %i is "yes"', (n) => {
    expect(() => score([...withYes(n - 1), null])).toThrow(err);
    expect(() => score([...withYes(n - 1), undefined])).toThrow(err);
  });

  it('severity, positive and flags follow the rule (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), fc.boolean(), (first, acute) => {
        const anyYes = first.includes(true);
        const r = score([...first, anyYes ? acute : null]);
        expect(r.severity).toBe(!anyYes ? 'negative' : acute ? 'acute_positive' : 'non_acute_positive');
        expect(r.positive).toBe(anyYes);
        expect(r.flags.includes('suicide_risk')).toBe(anyYes);
        expect(r.flags.includes('acute_suicide_risk')).toBe(anyYes && acute);
        expect(r.flags).not.toContain('suicidal_ideation');
      }),
    );
  });
});

describe('ASQ severity bands', () => {
  it('has none and no maximum total: it is not a summed score', () => {
    expect(asq.definition.bands).toEqual([]);
    expect(asq.definition.maxTotal).toBeNull();
    for (const a of [
      [false, false, false, false, null],
      [true, true, true, true, true],
    ])
      expect(score(a).total).toBeNull();
  });
});
