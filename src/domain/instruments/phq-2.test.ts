import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { phq2 } from './phq-2.js';
import { phq9 } from './phq-9.js';

const score = (answers: unknown[]) => phq2.score({ answers });

describe('PHQ-2', () => {
  it('is PHQ-9 items 1–2, with no severity bands', () => {
    expect(phq2.definition.items).toEqual(phq9.definition.items.slice(0, 2));
    expect(phq2.definition.severities).toEqual([]);
  });

  it.each([
    [[0, 0], 0, false],
    [[1, 1], 2, false],
    [[2, 0], 2, false],
    [[2, 1], 3, true],
    [[0, 3], 3, true],
    [[3, 3], 6, true],
  ])('%j totals %i, positive %s (cut-off ≥ 3)', (answers, total, positive) => {
    expect(score(answers)).toEqual({
      instrument: 'phq-2',
      total,
      severity: null,
      positive,
      flags: [],
      extra: { administerPhq9: positive },
    });
  });

  it('total is the sum and positive is total ≥ 3 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (a, b) => {
        const r = score([a, b]);
        expect(r.total).toBe(a + b);
        expect(r.positive).toBe(a + b >= 3);
        expect(r.flags).toEqual([]);
      }),
    );
  });
});

describe('PHQ-2 severity bands', () => {
  const { bands, maxTotal } = phq2.definition;

  it('has none (no published cut-points), with a maximum total of 6', () => {
    expect(bands).toEqual([]);
    expect(maxTotal).toBe(6);
  });

  it('score() returns no severity for any possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) =>
      ((t: number) => [Math.min(3, t), Math.max(0, t - 3)])(total),
    );
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score([3, 3]).total).toBe(maxTotal);
  });
});
