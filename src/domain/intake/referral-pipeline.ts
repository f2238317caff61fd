/**
 * The referral pipeline: new → contacted → screening → assessed → accepted | declined |
 * referred_elsewhere; accepted → admitted (admission comes with scheduling). A referral may step
 * back one stage to correct a mistake; a closed referral (declined, referred elsewhere,
 * admitted) does not move again.
 */
export const PIPELINE = ['new', 'contacted', 'screening', 'assessed'] as const;
export const OUTCOMES = ['accepted', 'declined', 'referred_elsewhere'] as const;
export const CLOSED = ['declined', 'referred_elsewhere', 'admitted'] as const;

export type ReferralStage = (typeof PIPELINE)[number] | (typeof OUTCOMES)[number] | 'admitted';

const NEXT: Record<ReferralStage, readonly ReferralStage[]> = {
  new: ['contacted', 'declined', 'referred_elsewhere'],
  contacted: ['screening', 'new', 'declined', 'referred_elsewhere'],
  screening: ['assessed', 'contacted', 'declined', 'referred_elsewhere'],
  assessed: ['accepted', 'declined', 'referred_elsewhere', 'screening'],
  accepted: ['admitted', 'assessed', 'declined', 'referred_elsewhere'],
  declined: [],
  referred_elsewhere: [],
  admitted: [],
};

export function allowedNextStages(from: ReferralStage): readonly ReferralStage[] {
  return NEXT[from];
}

/** Why a move is refused, or undefined when it is allowed. */
export function transitionProblem(
  from: ReferralStage,
  to: ReferralStage,
  details: { reason?: string; destination?: string },
): { field: 'status' | 'reason' | 'destination'; message: string } | undefined {
  if (from === to) return { field: 'status', message: `The referral is already ${label(to)}.` };
  if (to === 'admitted')
    return {
      field: 'status',
      message: 'Admission is done from scheduling, when the person is given a track.',
    };
  if (!NEXT[from].includes(to)) {
    const options = NEXT[from].filter((s) => s !== 'admitted').map(label);
    return {
      field: 'status',
      message: options.length
        ? `A referral that is ${label(from)} can move to: ${options.join(', ')}.`
        : `A referral that is ${label(from)} is closed.`,
    };
  }
  if (to === 'declined' || to === 'referred_elsewhere') {
    if (!details.reason?.trim()) return { field: 'reason', message: 'Give the reason.' };
    if (!details.destination?.trim())
      return {
        field: 'destination',
        message: 'Say where the person was directed (a service, a clinician, or "none").',
      };
  }
  return undefined;
}

export function label(stage: ReferralStage): string {
  return stage.replace('_', ' ');
}
