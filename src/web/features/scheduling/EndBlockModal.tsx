import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { z } from 'zod';
import type { GroupBlockDto } from '../../../contracts/scheduling.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { isDate } from './dates.js';
import { useEndBlock } from './scheduling-api.js';
import { useClinicToday } from './use-today.js';

/** Ends a weekly group block after a last date; later sessions are no longer held. */
export function EndBlockModal({
  block,
  onClose,
}: {
  block: z.infer<typeof GroupBlockDto>;
  onClose: () => void;
}) {
  const end = useEndBlock();
  const today = useClinicToday();
  const form = useForm({
    initialValues: { lastDate: today, reason: '' },
    validate: {
      lastDate: (v) => (isDate(v) ? null : 'Choose the last date.'),
      reason: (v) => (v.trim().length >= 3 ? null : 'Give a reason.'),
    },
  });
  const submit = form.onSubmit((values) =>
    end.mutate(
      { blockId: block.id, lastDate: values.lastDate, reason: values.reason.trim() },
      { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(error)) },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={`End ${block.title}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">Sessions after the last date are cancelled and members are told.</Text>
          <TextInput label="Last date" type="date" required {...form.getInputProps('lastDate')} />
          <Textarea label="Reason" required autosize minRows={2} {...form.getInputProps('reason')} />
          <ErrorAlert error={end.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Keep the block
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              End block
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
