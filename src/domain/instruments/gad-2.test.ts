import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { gad2 } from './gad-2.js';
import { gad7 } from './gad-7.js';

const score = (answers: unknown[]) => gad2.score({ answers });

describe('GAD-2', () => {
  it('is GAD-7 items 1–2, with no severity bands and no LOINC', () => {
    expect(gad2.definition.items).toEqual(gad7.definition.items.slice(0, 2));
    expect(gad2.definition.severities).toEqual([]);
    expect(gad2.definition.loinc).toEqual({ panel: null, total: null });
  });

  it.each([
    [[0, 0], 0, false],
    [[1, 1], 2, false],
    [[0, 2], 2, false],
    [[1, 2], 3, true],
    [[3, 0], 3, true],
    [[3, 3], 6, true],
  ])('%j totals %i, positive %s (cut-off ≥ 3)', (answers, total, positive) => {
    expect(score(answers)).toEqual({ instrument: 'gad-2', total, severity: null, positive, flags: [] });
  });

  it('total is the sum and positive is total ≥ 3 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), (a, b) => {
        const r = score([a, b]);
        expect(r.total).toBe(a + b);
        expect(r.positive).toBe(a + b >= 3);
      }),
    );
  });
});

describe('GAD-2 severity bands', () => {
  const { bands, maxTotal } = gad2.definition;

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
