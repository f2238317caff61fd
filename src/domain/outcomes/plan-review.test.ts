import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REVIEW_INTERVAL_DAYS,
  nextReviewDate,
  reviewIntervalDays,
  reviewStatus,
} from './plan-review.js';

describe('reviewIntervalDays', () => {
  it('defaults to 30 days', () => {
    expect(DEFAULT_REVIEW_INTERVAL_DAYS).toBe(30);
    expect(reviewIntervalDays(null)).toBe(30);
    expect(reviewIntervalDays(undefined, undefined)).toBe(30);
    expect(reviewIntervalDays(null, null)).toBe(30);
  });

  it('takes the shorter of the program and payer intervals', () => {
    expect(reviewIntervalDays(60, 21)).toBe(21);
    expect(reviewIntervalDays(14, 30)).toBe(14);
    expect(reviewIntervalDays(45)).toBe(45);
    expect(reviewIntervalDays(45, null)).toBe(45);
    expect(reviewIntervalDays(null, 21)).toBe(21);
    expect(reviewIntervalDays(undefined, 60)).toBe(30); // program default still applies
    expect(reviewIntervalDays(30, 30)).toBe(30);
  });

  it('throws unless intervals are whole days ≥ 1', () => {
    expect(() => reviewIntervalDays(0)).toThrow(/program review interval/);
    expect(() => reviewIntervalDays(7.5)).toThrow(/program/);
    expect(() => reviewIntervalDays(Number.NaN)).toThrow(/program/);
    expect(() => reviewIntervalDays(30, -1)).toThrow(/payer review interval/);
    expect(() => reviewIntervalDays(30, Infinity)).toThrow(/payer/);
  });
});

describe('nextReviewDate', () => {
  it('counts from the plan start when never reviewed', () => {
    expect(nextReviewDate({ startedOn: '2026-03-02', intervalDays: 30 })).toBe('2026-04-01');
    expect(nextReviewDate({ startedOn: '2026-03-02', lastReviewedOn: null, intervalDays: 30 })).toBe(
      '2026-04-01',
    );
  });

  it('counts from the last review', () => {
    expect(nextReviewDate({ startedOn: '2026-03-02', lastReviewedOn: '2026-03-30', intervalDays: 30 })).toBe(
      '2026-04-29',
    );
    expect(nextReviewDate({ startedOn: '2026-03-02', lastReviewedOn: '2026-03-02', intervalDays: 1 })).toBe(
      '2026-03-03',
    );
  });

  it('crosses month ends, February, leap years and year ends in calendar days', () => {
    expect(nextReviewDate({ startedOn: '2026-01-31', intervalDays: 30 })).toBe('2026-03-02');
    expect(nextReviewDate({ startedOn: '2028-01-31', intervalDays: 30 })).toBe('2028-03-01');
    expect(nextReviewDate({ startedOn: '2026-12-15', intervalDays: 30 })).toBe('2027-01-14');
    expect(nextReviewDate({ startedOn: '2026-10-31', intervalDays: 60 })).toBe('2026-12-30');
    expect(nextReviewDate({ startedOn: '2026-03-01', intervalDays: 7 })).toBe('2026-03-08'); // US DST day
  });

  it('throws on invalid dates, a review before the start, or an invalid interval', () => {
    expect(() => nextReviewDate({ startedOn: '2026-02-29', intervalDays: 30 })).toThrow(/startedOn/);
    expect(() => nextReviewDate({ startedOn: '2026-03-02', lastReviewedOn: 'x', intervalDays: 30 })).toThrow(
      /lastReviewedOn/,
    );
    expect(() =>
      nextReviewDate({ startedOn: '2026-03-02', lastReviewedOn: '2026-03-01', intervalDays: 30 }),
    ).toThrow(/before the plan started/);
    expect(() => nextReviewDate({ startedOn: '2026-03-02', intervalDays: 0 })).toThrow(/intervalDays/);
  });
});

describe('reviewStatus', () => {
  // 2026-11-23 is a Monday, 2026-11-29 a Sunday.
  it('is overdue when the due date is before today, even earlier the same week', () => {
    expect(reviewStatus('2026-11-24', '2026-11-25')).toBe('overdue');
    expect(reviewStatus('2026-10-01', '2026-11-25')).toBe('overdue');
  });

  it('is due this week from today to Sunday', () => {
    expect(reviewStatus('2026-11-25', '2026-11-25')).toBe('due_this_week');
    expect(reviewStatus('2026-11-29', '2026-11-25')).toBe('due_this_week');
    expect(reviewStatus('2026-11-30', '2026-11-25')).toBe('not_due');
  });

  it('on a Monday the whole week through Sunday counts', () => {
    expect(reviewStatus('2026-11-23', '2026-11-23')).toBe('due_this_week');
    expect(reviewStatus('2026-11-29', '2026-11-23')).toBe('due_this_week');
    expect(reviewStatus('2026-11-30', '2026-11-23')).toBe('not_due');
    expect(reviewStatus('2026-11-22', '2026-11-23')).toBe('overdue');
  });

  it('on a Sunday only today counts; Monday is next week', () => {
    expect(reviewStatus('2026-11-29', '2026-11-29')).toBe('due_this_week');
    expect(reviewStatus('2026-11-30', '2026-11-29')).toBe('not_due');
    expect(reviewStatus('2026-11-28', '2026-11-29')).toBe('overdue');
  });

  it('handles weeks spanning month and year ends', () => {
    // Thursday 2026-12-31; that week ends Sunday 2027-01-03.
    expect(reviewStatus('2027-01-03', '2026-12-31')).toBe('due_this_week');
    expect(reviewStatus('2027-01-04', '2026-12-31')).toBe('not_due');
    // Friday 2026-01-30; that week ends Sunday 2026-02-01.
    expect(reviewStatus('2026-02-01', '2026-01-30')).toBe('due_this_week');
  });

  it('throws on invalid dates', () => {
    expect(() => reviewStatus('2026-13-01', '2026-11-25')).toThrow(/dueOn/);
    expect(() => reviewStatus('2026-11-25', '')).toThrow(/today/);
  });
});
