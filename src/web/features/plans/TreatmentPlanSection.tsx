import { Button, Group, List, Loader, Stack, Text } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatDate } from '../patients/format.js';
import { ObjectiveScoreBadge, ReviewStatusBadge } from './PlanBadges.js';
import { instrumentName } from './plan-draft.js';
import { usePatientPlan } from './plans-api.js';
import { useStartPlanAction } from './use-start-plan.js';
import type { EpisodePlanDto } from '../../../contracts/plans.js';

/** The patient record's treatment plan: the goals in force and when the plan is next reviewed. */
export function TreatmentPlanSection({ patientId }: { patientId: string }) {
  const plan = usePatientPlan(patientId);
  return (
    <Section
      heading="Treatment plan"
      status={plan.data?.current && <ReviewStatusBadge status={plan.data.current.reviewStatus} />}
    >
      <ErrorAlert error={plan.error} />
      {plan.isLoading && <Loader size="sm" aria-label="Loading treatment plan" />}
      {plan.data === null && <Text size="sm">No episode of care: a plan is written after admission.</Text>}
      {plan.data && <PlanSummary patientId={patientId} data={plan.data} />}
    </Section>
  );
}

function PlanSummary({ patientId, data }: { patientId: string; data: EpisodePlanDto }) {
  const navigate = useNavigate();
  const planPage = `/patients/${patientId}/treatment-plan`;
  const start = useStartPlanAction(data, () => void navigate(`${planPage}?edit=1`));
  const { current, draft } = data;

  if (!current) {
    return (
      <Stack gap="sm">
        <Text>
          {draft ? 'No signed treatment plan yet; a draft is being written.' : 'No treatment plan yet.'}
        </Text>
        <Group>
          {draft ? (
            <Button component={Link} to={draft.canEdit ? `${planPage}?edit=1` : planPage}>
              {draft.canEdit && draft.status === 'draft' ? 'Continue draft' : 'Open treatment plan'}
            </Button>
          ) : (
            <Button loading={start.isPending} onClick={start.run}>
              Write plan
            </Button>
          )}
        </Group>
        <ErrorAlert error={start.error} />
      </Stack>
    );
  }

  const status = new Map(current.objectives.map((o) => [o.objectiveId, o]));
  return (
    <Stack gap="sm">
      <Text>
        Version {current.version}
        {current.signedBy ? `, signed by ${current.signedBy.name}` : ''}
        {current.reviewDueOn ? ` · Review due ${formatDate(current.reviewDueOn)}` : ''}
        {!current.patientSignature ? ' · Not yet signed by the patient' : ''}
      </Text>
      <List spacing="xs">
        {current.content.goals.map((goal, i) => (
          <List.Item key={goal.id}>
            <Text fw={600}>
              Goal {i + 1}: “{goal.statement.trim() || 'Not written'}”
            </Text>
            <List withPadding>
              {goal.objectives.map((o) => (
                <List.Item key={o.id}>
                  <Group gap="xs">
                    <Text size="sm">
                      {o.description.trim() || 'No description'} — by {formatDate(o.targetDate)}
                      {o.scoreTarget
                        ? ` (${instrumentName(o.scoreTarget.instrumentId)} below ${o.scoreTarget.below})`
                        : ''}
                    </Text>
                    {o.scoreTarget && (
                      <ObjectiveScoreBadge
                        status={status.get(o.id)}
                        instrumentId={o.scoreTarget.instrumentId}
                      />
                    )}
                  </Group>
                </List.Item>
              ))}
            </List>
          </List.Item>
        ))}
      </List>
      <Group>
        <Button component={Link} to={planPage}>
          Open treatment plan
        </Button>
      </Group>
    </Stack>
  );
}
