import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import classes from './CrisisSteps.module.css';
import type { CrisisSteps } from './safety-api.js';

interface CrisisStepsDialogProps {
  crisis: CrisisSteps;
  /** Who the steps are about, when known. */
  patientName?: string;
  /** A safety alert now waits for a licensed clinician. */
  alertRaised?: boolean;
  onClose: () => void;
}

/**
 * The crisis steps as a modal alert dialog that opens at once and takes focus. Escape does not
 * dismiss it: the person closes it only by confirming they have started the steps.
 */
export function CrisisStepsDialog({
  crisis,
  patientName,
  alertRaised = false,
  onClose,
}: CrisisStepsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-steps`}
      className={classes.dialog}
      onCancel={(event) => event.preventDefault()}
    >
      <Stack>
        <Title order={2} id={`${id}-title`} c="red.9">
          {crisis.headline}
        </Title>
        {patientName && <Text fw={600}>Patient: {patientName}</Text>}
        <ol id={`${id}-steps`} className={classes.steps}>
          {crisis.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
        {alertRaised && (
          <Text size="sm">
            A safety alert has been raised for a licensed clinician, who must acknowledge it with a risk
            assessment.
          </Text>
        )}
        <Group justify="flex-end">
          <Button color="red.9" onClick={onClose} autoFocus>
            I am following these steps
          </Button>
        </Group>
      </Stack>
    </dialog>
  );
}
