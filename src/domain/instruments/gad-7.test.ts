import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectContiguous, expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { GAD7_BANDS, gad7 } from './gad-7.js';

const score = (answers: unknown[]) => gad7.score({ answers });
const withTotal = (total: number) =>
  Array.from({ length: 7 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
const answersArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 7, maxLength: 7 });
const rank = (s: string | null) => GAD7_BANDS.findIndex((b) => b.code === s);

describe('GAD-7', () => {
  it('defines 7 items 0–3 and four bands', () => {
    expect(gad7.definition.items).toHaveLength(7);
    expect(gad7.definition.items[6]!.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect(gad7.definition.severities).toEqual(['minimal', 'mild', 'moderate', 'severe']);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'severe'],
    [21, 'severe'],
  ])('total %i is %s', (total, severity) => {
    const r = score(withTotal(total));
    expect(r.total).toBe(total);
    expect(r.severity).toBe(severity);
    expect(r.flags).toEqual([]);
  });

  it('is positive from 10', () => {
    expect(score(withTotal(9)).positive).toBe(false);
    expect(score(withTotal(10)).positive).toBe(true);
  });

  it('total is the sum, positive is total ≥ 10, severity depends on the total alone (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = score(a);
        expect(r.total).toBe(a.reduce((x, y) => x + y, 0));
        expect(r.positive).toBe(r.total! >= 10);
        expect(r.severity).toBe(score(withTotal(r.total!)).severity);
      }),
    );
  });

  it('severity is monotone in the total (property)', () => {
    fc.assert(
      fc.property(answersArb, answersArb, (a, b) => {
        const [ra, rb] = [score(a), score(b)];
        if (ra.total! <= rb.total!) expect(rank(ra.severity)).toBeLessThanOrEqual(rank(rb.severity));
      }),
    );
  });
});

describe('GAD-7 severity bands', () => {
  const { bands, maxTotal, severities } = gad7.definition;

  it('are the published cut-points, labelled, contiguous from 0 to the maximum total 21', () => {
    expect(maxTotal).toBe(21);
    expect(bands).toEqual([
      { severity: 'minimal', label: 'Minimal', min: 0, max: 4 },
      { severity: 'mild', label: 'Mild', min: 5, max: 9 },
      { severity: 'moderate', label: 'Moderate', min: 10, max: 14 },
      { severity: 'severe', label: 'Severe', min: 15, max: 21 },
    ]);
    expect(bands.map((b) => b.severity)).toEqual(severities);
    expectContiguous(bands, maxTotal);
  });

  it('score() returns the severity of the band holding the total, for every possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) => withTotal(total));
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score(Array(7).fill(3)).total).toBe(maxTotal);
  });
});
