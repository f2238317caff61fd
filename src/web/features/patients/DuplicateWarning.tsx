import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { PatientSummary } from '../../../contracts/patients.js';
import { formatDateOfBirth, patientName } from './format.js';

interface DuplicateWarningProps {
  duplicates: PatientSummary[];
  /** What choosing a match does: use it for this referral, or open its record. */
  useLabel: string;
  onUse: (patient: PatientSummary) => void;
  /** Sends the request again, confirming the person is someone else. */
  onCreateAnyway: () => void;
  pending: boolean;
}

/** The server found patients with the same name and date of birth: pick one, or confirm a new person. */
export function DuplicateWarning({
  duplicates,
  useLabel,
  onUse,
  onCreateAnyway,
  pending,
}: DuplicateWarningProps) {
  return (
    <Alert
      color="yellow"
      variant="light"
      role="alert"
      title="This person may already have a record"
      // Mantine's yellow title is too pale on the light background (WCAG AA).
      styles={{ title: { color: 'var(--mantine-color-black)' } }}
    >
      <Stack gap="sm">
        <Text size="sm">
          A patient with the same name and date of birth exists. Use the existing record if it is the same
          person, so their history stays in one place.
        </Text>
        <List spacing="xs" listStyleType="none" ml={0}>
          {duplicates.map((patient) => (
            <List.Item key={patient.id}>
              <Group gap="sm">
                <Text size="sm" fw={600}>
                  {patientName(patient)}
                </Text>
                <Text size="sm">MRN {patient.mrn}</Text>
                <Text size="sm">Born {formatDateOfBirth(patient.dateOfBirth)}</Text>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => onUse(patient)}
                  aria-label={`${useLabel}: ${patientName(patient)}, MRN ${patient.mrn}`}
                >
                  {useLabel}
                </Button>
              </Group>
            </List.Item>
          ))}
        </List>
        <Button
          variant="outline"
          color="dark"
          loading={pending}
          onClick={onCreateAnyway}
          style={{ alignSelf: 'flex-start' }}
        >
          It is a different person: create a new record
        </Button>
      </Stack>
    </Alert>
  );
}
