import { describe, expect, it } from 'vitest';
import { allowedNextStages, transitionProblem, type ReferralStage } from './referral-pipeline.js';

const ok = (from: ReferralStage, to: ReferralStage, d = {}) => transitionProblem(from, to, d) === undefined;

describe('referral pipeline', () => {
  it('moves forward one stage at a time', () => {
    expect(ok('new', 'contacted')).toBe(true);
    expect(ok('contacted', 'screening')).toBe(true);
    expect(ok('screening', 'assessed')).toBe(true);
    expect(ok('assessed', 'accepted')).toBe(true);
    expect(ok('new', 'screening')).toBe(false);
    expect(ok('contacted', 'accepted')).toBe(false);
  });

  it('steps back one stage to correct a mistake', () => {
    expect(ok('contacted', 'new')).toBe(true);
    expect(ok('assessed', 'screening')).toBe(true);
    expect(ok('accepted', 'assessed')).toBe(true);
    expect(ok('assessed', 'new')).toBe(false);
  });

  it('declining or referring elsewhere needs a reason and a destination', () => {
    expect(transitionProblem('screening', 'declined', {})?.field).toBe('reason');
    expect(transitionProblem('screening', 'declined', { reason: 'Needs detox first' })?.field).toBe(
      'destination',
    );
    expect(
      transitionProblem('screening', 'referred_elsewhere', { reason: ' ', destination: 'X' })?.field,
    ).toBe('reason');
    expect(
      ok('screening', 'referred_elsewhere', { reason: 'Lives out of area', destination: 'County IOP' }),
    ).toBe(true);
  });

  it('admission happens only from scheduling', () => {
    expect(transitionProblem('accepted', 'admitted', {})?.message).toMatch(/scheduling/);
  });

  it('closed referrals do not move and say so', () => {
    for (const closed of ['declined', 'referred_elsewhere', 'admitted'] as const) {
      expect(allowedNextStages(closed)).toEqual([]);
      expect(transitionProblem(closed, 'new', {})?.message).toMatch(/closed/);
    }
  });

  it('refuses a move to the same stage', () => {
    expect(transitionProblem('new', 'new', {})?.message).toMatch(/already/);
  });
});
