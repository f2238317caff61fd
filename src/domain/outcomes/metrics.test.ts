import { describe, expect, it } from 'vitest';
import {
  changeSinceLast,
  DEFAULT_OUTCOME_THRESHOLDS,
  SYMPTOM_SCALES,
  summarizeOutcome,
  type OutcomeThresholds,
  type Score,
} from './metrics.js';

const DAY = 24 * 60 * 60 * 1000;
const t0 = new Date(Date.UTC(2026, 0, 5, 15));
const at = (days: number): Date => new Date(t0.getTime() + days * DAY);
const s = (days: number, total: number): Score => ({ administeredAt: at(days), total });
const summarize = (id: string, scores: Score[], nowDays = 7, th?: OutcomeThresholds) =>
  summarizeOutcome(id, scores, at(nowDays), th);

describe('DEFAULT_OUTCOME_THRESHOLDS', () => {
  it('carries the documented defaults and is frozen', () => {
    expect(DEFAULT_OUTCOME_THRESHOLDS).toMatchObject({
      responseDrop: 0.5,
      remissionBelow: { 'phq-9': 5, 'gad-7': 5 },
      reliableChange: { 'phq-9': 6, 'gad-7': 4 },
      notOnTrackAfterWeeks: 4,
    });
    expect(DEFAULT_OUTCOME_THRESHOLDS.version).toMatch(/\S/);
    expect(Object.isFrozen(DEFAULT_OUTCOME_THRESHOLDS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_OUTCOME_THRESHOLDS.remissionBelow)).toBe(true);
    expect(Object.isFrozen(DEFAULT_OUTCOME_THRESHOLDS.reliableChange)).toBe(true);
  });

  it('lists the higher-is-worse symptom scales', () => {
    for (const id of ['phq-9', 'gad-7', 'pcl-5', 'audit', 'audit-c', 'dast-10']) {
      expect(SYMPTOM_SCALES).toContain(id);
    }
    for (const id of ['mdq', 'asq', 'c-ssrs']) expect(SYMPTOM_SCALES).not.toContain(id);
  });
});

describe('summarizeOutcome: baseline and latest', () => {
  it('returns an empty summary without scores', () => {
    expect(summarize('phq-9', [], 100)).toEqual({
      instrumentId: 'phq-9',
      baseline: null,
      latest: null,
      change: null,
      percentChange: null,
      response: false,
      remission: false,
      reliableImprovement: false,
      reliableWorsening: false,
      notOnTrack: false,
      flags: [],
    });
  });

  it('uses the earliest as baseline and the most recent as latest, whatever the input order', () => {
    const scores = [s(14, 12), s(0, 20), s(21, 9), s(7, 15)];
    const r = summarize('phq-9', scores, 21);
    expect(r.baseline).toEqual(s(0, 20));
    expect(r.latest).toEqual(s(21, 9));
    expect(r.change).toBe(-11);
    expect(r.percentChange).toBeCloseTo(-55);
    expect(scores[0]).toEqual(s(14, 12)); // input not mutated
  });

  it('treats a single score as baseline and latest with no change and no outcome', () => {
    const r = summarize('phq-9', [s(0, 3)], 1);
    expect(r.baseline).toEqual(r.latest);
    expect(r.change).toBe(0);
    expect(r.percentChange).toBe(0);
    expect(r.response).toBe(false);
    expect(r.remission).toBe(false); // a lone baseline is not an outcome
    expect(r.reliableImprovement).toBe(false);
    expect(r.reliableWorsening).toBe(false);
    expect(r.flags).toEqual([]);
  });

  it('keeps input order for equal times (first is baseline, last is latest)', () => {
    const r = summarize('phq-9', [s(0, 10), s(0, 12), s(0, 4)], 1);
    expect(r.baseline?.total).toBe(10);
    expect(r.latest?.total).toBe(4);
  });
});

