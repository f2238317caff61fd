import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { AUDIT_C_POSITIVE_AT, auditC } from './audit-c.js';
import { audit } from './audit.js';

const score = (answers: unknown[], sex: unknown = 'male') => auditC.score({ answers, sex });
const answersArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 });

describe('AUDIT-C', () => {
  it('is AUDIT items 1–3 and takes sex as an extra input', () => {
    expect(auditC.definition.items).toEqual(audit.definition.items.slice(0, 3));
    expect(auditC.definition.extraInputs).toEqual({ sex: true });
    expect(auditC.definition.severities).toEqual([]);
  });

  it.each([undefined, null, '', 'Male', 'M', 'f', 'other', 1, true, {}])(
    'requires sex, rejecting %j',
    (sex) => {
      expect(() => auditC.score({ answers: [0, 0, 0], sex })).toThrow(
        expect.objectContaining({ name: 'InstrumentAnswerError', itemId: 'sex', index: -1 }),
      );
    },
  );

  it('reports a bad answer before a missing sex', () => {
    expect(() => auditC.score({ answers: [0, 5, 0] })).toThrow(
      expect.objectContaining({ itemId: '2', index: 1 }),
    );
  });

  it.each([
    ['male', [1, 1, 1], 3, false],
    ['male', [2, 1, 1], 4, true],
    ['female', [1, 1, 0], 2, false],
    ['female', [1, 1, 1], 3, true],
    ['male', [4, 4, 4], 12, true],
    ['female', [0, 0, 0], 0, false],
  ])('%s %j totals %i, positive %s', (sex, answers, total, positive) => {
    expect(score(answers, sex)).toMatchObject({
      instrument: 'audit-c',
      total,
      severity: null,
      positive,
      flags: [],
    });
  });

  it.each([
    [[0, 0, 0], false],
    [[1, 0, 0], true],
    [[4, 0, 0], true],
    [[1, 1, 0], false],
    [[1, 0, 1], false],
    [[0, 1, 0], false],
    [[0, 0, 2], false],
  ])('%j: all points from item 1 is %s', (answers, allFromItem1) => {
    expect(score(answers).extra).toEqual({ allFromItem1 });
  });

  it('keeps the published cut-points when all points come from item 1', () => {
    expect(score([4, 0, 0], 'male')).toMatchObject({ positive: true, extra: { allFromItem1: true } });
    expect(score([3, 0, 0], 'female')).toMatchObject({ positive: true, extra: { allFromItem1: true } });
    expect(score([3, 0, 0], 'male')).toMatchObject({ positive: false, extra: { allFromItem1: true } });
  });

  it('total is the sum; positive by sex; a positive man is a positive woman (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const [m, f] = [score(a, 'male'), score(a, 'female')];
        const total = a[0]! + a[1]! + a[2]!;
        expect(m.total).toBe(total);
        expect(f.total).toBe(total);
        expect(m.positive).toBe(total >= AUDIT_C_POSITIVE_AT.male);
        expect(f.positive).toBe(total >= AUDIT_C_POSITIVE_AT.female);
        if (m.positive) expect(f.positive).toBe(true);
      }),
    );
  });
});

describe('AUDIT-C severity bands', () => {
  const { bands, maxTotal } = auditC.definition;

  it('has none (no published cut-points), with a maximum total of 12', () => {
    expect(bands).toEqual([]);
    expect(maxTotal).toBe(12);
  });

  it('score() returns no severity for any possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) =>
      ((t: number) => [0, 1, 2].map((i) => Math.max(0, Math.min(4, t - 4 * i))))(total),
    );
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score([4, 4, 4]).total).toBe(maxTotal);
  });
});
