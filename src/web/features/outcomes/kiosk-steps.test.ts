import { describe, expect, it } from 'vitest';
import { INSTRUMENTS } from '../../../domain/instruments/index.js';
import { kioskSteps, pruneDraft, questionStem } from './kiosk-steps.js';

describe('kioskSteps', () => {
  it('asks every PHQ-9 item, one per screen', () => {
    const steps = kioskSteps(INSTRUMENTS['phq-9'].definition, []);
    expect(steps).toHaveLength(9);
    expect(steps[0]).toEqual({ kind: 'item', index: 0 });
  });

  it('asks AUDIT-C’s sex question first', () => {
    expect(kioskSteps(INSTRUMENTS['audit-c'].definition, [])[0]).toEqual({ kind: 'sex' });
  });

  it('asks ASQ item 5 only after a yes to items 1–4', () => {
    const asq = INSTRUMENTS.asq.definition;
    const yes = asq.items[0]!.options.findIndex((o) => o.value === true);
    const no = asq.items[0]!.options.findIndex((o) => o.value === false);
    expect(kioskSteps(asq, [no, no, no, no])).toHaveLength(4);
    expect(kioskSteps(asq, [yes, no, no, no])).toHaveLength(5);
    expect(pruneDraft(asq, [no, no, no, no, 0])).toEqual([no, no, no, no, undefined]);
  });
});

describe('questionStem', () => {
  it('frames each instrument’s items as its form does', () => {
    expect(questionStem(INSTRUMENTS['phq-9'].definition)).toBe(
      'Over the past 2 weeks, how often have you been bothered by this?',
    );
    expect(questionStem(INSTRUMENTS['pcl-5'].definition)).toBe(
      'In the past month, how much were you bothered by this?',
    );
    expect(questionStem(INSTRUMENTS['audit-c'].definition)).toBe('Think about the past year.');
    expect(questionStem(INSTRUMENTS.asq.definition)).toBe('');
  });
});
