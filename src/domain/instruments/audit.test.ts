import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectContiguous, expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { AUDIT_BANDS, audit } from './audit.js';

const score = (answers: unknown[]) => audit.score({ answers });
/** Totals up to 20 from items 1, 2, 3, 7, 8 only, so the move-up rule never applies. */
const withTotal = (total: number) => {
  const a = Array<number>(10).fill(0);
  [0, 1, 2, 6, 7].forEach((i, k) => (a[i] = Math.max(0, Math.min(4, total - 4 * k))));
  return a;
};
const set = (index: number, value: number, base = Array<number>(10).fill(0)) =>
  base.map((v, i) => (i === index ? value : v));
const answersArb = fc.tuple(
  fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }),
  fc.array(fc.constantFrom(0, 2, 4), { minLength: 2, maxLength: 2 }),
);
const rank = (s: string | null) => AUDIT_BANDS.findIndex((b) => b.code === s);

describe('AUDIT', () => {
  it('scores items 1–8 as 0–4 and items 9–10 as 0, 2 or 4', () => {
    const { items } = audit.definition;
    expect(items).toHaveLength(10);
    for (const item of items.slice(0, 8)) expect(item.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4]);
    for (const item of items.slice(8)) expect(item.options.map((o) => o.value)).toEqual([0, 2, 4]);
    expect(audit.definition.severities).toEqual(['zone_1', 'zone_2', 'zone_3', 'zone_4']);
    expect(audit.definition.licence).toMatchObject({ kind: 'unconfirmed', enabledByDefault: true });
  });

  it.each([9, 10])('rejects 1, 3 and 5 on item %i', (n) => {
    for (const v of [1, 3, 5]) {
      expect(() => score(set(n - 1, v))).toThrow(
        expect.objectContaining({ itemId: String(n), index: n - 1 }),
      );
    }
  });

  it.each([
    [0, 'zone_1'],
    [7, 'zone_1'],
    [8, 'zone_2'],
    [15, 'zone_2'],
    [16, 'zone_3'],
    [19, 'zone_3'],
    [20, 'zone_4'],
  ])('total %i is %s', (total, zone) => {
    const r = score(withTotal(total));
    expect(r).toMatchObject({ total, severity: zone, flags: [] });
    expect(r.extra).toEqual({ moveUpOneZone: false, interventionZone: zone });
  });

  it('reaches 40 in zone 4, where moving up stays in zone 4', () => {
    const r = score([4, 4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(r).toMatchObject({ total: 40, severity: 'zone_4' });
    expect(r.extra).toEqual({ moveUpOneZone: true, interventionZone: 'zone_4' });
  });

  it('is positive from 8', () => {
    expect(score(withTotal(7)).positive).toBe(false);
    expect(score(withTotal(8)).positive).toBe(true);
  });

  it.each([4, 5, 6])('moves the intervention up a zone at 2 (not 1) on item %i', (n) => {
    const i = n - 1;
    expect(score(set(i, 1)).extra).toEqual({ moveUpOneZone: false, interventionZone: 'zone_1' });
    const r = score(set(i, 2));
    expect(r.severity).toBe('zone_1');
    expect(r.extra).toEqual({ moveUpOneZone: true, interventionZone: 'zone_2' });
  });

  it.each([9, 10])('moves the intervention up a zone at 4 (not 2) on item %i', (n) => {
    const i = n - 1;
    expect(score(set(i, 2)).extra).toEqual({ moveUpOneZone: false, interventionZone: 'zone_1' });
    const r = score(set(i, 4));
    expect(r.severity).toBe('zone_1');
    expect(r.extra).toEqual({ moveUpOneZone: true, interventionZone: 'zone_2' });
  });

  it.each([
    [8, 'zone_2', 'zone_3'],
    [16, 'zone_3', 'zone_4'],
  ])('with the rule applying, total %i stays %s and intervenes at %s', (total, zone, intervention) => {
    const r = score(set(3, 2, withTotal(total - 2)));
    expect(r).toMatchObject({ total, severity: zone });
    expect(r.extra).toEqual({ moveUpOneZone: true, interventionZone: intervention });
  });

  it('total is the sum, zone depends on the total alone, rules hold (property)', () => {
    fc.assert(
      fc.property(answersArb, ([first, last]) => {
        const a = [...first, ...last];
        const r = score(a);
        const total = a.reduce((x, y) => x + y, 0);
        expect(r.total).toBe(total);
        expect(r.positive).toBe(total >= 8);
        if (total <= 20) expect(r.severity).toBe(score(withTotal(total)).severity);
        const moveUp = first.slice(3, 6).some((x) => x >= 2) || last.includes(4);
        const extra = r.extra as { moveUpOneZone: boolean; interventionZone: string };
        expect(extra.moveUpOneZone).toBe(moveUp);
        expect(rank(extra.interventionZone) - rank(r.severity)).toBe(
          moveUp && r.severity !== 'zone_4' ? 1 : 0,
        );
      }),
    );
  });

  it('zone is monotone in the total (property)', () => {
    fc.assert(
      fc.property(answersArb, answersArb, (a, b) => {
        const [ra, rb] = [score(a.flat()), score(b.flat())];
        if (ra.total! <= rb.total!) expect(rank(ra.severity)).toBeLessThanOrEqual(rank(rb.severity));
      }),
    );
  });
});

/** Any total 0–40: items 9 and 10 first (0, 2 or 4 each), then items 8 down to 1 (0–4 each). */
const withAnyTotal = (total: number) => {
  const a = Array<number>(10).fill(0);
  let left = total;
  for (let i = 9; i >= 0; i--) {
    const allowed = i >= 8 ? [4, 2, 0] : [4, 3, 2, 1, 0];
    const v = allowed.find((x) => x <= left)!;
    a[i] = v;
    left -= v;
  }
  return a;
};

describe('AUDIT severity bands', () => {
  const { bands, maxTotal, severities } = audit.definition;

  it('are the published cut-points, labelled, contiguous from 0 to the maximum total 40', () => {
    expect(maxTotal).toBe(40);
    expect(bands).toEqual([
      { severity: 'zone_1', label: 'Zone I', min: 0, max: 7 },
      { severity: 'zone_2', label: 'Zone II', min: 8, max: 15 },
      { severity: 'zone_3', label: 'Zone III', min: 16, max: 19 },
      { severity: 'zone_4', label: 'Zone IV', min: 20, max: 40 },
    ]);
    expect(bands.map((b) => b.severity)).toEqual(severities);
    expectContiguous(bands, maxTotal);
  });

  it('score() returns the severity of the band holding the total, for every possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) => withAnyTotal(total));
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score([...Array<number>(8).fill(4), 4, 4]).total).toBe(maxTotal);
  });
});