describe('summarizeOutcome: response', () => {
  it('is a response at exactly a 50 % drop and not one point short', () => {
    expect(summarize('phq-9', [s(0, 20), s(7, 10)]).response).toBe(true);
    expect(summarize('phq-9', [s(0, 20), s(7, 11)]).response).toBe(false);
    expect(summarize('phq-9', [s(0, 15), s(7, 8)]).response).toBe(false); // 46.7 %
    expect(summarize('phq-9', [s(0, 15), s(7, 7)]).response).toBe(true); // 53.3 %
  });

  it('words the response flag with the rounded percentage', () => {
    const r = summarize('phq-9', [s(0, 21), s(7, 10)]);
    expect(r.flags).toContain('Response (52 % lower than baseline)');
  });

  it('never counts a response from a baseline of 0, and leaves percentChange null', () => {
    const r = summarize('phq-9', [s(0, 0), s(7, 0)]);
    expect(r.percentChange).toBeNull();
    expect(r.change).toBe(0);
    expect(r.response).toBe(false);
    const worse = summarize('phq-9', [s(0, 0), s(7, 6)]);
    expect(worse.percentChange).toBeNull();
    expect(worse.reliableWorsening).toBe(true);
  });

  it('counts a drop exactly at a configured fraction despite floating point (0.3 × 10)', () => {
    const th = { ...DEFAULT_OUTCOME_THRESHOLDS, responseDrop: 0.3 };
    expect(summarize('phq-9', [s(0, 10), s(7, 7)], 7, th).response).toBe(true);
    expect(summarize('phq-9', [s(0, 10), s(7, 8)], 7, th).response).toBe(false);
  });

  it('reports a rise as a positive percentChange and no response', () => {
    const r = summarize('gad-7', [s(0, 8), s(7, 10)]);
    expect(r.percentChange).toBeCloseTo(25);
    expect(r.response).toBe(false);
  });
});

describe('summarizeOutcome: remission', () => {
  it('is a remission when the latest PHQ-9 is 4, not when it is 5', () => {
    expect(summarize('phq-9', [s(0, 12), s(7, 4)]).remission).toBe(true);
    expect(summarize('phq-9', [s(0, 12), s(7, 5)]).remission).toBe(false);
  });

  it('uses the GAD-7 default of 5', () => {
    expect(summarize('gad-7', [s(0, 12), s(7, 4)]).remission).toBe(true);
    expect(summarize('gad-7', [s(0, 12), s(7, 5)]).remission).toBe(false);
  });

  it('is never a remission for an instrument without a cut-off', () => {
    expect(summarize('pcl-5', [s(0, 40), s(7, 0)]).remission).toBe(false);
    expect(summarize('audit-c', [s(0, 8), s(7, 0)]).remission).toBe(false);
  });

  it('words the remission flag', () => {
    expect(summarize('phq-9', [s(0, 12), s(7, 3)]).flags).toContain('Remission (latest 3, below 5)');
  });
});

describe('summarizeOutcome: reliable change', () => {
  it('PHQ-9: 6 points either way is reliable, 5 is not', () => {
    const better = summarize('phq-9', [s(0, 18), s(7, 12)]);
    expect(better.reliableImprovement).toBe(true);
    expect(better.reliableWorsening).toBe(false);
    expect(better.flags).toContain('Reliable improvement (6 points lower than baseline)');
    expect(summarize('phq-9', [s(0, 18), s(7, 13)]).reliableImprovement).toBe(false);
    const worse = summarize('phq-9', [s(0, 8), s(7, 14)]);
    expect(worse.reliableWorsening).toBe(true);
    expect(worse.reliableImprovement).toBe(false);
    expect(worse.flags).toContain('Reliable worsening (6 points higher than baseline)');
    expect(summarize('phq-9', [s(0, 8), s(7, 13)]).reliableWorsening).toBe(false);
  });

  it('GAD-7: 4 points either way is reliable, 3 is not', () => {
    expect(summarize('gad-7', [s(0, 14), s(7, 10)]).reliableImprovement).toBe(true);
    expect(summarize('gad-7', [s(0, 14), s(7, 11)]).reliableImprovement).toBe(false);
    expect(summarize('gad-7', [s(0, 10), s(7, 14)]).reliableWorsening).toBe(true);
    expect(summarize('gad-7', [s(0, 10), s(7, 13)]).reliableWorsening).toBe(false);
  });

  it('compares latest with baseline, not with the score before it', () => {
    const r = summarize('phq-9', [s(0, 20), s(7, 10), s(14, 14)], 14);
    expect(r.reliableImprovement).toBe(true); // 20 → 14
    expect(r.reliableWorsening).toBe(false); // 10 → 14 is not the comparison
  });

  it('is never reliable for an instrument without a threshold (PCL-5 by default)', () => {
    const r = summarize('pcl-5', [s(0, 60), s(7, 20)]);
    expect(r.reliableImprovement).toBe(false);
    expect(r.reliableWorsening).toBe(false);
    expect(r.response).toBe(true);
  });
});

