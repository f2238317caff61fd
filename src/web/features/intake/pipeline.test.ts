import { describe, expect, it } from 'vitest';
import type { ReferralDto } from '../../../contracts/intake.js';
import { allowedMoves, groupByStage } from './pipeline.js';

const referral = (id: string, fields: Partial<ReferralDto>): ReferralDto => ({
  id,
  patient: {
    id: `p-${id}`,
    mrn: id,
    givenName: 'A',
    familyName: id,
    preferredName: null,
    dateOfBirth: null,
  },
  source: 'self',
  referrerName: null,
  referrerOrganization: null,
  referrerPhone: null,
  referrerEmail: null,
  reason: 'x',
  urgency: 'routine',
  consentToContact: true,
  status: 'new',
  statusChangedAt: '2026-05-01T00:00:00Z',
  closedReason: null,
  destination: null,
  createdAt: '2026-05-01T00:00:00Z',
  ...fields,
});

describe('intake pipeline', () => {
  it('offers one step on and one back, and closing, from an open stage', () => {
    expect(allowedMoves('new')).toEqual({ next: 'contacted', back: null, canClose: true });
    expect(allowedMoves('assessed')).toEqual({ next: 'accepted', back: 'screening', canClose: true });
    expect(allowedMoves('accepted')).toEqual({ next: null, back: 'assessed', canClose: true });
  });

  it('offers nothing once a referral is closed or admitted', () => {
    for (const status of ['declined', 'referred_elsewhere', 'admitted'] as const) {
      expect(allowedMoves(status)).toEqual({ next: null, back: null, canClose: false });
    }
  });

  it('sorts each stage by urgency, then the longest waiting first', () => {
    const groups = groupByStage([
      referral('routine-old', { statusChangedAt: '2026-04-01T00:00:00Z' }),
      referral('urgent-new', { urgency: 'urgent', statusChangedAt: '2026-05-02T00:00:00Z' }),
      referral('urgent-old', { urgency: 'urgent', statusChangedAt: '2026-05-01T00:00:00Z' }),
      referral('emergent', { urgency: 'emergent', statusChangedAt: '2026-05-03T00:00:00Z' }),
      referral('closed', { status: 'declined' }),
      referral('waiting', { status: 'accepted' }),
    ]);
    expect(groups.new.map((r) => r.id)).toEqual(['emergent', 'urgent-old', 'urgent-new', 'routine-old']);
    expect(groups.accepted.map((r) => r.id)).toEqual(['waiting']);
    expect(Object.values(groups).flat()).toHaveLength(5);
  });
});
