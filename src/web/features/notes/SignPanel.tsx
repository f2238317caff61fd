import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { AttestationCheckbox } from './AttestationCheckbox.js';

interface SignPanelProps {
  attested: boolean;
  onAttest: (attested: boolean) => void;
  attestError: string | null;
  /** Messages about the signature as a whole (nothing chosen, a field the form does not show). */
  messages: readonly string[];
  error: unknown;
  pending: boolean;
  label: string;
  onSign: () => void;
  /** Shown above the attestation: a summary of what is signed, a warning to confirm. */
  children?: ReactNode;
}

/** The attestation and the sign button, shared by the group note and a single note. */
export function SignPanel(props: SignPanelProps) {
  return (
    <Stack gap="sm">
      {props.children}
      <AttestationCheckbox checked={props.attested} onChange={props.onAttest} error={props.attestError} />
      {props.messages.length > 0 && (
        <Alert color="yellow" variant="light" role="alert">
          {props.messages.join(' ')}
        </Alert>
      )}
      <ErrorAlert error={props.error} />
      <Group>
        <Button size="lg" loading={props.pending} onClick={props.onSign}>
          {props.label}
        </Button>
        <Text size="sm" c="dimmed">
          A signed note no longer changes; later corrections are addenda.
        </Text>
      </Group>
    </Stack>
  );
}
