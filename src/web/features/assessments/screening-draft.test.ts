import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../../../domain/instruments/index.js';
import { isAsked, liveScore, type Draft } from './screening-draft.js';

const YES = 0;
const NO = 1;

describe('screening draft', () => {
  const phq9 = INSTRUMENTS['phq-9'].definition;

  it('never gives a partial score', () => {
    expect(liveScore(phq9, [2, 2, 2], null)).toEqual({ kind: 'incomplete', unanswered: 6 });
  });

  it('scores a complete PHQ-9 with the domain rule', () => {
    const score = liveScore(phq9, [2, 2, 2, 2, 2, 2, 2, 1, 0], null);
    expect(score.kind).toBe('scored');
    if (score.kind === 'scored')
      expect([score.result.total, score.result.severity]).toEqual([15, 'moderately_severe']);
  });

  it('asks ASQ item 5 only after a yes to items 1–4', () => {
    const asq = INSTRUMENTS.asq.definition;
    const allNo: Draft = [NO, NO, NO, NO];
    expect(isAsked(asq, allNo, 4)).toBe(false);
    const negative = liveScore(asq, allNo, null);
    expect(negative.kind === 'scored' && negative.result.severity).toBe('negative');
    const oneYes: Draft = [NO, YES, NO, NO];
    expect(isAsked(asq, oneYes, 4)).toBe(true);
    expect(liveScore(asq, oneYes, null)).toEqual({ kind: 'incomplete', unanswered: 1 });
    const acute = liveScore(asq, [NO, YES, NO, NO, YES], null);
    expect(acute.kind === 'scored' && acute.result.flags).toContain('acute_suicide_risk');
  });

  it('skips C-SSRS 3–5 after a no to 2, and asks 6b only after a yes to 6', () => {
    const cssrs = INSTRUMENTS['c-ssrs'].definition;
    const draft: Draft = [YES, NO, undefined, undefined, undefined, NO];
    expect([2, 3, 4, 6].map((i) => isAsked(cssrs, draft, i))).toEqual([false, false, false, false]);
    const low = liveScore(cssrs, draft, null);
    expect(low.kind === 'scored' && low.result.severity).toBe('low');
    const behaviour: Draft = [YES, NO, undefined, undefined, undefined, YES];
    expect(isAsked(cssrs, behaviour, 6)).toBe(true);
    expect(liveScore(cssrs, behaviour, null)).toEqual({ kind: 'incomplete', unanswered: 1 });
  });

  it('needs the sex for AUDIT-C', () => {
    const auditC = INSTRUMENTS['audit-c'].definition;
    expect(liveScore(auditC, [1, 1, 1], null)).toEqual({ kind: 'incomplete', unanswered: 1 });
    expect(liveScore(auditC, [1, 1, 1], 'female').kind).toBe('scored');
  });
});
