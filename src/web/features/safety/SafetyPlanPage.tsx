import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { SafetyPlanDto } from '../../../contracts/safety-plans.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { formatWhen, patientName } from '../patients/format.js';
import { usePatient } from '../patients/patients-api.js';
import { SafetyPlanEditor } from './SafetyPlanEditor.js';
import { SafetyPlanView } from './SafetyPlanView.js';
import { safetyPlanPdfUrl, useSafetyPlan, useSafetyPlanVersion } from './safety-plan-api.js';
import { reasonLabel } from './safety-plan-form.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REVIEW_BANNER_TITLE = 'Risk changed since this plan was written: review it';

/**
 * /patients/:id/safety-plan: the patient's current safety plan, its versions, and the editor that
 * writes a new version. `?alert=<safetyAlertId>` (from acknowledging an alert) opens the editor with
 * the alert linked and "risk changed" as the reason; `?edit=1` opens the editor straight away.
 */
export function SafetyPlanPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const alertParam = params.get('alert');
  const alertId = alertParam && UUID.test(alertParam) ? alertParam : null;
  const patient = usePatient(id);
  const plan = useSafetyPlan(id);
  const [editing, setEditing] = useState(alertId !== null || params.get('edit') === '1');
  const name = patient.data ? patientName(patient.data) : null;
  const title = name ? `Safety plan: ${name}` : 'Safety plan';

  const done = () => {
    setEditing(false);
    if (params.size > 0) setParams({}, { replace: true });
    window.scrollTo({ top: 0 });
  };

  const error = plan.error ?? patient.error;
  if (error || !plan.data) {
    return (
      <Page title={title}>
        <ErrorAlert error={error} />
        {!error && <Loader aria-label="Loading the safety plan" />}
        <Anchor component={Link} to={`/patients/${id}`}>
          Back to the patient record
        </Anchor>
      </Page>
    );
  }

  const current = plan.data.current;
  return (
    <Page
      title={title}
      actions={
        <Group>
          <Button component={Link} to={`/patients/${id}`} variant="default">
            Patient record
          </Button>
          {!editing && current && (
            <Button
              component="a"
              href={safetyPlanPdfUrl(id)}
              target="_blank"
              rel="noopener"
              variant="default"
            >
              Print (PDF)
              <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
            </Button>
          )}
          {!editing && current && <Button onClick={() => setEditing(true)}>Update plan</Button>}
        </Group>
      }
    >
      {editing ? (
        <SafetyPlanEditor patientId={id} plan={plan.data} alertId={alertId} onDone={done} />
      ) : (
        <PlanOverview patientId={id} plan={plan.data} onEdit={() => setEditing(true)} />
      )}
    </Page>
  );
}

function PlanOverview({
  patientId,
  plan,
  onEdit,
}: {
  patientId: string;
  plan: SafetyPlanDto;
  onEdit: () => void;
}) {
  const [viewing, setViewing] = useState<number | null>(null);
  const { current, review } = plan;

  if (!current) {
    return (
      <Alert color="yellow" variant="light" title="No safety plan yet">
        <Stack gap="sm" align="flex-start">
          <Text>
            Write it together with the patient: the signs that a hard time is starting, what helps, and who to
            reach out to. The 988 Suicide &amp; Crisis Lifeline is already on it.
          </Text>
          <Button onClick={onEdit}>Write safety plan</Button>
        </Stack>
      </Alert>
    );
  }

  return (
    <>
      {review.needed && (
        <Alert color="orange" variant="light" role="alert" title={REVIEW_BANNER_TITLE}>
          <Stack gap="sm" align="flex-start">
            {review.reason && <Text>{review.reason}</Text>}
            <Button onClick={onEdit}>Review and update plan</Button>
          </Stack>
        </Alert>
      )}
      <Text>
        Version {current.version}, written {formatWhen(current.createdAt)} by {current.author} (
        {reasonLabel(current.reason)}).
      </Text>
      <SafetyPlanView content={current.content} />
      <Section heading="Version history">
        <Table.ScrollContainer minWidth={560}>
          <Table striped aria-label="Safety plan versions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Version</Table.Th>
                <Table.Th>Date</Table.Th>
                <Table.Th>Author</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...plan.versions]
                .sort((a, b) => b.version - a.version)
                .map((version) => (
                  <Table.Tr key={version.id}>
                    <Table.Td>
                      {version.version}
                      {version.version === current.version ? ' (current)' : ''}
                    </Table.Td>
                    <Table.Td>{formatWhen(version.createdAt)}</Table.Td>
                    <Table.Td>{version.author}</Table.Td>
                    <Table.Td>{reasonLabel(version.reason)}</Table.Td>
                    <Table.Td>
                      {version.version !== current.version && (
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setViewing(version.version)}
                          aria-label={`View version ${version.version}`}
                        >
                          View
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      {viewing !== null && (
        <VersionModal patientId={patientId} version={viewing} onClose={() => setViewing(null)} />
      )}
    </>
  );
}

/** An older version, read-only, with its own printable copy. */
function VersionModal({
  patientId,
  version,
  onClose,
}: {
  patientId: string;
  version: number;
  onClose: () => void;
}) {
  const older = useSafetyPlanVersion(patientId, version);
  return (
    <Modal opened onClose={onClose} title={`Safety plan, version ${version}`} size="xl">
      <Stack>
        <ErrorAlert error={older.error} />
        {older.isLoading && <Loader size="sm" aria-label={`Loading version ${version}`} />}
        {older.data && (
          <>
            <Text>
              Written {formatWhen(older.data.createdAt)} by {older.data.author} (
              {reasonLabel(older.data.reason)}). This is not the current plan.
            </Text>
            <SafetyPlanView content={older.data.content} headingLevel={3} />
          </>
        )}
        <Group justify="flex-end">
          <Button
            component="a"
            href={safetyPlanPdfUrl(patientId, version)}
            target="_blank"
            rel="noopener"
            variant="default"
          >
            Print version {version} (PDF)
            <VisuallyHidden> (opens in a new tab)</VisuallyHidden>
          </Button>
          <Button onClick={onClose}>Back to the current plan</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
