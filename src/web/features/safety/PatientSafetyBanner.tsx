import { Alert, Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedInMe } from '../../app/auth.js';
import { elapsed } from '../patients/format.js';
import { INTAKE_ROLES, LICENSED_ROLES } from '../../../domain/identity/roles.js';
import { hasAnyRole } from '../patients/access.js';
import { ACUITY_LABELS } from './labels.js';
import { usePatientSafetyAlerts } from './safety-api.js';

/** Open safety alerts at the top of a chart, with the way to acknowledge them. Nothing when none. */
export function PatientSafetyBanner({ patientId }: { patientId: string }) {
  const me = useSignedInMe();
  const alerts = usePatientSafetyAlerts(patientId, hasAnyRole(me.roles, INTAKE_ROLES));
  const open = (alerts.data ?? []).filter((alert) => alert.status === 'open');
  if (open.length === 0) return null;
  const canAcknowledge = hasAnyRole(me.roles, LICENSED_ROLES);

  return (
    <Alert
      color="red"
      variant="filled"
      role="alert"
      title={open.length === 1 ? 'Open safety alert' : `${open.length} open safety alerts`}
    >
      <List spacing={4} c="white">
        {open.map((alert) => (
          <List.Item key={alert.id}>
            <Text span fw={700} c="white">
              {ACUITY_LABELS[alert.acuity]}
              {alert.escalatedAt ? ', escalated' : ''}:
            </Text>{' '}
            <Text span c="white">
              {alert.reason} (raised {elapsed(alert.createdAt)} ago).
            </Text>{' '}
            {canAcknowledge ? (
              <Anchor
                component={Link}
                to={`/safety-alerts?alert=${alert.id}`}
                c="white"
                fw={700}
                underline="always"
              >
                Acknowledge this alert
              </Anchor>
            ) : (
              <Text span c="white">
                A licensed clinician must acknowledge it.
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
