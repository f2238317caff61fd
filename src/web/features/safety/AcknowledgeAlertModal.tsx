import { Button, Group, Loader, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { SafetyAlertDto } from '../../../contracts/safety.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { RadioFieldset } from '../../components/RadioFieldset.js';
import { formatWhen } from '../patients/format.js';
import { ACUITY_LABELS, RISK_LEVEL_OPTIONS, type RiskLevel } from './labels.js';
import { useAcknowledgeAlert } from './safety-api.js';
import { useSafetyPlan } from './safety-plan-api.js';

/**
 * A licensed clinician closes an alert with a risk level, a documented risk assessment and a plan,
 * then is offered the next step: writing or reviewing the patient's safety plan.
 */
export function AcknowledgeAlertModal({ alert, onClose }: { alert: SafetyAlertDto; onClose: () => void }) {
  const acknowledge = useAcknowledgeAlert();
  const [acknowledged, setAcknowledged] = useState(false);
  // Fetched now, so the next step knows whether a plan exists the moment the alert is acknowledged.
  useSafetyPlan(alert.patientId);
  const form = useForm<{ riskLevel: RiskLevel | ''; riskAssessment: string; actionPlan: string }>({
    initialValues: { riskLevel: '', riskAssessment: '', actionPlan: '' },
    validate: {
      riskLevel: (value) => (value ? null : 'Choose the risk level you assessed.'),
      riskAssessment: (value) =>
        value.trim().length >= 20 ? null : 'Document the risk assessment (at least a few sentences).',
      actionPlan: (value) => (value.trim() ? null : 'Say what will be done.'),
    },
  });

  const submit = form.onSubmit(({ riskLevel, riskAssessment, actionPlan }) =>
    acknowledge.mutate(
      {
        id: alert.id,
        body: {
          riskLevel: riskLevel as RiskLevel,
          riskAssessment: riskAssessment.trim(),
          actionPlan: actionPlan.trim(),
        },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Alert for ${alert.patientName} acknowledged.` });
          setAcknowledged(true);
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    ),
  );

  return (
    <Modal
      opened
      onClose={onClose}
      title={`${acknowledged ? 'Alert acknowledged' : 'Acknowledge alert'}: ${alert.patientName}`}
      size="lg"
    >
      {acknowledged ? (
        <NextStep alert={alert} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {ACUITY_LABELS[alert.acuity]} · {alert.reason} · raised {formatWhen(alert.createdAt)} · MRN{' '}
              {alert.mrn}
            </Text>
            <RadioFieldset
              legend="Risk level you assessed"
              options={RISK_LEVEL_OPTIONS}
              inline
              required
              {...form.getInputProps('riskLevel')}
            />
            <Textarea
              label="Risk assessment"
              description="What you asked and found: ideation, plan, intent, means, protective factors."
              required
              autosize
              minRows={4}
              {...form.getInputProps('riskAssessment')}
            />
            <Textarea
              label="Action plan"
              description="For example: safety plan reviewed, means restriction, follow-up call tomorrow."
              required
              autosize
              minRows={3}
              {...form.getInputProps('actionPlan')}
            />
            <ErrorAlert error={acknowledge.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" loading={acknowledge.isPending}>
                Acknowledge alert
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** After acknowledging: the safety plan is the next step, started with the alert linked. */
function NextStep({ alert, onClose }: { alert: SafetyAlertDto; onClose: () => void }) {
  const plan = useSafetyPlan(alert.patientId);
  const primary = useRef<HTMLAnchorElement>(null);
  const label = plan.error
    ? 'Open safety plan'
    : plan.data?.current
      ? 'Review safety plan'
      : 'Write safety plan';
  useEffect(() => {
    if (!plan.isLoading) primary.current?.focus();
  }, [plan.isLoading]);

  return (
    <Stack>
      <Text>
        {plan.data?.current
          ? 'Next, review the safety plan with the patient: their risk has changed since it was written.'
          : plan.data
            ? 'Next, write a safety plan with the patient.'
            : 'Next, go through the safety plan with the patient.'}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Not now
        </Button>
        {plan.isLoading ? (
          <Loader size="sm" aria-label="Checking for a safety plan" />
        ) : (
          <Button
            ref={primary}
            component={Link}
            to={`/patients/${alert.patientId}/safety-plan?alert=${alert.id}`}
          >
            {label}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
