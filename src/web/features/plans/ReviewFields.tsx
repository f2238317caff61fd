import { Fieldset, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { TreatmentPlanDto } from '../../../contracts/plans.js';
import { REVIEW_PROGRESS, REVIEW_PROGRESS_LABELS } from '../../../domain/plans/index.js';
import { formatDate } from '../patients/format.js';
import { ObjectiveScoreBadge } from './PlanBadges.js';
import type { PlanDraft, ReviewDraft } from './plan-draft.js';

const PROGRESS_OPTIONS = REVIEW_PROGRESS.map((value) => ({ value, label: REVIEW_PROGRESS_LABELS[value] }));

interface ReviewFieldsProps {
  /** The signed version under review. */
  previous: TreatmentPlanDto;
  review: ReviewDraft;
  onChange: (review: PlanDraft['review']) => void;
  onBlur: () => void;
  errors: Readonly<Record<string, string>>;
}

/** How each objective of the signed version went, and a summary of the review. */
export function ReviewFields({ previous, review, onChange, onBlur, errors }: ReviewFieldsProps) {
  const status = new Map(previous.objectives.map((o) => [o.objectiveId, o]));
  const set = (objectiveId: string, patch: Partial<ReviewDraft['progress'][string]>) =>
    onChange({
      ...review,
      progress: {
        ...review.progress,
        [objectiveId]: { progress: null, comment: '', ...review.progress[objectiveId], ...patch },
      },
    });

  return (
    <Stack>
      <Text size="sm">
        Reviewing version {previous.version}
        {previous.effectiveOn ? `, in force since ${formatDate(previous.effectiveOn)}` : ''}. The new version
        below starts as a copy of it: change what the review calls for.
      </Text>
      {errors['review.progress'] && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {errors['review.progress']}
        </Text>
      )}
      {previous.content.goals.map((goal, gi) =>
        goal.objectives.map((objective, oi) => {
          const name = `goal ${gi + 1}, objective ${oi + 1}`;
          const value = review.progress[objective.id] ?? { progress: null, comment: '' };
          return (
            <Fieldset key={objective.id} legend={`Goal ${gi + 1}, objective ${oi + 1}`}>
              <Stack gap="xs">
                <Text>
                  {objective.description.trim() || 'No description'} — by {formatDate(objective.targetDate)}
                </Text>
                {objective.scoreTarget && (
                  <ObjectiveScoreBadge
                    status={status.get(objective.id)}
                    instrumentId={objective.scoreTarget.instrumentId}
                  />
                )}
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Progress"
                    aria-label={`Progress, ${name}`}
                    placeholder="Choose"
                    data={PROGRESS_OPTIONS}
                    value={value.progress}
                    error={errors[`review.${objective.id}`]}
                    onChange={(v) => set(objective.id, { progress: v ?? null })}
                  />
                  <TextInput
                    label="Comment"
                    aria-label={`Comment, ${name}`}
                    maxLength={2000}
                    value={value.comment}
                    onChange={(e) => set(objective.id, { comment: e.currentTarget.value })}
                    onBlur={onBlur}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          );
        }),
      )}
      <Textarea
        label="Review summary"
        description="How treatment is going overall, and why the plan changes (or stays)"
        autosize
        minRows={3}
        maxLength={4000}
        value={review.summary}
        error={errors['review.summary']}
        onChange={(e) => onChange({ ...review, summary: e.currentTarget.value })}
        onBlur={onBlur}
      />
    </Stack>
  );
}
