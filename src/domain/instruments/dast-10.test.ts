import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectContiguous, expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { DAST10_BANDS, dast10 } from './dast-10.js';

const score = (answers: unknown[]) => dast10.score({ answers });
/** Turns "scores a point" per item into answers: item 3 scores on "no". */
const toAnswers = (points: boolean[]) => points.map((p, i) => (i === 2 ? !p : p));
const withTotal = (total: number) => toAnswers(Array.from({ length: 10 }, (_, i) => i < total));
const rank = (s: string | null) => DAST10_BANDS.findIndex((b) => b.code === s);
const answersArb = fc.array(fc.boolean(), { minLength: 10, maxLength: 10 });

describe('DAST-10', () => {
  it('defines 10 yes/no items and five bands', () => {
    expect(dast10.definition.items.map((i) => i.kind)).toEqual(Array(10).fill('yes_no'));
    expect(dast10.definition.severities).toEqual(['none', 'low', 'moderate', 'substantial', 'severe']);
  });

  it('scores item 3 ("always able to stop") on "no" and every other item on "yes"', () => {
    const noneButItem3 = toAnswers(Array(10).fill(false));
    expect(noneButItem3[2]).toBe(true);
    expect(score(noneButItem3).total).toBe(0);
    expect(score(Array(10).fill(false)).total).toBe(1);
    expect(score(Array(10).fill(true)).total).toBe(9);
    for (let i = 0; i < 10; i++) {
      const a = [...noneButItem3];
      a[i] = !a[i];
      expect(score(a).total, `item ${i + 1}`).toBe(1);
    }
  });

  it.each([
    [0, 'none'],
    [1, 'low'],
    [2, 'low'],
    [3, 'moderate'],
    [5, 'moderate'],
    [6, 'substantial'],
    [8, 'substantial'],
    [9, 'severe'],
    [10, 'severe'],
  ])('total %i is %s', (total, severity) => {
    expect(score(withTotal(total))).toMatchObject({ total, severity, flags: [] });
  });

  it('is positive from 3', () => {
    expect(score(withTotal(2)).positive).toBe(false);
    expect(score(withTotal(3)).positive).toBe(true);
  });

  it('total counts the scored answers; positive is total ≥ 3 (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = score(a);
        expect(r.total).toBe(a.filter((y, i) => (i === 2 ? !y : y)).length);
        expect(r.positive).toBe(r.total! >= 3);
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

describe('DAST-10 severity bands', () => {
  const { bands, maxTotal, severities } = dast10.definition;

  it('are the published cut-points, labelled, contiguous from 0 to the maximum total 10', () => {
    expect(maxTotal).toBe(10);
    expect(bands).toEqual([
      { severity: 'none', label: 'None', min: 0, max: 0 },
      { severity: 'low', label: 'Low', min: 1, max: 2 },
      { severity: 'moderate', label: 'Moderate', min: 3, max: 5 },
      { severity: 'substantial', label: 'Substantial', min: 6, max: 8 },
      { severity: 'severe', label: 'Severe', min: 9, max: 10 },
    ]);
    expect(bands.map((b) => b.severity)).toEqual(severities);
    expectContiguous(bands, maxTotal);
  });

  it('score() returns the severity of the band holding the total, for every possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) => withTotal(total));
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score(withTotal(10)).total).toBe(maxTotal);
  });
});
