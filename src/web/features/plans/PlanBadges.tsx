import { Badge } from '@mantine/core';
import { PLAN_STATUS_LABELS, type TreatmentPlanDto } from '../../../contracts/plans.js';
import { REVIEW_STATUS_LABELS, instrumentName, type ReviewStatus } from './plan-draft.js';

type ObjectiveStatus = TreatmentPlanDto['objectives'][number];

/** "Review overdue" / "Review due this week"; nothing when the review is not yet due. */
export function ReviewStatusBadge({ status }: { status: ReviewStatus | null }) {
  if (status === 'overdue') {
    return (
      <Badge color="red.9" size="lg">
        {REVIEW_STATUS_LABELS.overdue}
      </Badge>
    );
  }
  if (status === 'due_this_week') {
    return (
      <Badge color="yellow.4" autoContrast size="lg">
        {REVIEW_STATUS_LABELS.due_this_week}
      </Badge>
    );
  }
  if (status === 'no_plan') {
    return (
      <Badge color="gray.7" size="lg">
        {REVIEW_STATUS_LABELS.no_plan}
      </Badge>
    );
  }
  return null;
}

export function PlanStatusBadge({ status }: { status: TreatmentPlanDto['status'] }) {
  const color = status === 'signed' ? 'teal.9' : status === 'draft' ? 'blue.9' : 'gray.7';
  return (
    <Badge color={color} size="lg">
      {PLAN_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The score target against the latest score: met, not met yet, or no score yet. */
export function ObjectiveScoreBadge({
  status,
  instrumentId,
}: {
  status: ObjectiveStatus | undefined;
  instrumentId: string;
}) {
  const name = instrumentName(instrumentId);
  if (!status || status.progress === 'no_score') {
    return (
      <Badge variant="outline" color="gray.8" size="md">
        No {name} score yet
      </Badge>
    );
  }
  const latest = `latest ${name} ${status.latestTotal ?? ''}`.trim();
  return status.progress === 'met' ? (
    <Badge color="teal.9" size="md">
      Target met ({latest})
    </Badge>
  ) : (
    <Badge color="yellow.4" autoContrast size="md">
      Not met yet ({latest})
    </Badge>
  );
}
