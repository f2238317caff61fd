import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectContiguous, expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { PHQ9_BANDS, PHQ9_ITEM_TEXTS, phq9 } from './phq-9.js';

const score = (answers: unknown[]) => phq9.score({ answers });
/** Answers summing to `total`, filling items from the first (item 9 stays 0 up to a total of 24). */
const withTotal = (total: number) =>
  Array.from({ length: 9 }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
const answersArb = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 });
const rank = (s: string | null) => PHQ9_BANDS.findIndex((b) => b.code === s);

describe('PHQ-9', () => {
  it('defines 9 items 0–3 and leaves out the unscored difficulty item', () => {
    const { items, severities } = phq9.definition;
    expect(items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(items.map((i) => i.text)).toEqual([...PHQ9_ITEM_TEXTS]);
    expect(items.some((i) => /difficult/i.test(i.text))).toBe(false);
    expect(items[0]!.options.map((o) => o.value)).toEqual([0, 1, 2, 3]);
    expect(severities).toEqual(['minimal', 'mild', 'moderate', 'moderately_severe', 'severe']);
  });

  it.each([
    [0, 'minimal'],
    [4, 'minimal'],
    [5, 'mild'],
    [9, 'mild'],
    [10, 'moderate'],
    [14, 'moderate'],
    [15, 'moderately_severe'],
    [19, 'moderately_severe'],
    [20, 'severe'],
    [27, 'severe'],
  ])('total %i is %s', (total, severity) => {
    const r = score(withTotal(total));
    expect(r.total).toBe(total);
    expect(r.severity).toBe(severity);
  });

  it('is positive from 10', () => {
    expect(score(withTotal(9)).positive).toBe(false);
    expect(score(withTotal(10)).positive).toBe(true);
  });

  it('sets no flag when item 9 is 0, even at the top band', () => {
    const r = score([3, 3, 3, 3, 3, 3, 3, 3, 0]);
    expect(r.severity).toBe('severe');
    expect(r.flags).toEqual([]);
    expect(r.extra).toEqual({ item9: 0 });
  });

  it.each([1, 2, 3])(
    'flags suicidal ideation and suicide risk when item 9 is %i, whatever the total',
    (v) => {
      const r = score([0, 0, 0, 0, 0, 0, 0, 0, v]);
      expect(r.severity).toBe('minimal');
      expect(r.positive).toBe(false);
      expect(r.flags).toEqual(['suicidal_ideation', 'suicide_risk']);
      expect(r.extra).toEqual({ item9: v });
      expect(score([3, 3, 3, 3, 3, 3, 3, 3, v]).flags).toEqual(['suicidal_ideation', 'suicide_risk']);
    },
  );

  it('total is the sum; positive and flags follow their rules (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = score(a);
        expect(r.total).toBe(a.reduce((x, y) => x + y, 0));
        expect(r.positive).toBe(r.total! >= 10);
        expect(r.flags.length > 0).toBe(a[8]! > 0);
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

describe('PHQ-9 severity bands', () => {
  const { bands, maxTotal, severities } = phq9.definition;

  it('are the published cut-points, labelled, contiguous from 0 to the maximum total 27', () => {
    expect(maxTotal).toBe(27);
    expect(bands).toEqual([
      { severity: 'minimal', label: 'Minimal', min: 0, max: 4 },
      { severity: 'mild', label: 'Mild', min: 5, max: 9 },
      { severity: 'moderate', label: 'Moderate', min: 10, max: 14 },
      { severity: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
      { severity: 'severe', label: 'Severe', min: 20, max: 27 },
    ]);
    expect(bands.map((b) => b.severity)).toEqual(severities);
    expectContiguous(bands, maxTotal);
  });

  it('score() returns the severity of the band holding the total, for every possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) => withTotal(total));
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score(Array(9).fill(3)).total).toBe(maxTotal);
  });
});
