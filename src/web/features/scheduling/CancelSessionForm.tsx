import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { useCancelSession } from './scheduling-api.js';

/** Cancels a session; the server tells its members. */
export function CancelSessionForm({ session, onDone }: { session: SessionDto; onDone: () => void }) {
  const cancel = useCancelSession(session.id);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (v) => (v.trim().length >= 3 ? null : 'Give a reason.') },
  });
  const submit = form.onSubmit((values) =>
    cancel.mutate(values.reason.trim(), {
      onSuccess: () => {
        notifications.show({ color: 'green', message: `${session.title} was cancelled.` });
        onDone();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Cancel this session">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Cancel this session
        </Title>
        <Text size="sm">Everyone booked into it is notified.</Text>
        <Textarea
          label="Reason for cancelling"
          required
          autosize
          minRows={2}
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <ErrorAlert error={cancel.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Keep the session
          </Button>
          <Button type="submit" color="red" loading={cancel.isPending}>
            Cancel session
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