describe('summarizeOutcome: not on track', () => {
  const weeks4 = 28;

  it('flags no reliable improvement exactly 4 weeks after baseline, not a minute before', () => {
    const scores = [s(0, 16), s(7, 15), s(14, 14), s(21, 13)];
    const due = summarizeOutcome('phq-9', scores, at(weeks4));
    expect(due.notOnTrack).toBe(true);
    expect(due.flags).toContain('Not on track: no reliable improvement after 4 weeks');
    const early = summarizeOutcome('phq-9', scores, new Date(at(weeks4).getTime() - 60_000));
    expect(early.notOnTrack).toBe(false);
  });

  it('says how many whole weeks have passed', () => {
    const r = summarize('phq-9', [s(0, 16), s(7, 15)], 45);
    expect(r.flags).toContain('Not on track: no reliable improvement after 6 weeks');
  });

  it('is on track once reliable improvement is reached', () => {
    expect(summarize('phq-9', [s(0, 16), s(21, 10)], 60).notOnTrack).toBe(false);
  });

  it('counts a baseline never followed up as no improvement', () => {
    expect(summarize('gad-7', [s(0, 12)], 28).notOnTrack).toBe(true);
  });

  it('is not judged for an instrument without a reliable-change threshold', () => {
    expect(summarize('audit-c', [s(0, 9), s(30, 9)], 60).notOnTrack).toBe(false);
  });

  it('is false with no scores and when now is before the baseline', () => {
    expect(summarize('phq-9', [], 400).notOnTrack).toBe(false);
    expect(summarize('phq-9', [s(0, 16)], -3).notOnTrack).toBe(false);
  });

  it('follows a configured number of weeks, including 0', () => {
    const th = { ...DEFAULT_OUTCOME_THRESHOLDS, notOnTrackAfterWeeks: 2 };
    expect(summarize('phq-9', [s(0, 16), s(7, 15)], 14, th).notOnTrack).toBe(true);
    expect(summarize('phq-9', [s(0, 16), s(7, 15)], 13, th).notOnTrack).toBe(false);
    const zero = { ...DEFAULT_OUTCOME_THRESHOLDS, notOnTrackAfterWeeks: 0 };
    expect(summarize('phq-9', [s(0, 16)], 0, zero).flags).toContain(
      'Not on track: no reliable improvement after 0 weeks',
    );
  });
});

describe('summarizeOutcome: flags together', () => {
  it('lists response, remission and reliable improvement in that order', () => {
    expect(summarize('phq-9', [s(0, 14), s(28, 4)], 28).flags).toEqual([
      'Response (71 % lower than baseline)',
      'Remission (latest 4, below 5)',
      'Reliable improvement (10 points lower than baseline)',
    ]);
  });

  it('uses singular words for one point and one week', () => {
    const th: OutcomeThresholds = {
      ...DEFAULT_OUTCOME_THRESHOLDS,
      reliableChange: { 'phq-9': 1 },
      notOnTrackAfterWeeks: 1,
    };
    expect(summarize('phq-9', [s(0, 5), s(7, 6)], 7, th).flags).toEqual([
      'Reliable worsening (1 point higher than baseline)',
      'Not on track: no reliable improvement after 1 week',
    ]);
  });
});

