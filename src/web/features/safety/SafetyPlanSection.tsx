import { Badge, Button, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { useSafetyPlan } from './safety-plan-api.js';
import { reasonLabel } from './safety-plan-form.js';

/** The patient record's view of the safety plan: which version is current, whether it needs review. */
export function SafetyPlanSection({ patientId }: { patientId: string }) {
  const plan = useSafetyPlan(patientId);
  const current = plan.data?.current;
  const to = `/patients/${patientId}/safety-plan`;
  return (
    <Section
      heading="Safety plan"
      status={
        current &&
        plan.data?.review.needed && (
          <Badge color="yellow.4" autoContrast>
            Review needed
          </Badge>
        )
      }
    >
      <ErrorAlert error={plan.error} />
      {plan.isLoading && <Loader size="sm" aria-label="Loading the safety plan" />}
      {plan.data &&
        (current ? (
          <>
            <Text>
              Version {current.version}, written {formatWhen(current.createdAt)} by {current.author} (
              {reasonLabel(current.reason)}).
            </Text>
            {plan.data.review.needed && (
              <Text fw={600}>
                {plan.data.review.reason ?? 'Risk changed since this plan was written: review it.'}
              </Text>
            )}
            <Button component={Link} to={to} style={{ alignSelf: 'flex-start' }}>
              Open safety plan
            </Button>
          </>
        ) : (
          <>
            <Text>No safety plan yet.</Text>
            <Button component={Link} to={`${to}?edit=1`} style={{ alignSelf: 'flex-start' }}>
              Write safety plan
            </Button>
          </>
        ))}
    </Section>
  );
}
