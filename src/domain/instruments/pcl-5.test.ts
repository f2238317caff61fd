import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectSeverityFollowsBands } from '../../../test/support/instrument-bands.js';
import { PCL5_CLUSTERS, PCL5_PROVISIONAL_PTSD_CUTOFF, pcl5, type Pcl5Cluster } from './pcl-5.js';

const score = (answers: unknown[]) => pcl5.score({ answers });
const zeros = () => Array<number>(20).fill(0);
/** Sets the given 1-based items to `value` on an all-zero answer set. */
const set = (items: number[], value: number, base = zeros()) => {
  const a = [...base];
  for (const n of items) a[n - 1] = value;
  return a;
};
const withTotal = (total: number) =>
  Array.from({ length: 20 }, (_, i) => Math.max(0, Math.min(4, total - 4 * i)));
/** The smallest answer set meeting the DSM-5 rule: 1 B, 1 C, 2 D, 2 E at "Moderately". */
const MINIMAL_DSM = set([1, 6, 8, 9, 15, 16], 2);
const answersArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 20, maxLength: 20 });

describe('PCL-5', () => {
  it('defines 20 items 0–4 in clusters B 1–5, C 6–7, D 8–14, E 15–20', () => {
    expect(pcl5.definition.items).toHaveLength(20);
    expect(pcl5.definition.items[19]!.options.map((o) => o.value)).toEqual([0, 1, 2, 3, 4]);
    expect(pcl5.definition.licence.kind).toBe('public_domain');
    const all = Object.values(PCL5_CLUSTERS).flatMap((c) => c.items);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('uses a cut-point within the published 31–33 range', () => {
    expect(PCL5_PROVISIONAL_PTSD_CUTOFF).toBe(33);
  });

  it.each([
    [0, false],
    [32, false],
    [33, true],
    [80, true],
  ])('total %i is positive: %s', (total, positive) => {
    const r = score(withTotal(total));
    expect(r.total).toBe(total);
    expect(r.positive).toBe(positive);
    expect(r.severity).toBeNull();
    expect(r.flags).toEqual([]);
  });

  it('meets the DSM-5 cluster rule with 1 B, 1 C, 2 D and 2 E items at ≥ 2, independently of the total', () => {
    const r = score(MINIMAL_DSM);
    expect(r.total).toBe(12);
    expect(r.positive).toBe(false);
    expect(r.extra).toEqual({ dsm5ClusterRuleMet: true, clusterCounts: { B: 1, C: 1, D: 2, E: 2 } });
  });

  it.each([
    ['B', 1],
    ['C', 6],
    ['D', 9],
    ['E', 16],
  ] as const)('misses the rule when cluster %s is one item short (item %i at 1)', (_cluster, item) => {
    const r = score(set([item], 1, MINIMAL_DSM));
    expect(r.extra).toMatchObject({ dsm5ClusterRuleMet: false });
  });

  it('can be positive by total while the cluster rule is not met', () => {
    const r = score(set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14], 4));
    expect(r.positive).toBe(true);
    expect(r.extra).toEqual({ dsm5ClusterRuleMet: false, clusterCounts: { B: 5, C: 2, D: 7, E: 0 } });
  });

  it.each(Array.from({ length: 20 }, (_, i) => i + 1))('counts item %i in its own cluster', (item) => {
    const cluster = (Object.keys(PCL5_CLUSTERS) as Pcl5Cluster[]).find((c) =>
      PCL5_CLUSTERS[c].items.includes(item),
    )!;
    const counts = { B: 0, C: 0, D: 0, E: 0, [cluster]: 1 };
    expect(score(set([item], 2)).extra).toEqual({ dsm5ClusterRuleMet: false, clusterCounts: counts });
    expect(score(set([item], 1)).extra).toMatchObject({ clusterCounts: { B: 0, C: 0, D: 0, E: 0 } });
  });

  it('total is the sum, positive is total ≥ 33, the rule matches the counts (property)', () => {
    fc.assert(
      fc.property(answersArb, (a) => {
        const r = score(a);
        const extra = r.extra as { dsm5ClusterRuleMet: boolean; clusterCounts: Record<Pcl5Cluster, number> };
        expect(r.total).toBe(a.reduce((x, y) => x + y, 0));
        expect(r.positive).toBe(r.total! >= 33);
        const { B, C, D, E } = extra.clusterCounts;
        expect(extra.dsm5ClusterRuleMet).toBe(B >= 1 && C >= 1 && D >= 2 && E >= 2);
        expect(B + C + D + E).toBe(a.filter((x) => x >= 2).length);
      }),
    );
  });
});

describe('PCL-5 severity bands', () => {
  const { bands, maxTotal } = pcl5.definition;

  it('has none (no published cut-points), with a maximum total of 80', () => {
    expect(bands).toEqual([]);
    expect(maxTotal).toBe(80);
  });

  it('score() returns no severity for any possible total', () => {
    expectSeverityFollowsBands({ bands, maxTotal }, score, (total) => withTotal(total));
  });

  it('maxTotal is the highest total score() returns', () => {
    expect(score(Array(20).fill(4)).total).toBe(maxTotal);
  });
});
