import type { ReferralDto, ReferralStatus } from '../../../contracts/intake.js';
import { allowedNextStages } from '../../../domain/intake/referral-pipeline.js';
import { URGENCY_ORDER } from './labels.js';

/** The open stages in order; `accepted` is the waitlist awaiting admission. */
export const PIPELINE = ['new', 'contacted', 'screening', 'assessed', 'accepted'] as const;
export type PipelineStage = (typeof PIPELINE)[number];

/** Closing a referral needs a reason and where the person was directed. */
export const CLOSING_STATUSES = ['declined', 'referred_elsewhere'] as const;
export type ClosingStatus = (typeof CLOSING_STATUSES)[number];

export function isPipelineStage(status: ReferralStatus): status is PipelineStage {
  return PIPELINE.some((stage) => stage === status);
}

/**
 * The moves the referral page offers from a stage, as the domain pipeline allows them: one step on,
 * one step back, or closing. Admission (accepted → admitted) happens in scheduling.
 */
export function allowedMoves(status: ReferralStatus): {
  next: PipelineStage | null;
  back: PipelineStage | null;
  canClose: boolean;
} {
  const allowed = allowedNextStages(status);
  const i = isPipelineStage(status) ? PIPELINE.indexOf(status) : -1;
  const step = (stage: PipelineStage | undefined) =>
    i >= 0 && stage !== undefined && allowed.includes(stage) ? stage : null;
  return {
    next: step(PIPELINE[i + 1]),
    back: step(PIPELINE[i - 1]),
    canClose: CLOSING_STATUSES.every((s) => allowed.includes(s)),
  };
}

/** Within a stage: most urgent first, then the longest waiting. */
export function compareForBoard(a: ReferralDto, b: ReferralDto): number {
  const byUrgency = URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency);
  return byUrgency !== 0 ? byUrgency : Date.parse(a.statusChangedAt) - Date.parse(b.statusChangedAt);
}

/** Open referrals by stage, each stage sorted for the board. */
export function groupByStage(referrals: readonly ReferralDto[]): Record<PipelineStage, ReferralDto[]> {
  const groups = Object.fromEntries(PIPELINE.map((stage) => [stage, [] as ReferralDto[]])) as Record<
    PipelineStage,
    ReferralDto[]
  >;
  for (const referral of referrals) {
    if (isPipelineStage(referral.status)) groups[referral.status].push(referral);
  }
  for (const stage of PIPELINE) groups[stage].sort(compareForBoard);
  return groups;
}
