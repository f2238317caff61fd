import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TreatmentPlanDto } from '../../../contracts/plans.js';
import {
  DISCIPLINE_LABELS,
  MODALITY_LABELS,
  REVIEW_PROGRESS_LABELS,
  describeFrequency,
} from '../../../domain/plans/index.js';
import { formatDate, formatWhen } from '../patients/format.js';
import { ObjectiveScoreBadge } from './PlanBadges.js';
import { instrumentName, objectivesOf } from './plan-draft.js';

const orNone = (text: string) => text.trim() || 'Not written';

/** A plan read-only: problems, goals with objectives and score progress, interventions, criteria. */
export function PlanView({ plan }: { plan: TreatmentPlanDto }) {
  const { content } = plan;
  const problemName = new Map(content.problems.map((p, i) => [p.id, `Problem ${i + 1}`]));
  const goalName = new Map(content.goals.map((g, i) => [g.id, `Goal ${i + 1}`]));
  const objectiveStatus = new Map(plan.objectives.map((o) => [o.objectiveId, o]));
  const objectiveText = new Map(
    objectivesOf(content).map(({ objective }) => [objective.id, objective.description]),
  );

  return (
    <Stack gap="md">
      {plan.review && (
        <Stack gap={4}>
          <Title order={3} size="h4">
            Review of the previous version
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{orNone(plan.review.summary)}</Text>
          {plan.review.progress.length > 0 && (
            <List>
              {plan.review.progress.map((p) => (
                <List.Item key={p.objectiveId}>
                  {objectiveText.get(p.objectiveId) ?? 'Objective no longer in the plan'}:{' '}
                  {REVIEW_PROGRESS_LABELS[p.progress]}
                  {p.comment ? ` — ${p.comment}` : ''}
                </List.Item>
              ))}
            </List>
          )}
          {plan.review.changes.length > 0 && (
            <>
              <Text fw={600}>Changes</Text>
              <List>
                {plan.review.changes.map((c) => (
                  <List.Item key={c}>{c}</List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
      )}

      <Stack gap={4}>
        <Title order={3} size="h4">
          Problems
        </Title>
        {content.problems.length === 0 && <Text>None.</Text>}
        {content.problems.map((p, i) => (
          <div key={p.id}>
            <Text fw={600}>
              Problem {i + 1}: {orNone(p.statement)}
            </Text>
            <Text size="sm">
              {p.diagnoses.length
                ? p.diagnoses.map((d) => `${d.code} ${d.display}`).join('; ')
                : 'No diagnosis'}
            </Text>
          </div>
        ))}
      </Stack>

      <Stack gap={4}>
        <Title order={3} size="h4">
          Goals
        </Title>
        {content.goals.length === 0 && <Text>None.</Text>}
        {content.goals.map((g, i) => (
          <div key={g.id}>
            <Text fw={600}>
              Goal {i + 1}: “{orNone(g.statement)}”
            </Text>
            <Text size="sm">
              Addresses:{' '}
              {g.problemIds
                .map((id) => problemName.get(id) ?? '')
                .filter(Boolean)
                .join(', ') || 'no problem'}
            </Text>
            <List>
              {g.objectives.map((o) => (
                <List.Item key={o.id}>
                  <Group gap="xs">
                    <Text>
                      {orNone(o.description)} — by {formatDate(o.targetDate)}
                      {o.scoreTarget
                        ? ` (${instrumentName(o.scoreTarget.instrumentId)} below ${o.scoreTarget.below})`
                        : ''}
                    </Text>
                    {o.scoreTarget && (
                      <ObjectiveScoreBadge
                        status={objectiveStatus.get(o.id)}
                        instrumentId={o.scoreTarget.instrumentId}
                      />
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </div>
        ))}
      </Stack>

      <Stack gap={4}>
        <Title order={3} size="h4">
          Interventions
        </Title>
        {content.interventions.length === 0 && <Text>None.</Text>}
        <List>
          {content.interventions.map((n) => (
            <List.Item key={n.id}>
              {MODALITY_LABELS[n.modality]}, {describeFrequency(n.frequencyPerWeek)} ·{' '}
              {DISCIPLINE_LABELS[n.discipline]} · {orNone(n.description)}
              {n.goalIds.length > 0 && (
                <Text span size="sm">
                  {' '}
                  (for{' '}
                  {n.goalIds
                    .map((id) => goalName.get(id) ?? '')
                    .filter(Boolean)
                    .join(', ')}
                  )
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      </Stack>

      <div>
        <Title order={3} size="h4">
          Discharge criteria
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{orNone(content.dischargeCriteria)}</Text>
      </div>
      <div>
        <Title order={3} size="h4">
          Step-down criteria
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{orNone(content.stepDownCriteria)}</Text>
      </div>
      {plan.payerReviewIntervalDays !== null && (
        <Text>Payer review interval: every {plan.payerReviewIntervalDays} days</Text>
      )}
      {plan.sensitivity.length > 0 && (
        <Group gap="xs">
          {plan.sensitivity.map((s) => (
            <Badge key={s} color="grape.9">
              {s === 'part2' ? '42 CFR Part 2' : s}
            </Badge>
          ))}
        </Group>
      )}
    </Stack>
  );
}

/** Who signed, when, and the SHA-256 of what they signed; the co-signature when one is needed. */
export function PlanSignatures({ plan }: { plan: TreatmentPlanDto }) {
  return (
    <Stack gap={4}>
      {plan.signedAt ? (
        <Text>
          Signed by {plan.signedBy?.name ?? 'unknown'} on {formatWhen(plan.signedAt)}
        </Text>
      ) : (
        <Text>Not signed yet{plan.author ? ` (written by ${plan.author.name})` : ''}.</Text>
      )}
      {plan.contentSha256 && (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          SHA-256 <code>{plan.contentSha256}</code>
        </Text>
      )}
      {plan.cosigner &&
        (plan.cosignedAt ? (
          <Text>
            Co-signed by {plan.cosigner.name} on {formatWhen(plan.cosignedAt)}
          </Text>
        ) : (
          <Text>Awaiting co-signature by {plan.cosigner.name}.</Text>
        ))}
    </Stack>
  );
}
