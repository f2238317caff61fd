import type { z } from 'zod';
import type { LevelOfCareDecisionDto, ReferralDto, ReferralStatus } from '../../../contracts/intake.js';
import type { LevelOfCare } from '../../../domain/level-of-care/rules.js';
import type { intakeRepo, ReferralRow } from './intake.repo.js';

type Rows<K extends 'events' | 'notes' | 'decisions'> = Awaited<ReturnType<(typeof intakeRepo)[K]>>;

export const toReferralDto = (r: ReferralRow): ReferralDto => ({
  id: r.id,
  patient: {
    id: r.patient_id,
    mrn: r.mrn,
    givenName: r.given_name,
    familyName: r.family_name,
    preferredName: r.preferred_name,
    dateOfBirth: r.date_of_birth,
  },
  source: r.source as ReferralDto['source'],
  referrerName: r.referrer_name,
  referrerOrganization: r.referrer_organization,
  referrerPhone: r.referrer_phone,
  referrerEmail: r.referrer_email,
  reason: r.reason,
  urgency: r.urgency as ReferralDto['urgency'],
  consentToContact: r.consent_to_contact,
  status: r.status as ReferralStatus,
  statusChangedAt: r.status_changed_at.toISOString(),
  closedReason: r.closed_reason,
  destination: r.destination,
  createdAt: r.created_at.toISOString(),
});

export const toEvents = (rows: Rows<'events'>) =>
  rows.map((e) => ({
    fromStatus: e.from_status as ReferralStatus | null,
    toStatus: e.to_status as ReferralStatus,
    reason: e.reason,
    destination: e.destination,
    changedBy: e.display_name,
    changedAt: e.changed_at.toISOString(),
  }));

export const toNotes = (rows: Rows<'notes'>) =>
  rows.map((n) => ({
    id: n.id,
    body: n.body,
    author: n.display_name,
    createdAt: n.created_at.toISOString(),
  }));

export const toDecisions = (rows: Rows<'decisions'>): z.infer<typeof LevelOfCareDecisionDto>[] =>
  rows.map((d) => ({
    id: d.id,
    recommendedLevel: d.recommended_level as LevelOfCare,
    crisis: d.crisis,
    reasons: d.reasons,
    rulesetVersion: d.ruleset_version,
    chosenLevel: d.chosen_level as LevelOfCare,
    overrideJustification: d.override_justification,
    asam: d.asam,
    decidedBy: d.display_name,
    decidedAt: d.decided_at.toISOString(),
  }));