describe('summarizeOutcome: configuration and validation', () => {
  it('uses configured thresholds per instrument', () => {
    const th: OutcomeThresholds = {
      version: 'test-1',
      responseDrop: 0.5,
      remissionBelow: { 'pcl-5': 20 },
      reliableChange: { 'pcl-5': 10 },
      notOnTrackAfterWeeks: 4,
    };
    const r = summarize('pcl-5', [s(0, 45), s(28, 19)], 28, th);
    expect(r.remission).toBe(true);
    expect(r.reliableImprovement).toBe(true);
    expect(summarize('phq-9', [s(0, 12), s(7, 3)], 7, th).remission).toBe(false); // not configured
  });

  it('refuses an instrument not known to be a higher-is-worse symptom scale', () => {
    expect(() => summarize('mdq', [s(0, 8)])).toThrow(/not a known symptom scale/);
    expect(() => summarize('who-5', [s(0, 8)])).toThrow(/who-5/);
    expect(() => summarize('', [])).toThrow(/instrumentId/);
  });

  it('accepts an unknown instrument once the thresholds configure it', () => {
    const th = { ...DEFAULT_OUTCOME_THRESHOLDS, reliableChange: { 'k-10': 8 } };
    expect(summarize('k-10', [s(0, 30), s(7, 22)], 7, th).reliableImprovement).toBe(true);
    const rem = { ...DEFAULT_OUTCOME_THRESHOLDS, remissionBelow: { 'k-10': 16 } };
    expect(summarize('k-10', [s(0, 30), s(7, 15)], 7, rem).remission).toBe(true);
  });

  it('throws on non-finite or negative totals and invalid dates', () => {
    expect(() => summarize('phq-9', [s(0, Number.NaN)])).toThrow(/Invalid total for score 1/);
    expect(() => summarize('phq-9', [s(0, 3), s(1, Infinity)])).toThrow(/score 2/);
    expect(() => summarize('phq-9', [s(0, -1)])).toThrow(/non-negative/);
    expect(() => summarize('phq-9', [{ administeredAt: new Date('nope'), total: 3 }])).toThrow(
      /Invalid administeredAt/,
    );
    expect(() => summarizeOutcome('phq-9', [], new Date(Number.NaN))).toThrow(/Invalid now/);
  });

  it('throws on bad thresholds', () => {
    const bad = (patch: Partial<OutcomeThresholds>) => () =>
      summarize('phq-9', [s(0, 10)], 7, { ...DEFAULT_OUTCOME_THRESHOLDS, ...patch });
    expect(bad({ version: ' ' })).toThrow(/version/);
    expect(bad({ responseDrop: 0 })).toThrow(/responseDrop/);
    expect(bad({ responseDrop: 1.5 })).toThrow(/responseDrop/);
    expect(bad({ responseDrop: Number.NaN })).toThrow(/responseDrop/);
    expect(bad({ remissionBelow: { 'phq-9': -1 } })).toThrow(/remissionBelow\["phq-9"\]/);
    expect(bad({ reliableChange: { 'phq-9': 0 } })).toThrow(/reliableChange\["phq-9"\]/);
    expect(bad({ reliableChange: { 'gad-7': Infinity } })).toThrow(/reliableChange/);
    expect(bad({ notOnTrackAfterWeeks: -1 })).toThrow(/notOnTrackAfterWeeks/);
    expect(bad({ remissionBelow: null as unknown as Record<string, number> })).toThrow(/remissionBelow/);
  });
});

describe('changeSinceLast', () => {
  it('is null with fewer than two scores', () => {
    expect(changeSinceLast([])).toBeNull();
    expect(changeSinceLast([s(0, 10)])).toBeNull();
  });

  it('compares the two most recent scores, whatever the input order', () => {
    expect(changeSinceLast([s(14, 14), s(0, 20), s(7, 17)])).toEqual({
      latest: s(14, 14),
      previous: s(7, 17),
      change: -3,
    });
    expect(changeSinceLast([s(7, 9), s(0, 9)])?.change).toBe(0);
  });

  it('treats the later input as later among equal times', () => {
    expect(changeSinceLast([s(0, 5), s(0, 8)])?.change).toBe(3);
  });

  it('throws on invalid scores', () => {
    expect(() => changeSinceLast([s(0, 5), s(1, Number.NaN)])).toThrow(/Invalid total/);
    expect(() => changeSinceLast([{ administeredAt: new Date(Number.NaN), total: 1 }])).toThrow(
      /administeredAt/,
    );
  });
});
