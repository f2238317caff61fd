import type { EpisodePlanDto } from '../../../contracts/plans.js';
import { firstPlanDraft, planSaveBody, reviewDraftFrom } from './plan-draft.js';
import { useStartPlan } from './plans-api.js';

/**
 * "Write plan" / "Review plan": saves the first draft at once (the episode's diagnoses as problems,
 * or a copy of the signed plan with an empty review), then opens it.
 */
export function useStartPlanAction(data: EpisodePlanDto, onStarted: () => void) {
  const start = useStartPlan(data.episode.id);
  return {
    isPending: start.isPending,
    error: start.error,
    run: () => {
      const draft = data.current ? reviewDraftFrom(data.current) : firstPlanDraft(data.episode);
      start.mutate(planSaveBody(draft), { onSuccess: onStarted });
    },
  };
}
