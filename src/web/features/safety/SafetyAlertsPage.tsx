import { Anchor, Badge, Button, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { SafetyAlertDto } from '../../../contracts/safety.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { elapsed, formatWhen } from '../patients/format.js';
import { AcknowledgeAlertModal } from './AcknowledgeAlertModal.js';
import { ACUITY_LABELS } from './labels.js';
import { useOpenSafetyAlerts } from './safety-api.js';
import { TaskList } from './TaskList.js';

/** /safety-alerts: open alerts, acute and escalated first, each acknowledged from here. */
export function SafetyAlertsPage() {
  const alerts = useOpenSafetyAlerts();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('alert');
  const found = alerts.data?.find((alert) => alert.id === selectedId);
  // Once acknowledged the alert leaves the open list, but its dialog stays to offer the next step.
  const [held, setHeld] = useState<SafetyAlertDto | undefined>(undefined);
  if (found && found !== held) setHeld(found);
  const selected = found ?? (held?.id === selectedId ? held : undefined);
  const sorted = [...(alerts.data ?? [])].sort(
    (a, b) =>
      Number(b.acuity === 'acute') - Number(a.acuity === 'acute') ||
      Number(!!b.escalatedAt) - Number(!!a.escalatedAt) ||
      Date.parse(a.createdAt) - Date.parse(b.createdAt),
  );
  const select = (id: string | null) => setParams(id ? { alert: id } : {}, { replace: true });

  return (
    <Page title="Safety alerts">
      <Group>
        <Text>Positive suicide-risk results waiting for a licensed clinician’s risk assessment.</Text>
        {alerts.isFetching && <Loader size="sm" aria-label="Loading alerts" />}
      </Group>
      <ErrorAlert error={alerts.error} />
      {alerts.data?.length === 0 && <Text fw={600}>No open safety alerts.</Text>}
      {sorted.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table striped highlightOnHover aria-label="Open safety alerts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Acuity</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Open for</Table.Th>
                <Table.Th>Escalation</Table.Th>
                <Table.Th>Action</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((alert) => (
                <Table.Tr key={alert.id}>
                  <Table.Td>
                    <Anchor size="sm" component={Link} to={`/patients/${alert.patientId}`}>
                      {alert.patientName}
                    </Anchor>
                    <Text size="xs">MRN {alert.mrn}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge color={alert.acuity === 'acute' ? 'red.9' : 'yellow.4'} autoContrast>
                      {ACUITY_LABELS[alert.acuity]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{alert.reason}</Table.Td>
                  <Table.Td>{elapsed(alert.createdAt)}</Table.Td>
                  <Table.Td>
                    {alert.escalatedAt ? (
                      <Badge color="red.9" variant="outline">
                        Escalated
                      </Badge>
                    ) : (
                      <Text size="sm">Escalates {formatWhen(alert.escalateAt)}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      onClick={() => select(alert.id)}
                      aria-label={`Acknowledge alert for ${alert.patientName}`}
                    >
                      Acknowledge
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <TaskList />
      {selected && <AcknowledgeAlertModal alert={selected} onClose={() => select(null)} />}
    </Page>
  );
}
