import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SyntheticEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { useAddAddendum } from './notes-api.js';

/** A correction or late information on a signed note: why, and what. */
export function AddendumForm({ noteId }: { noteId: string }) {
  const add = useAddAddendum(noteId);
  const [reason, setReason] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = serverFieldErrors(add.error);

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (reason.trim().length < 3) next.reason = 'Give the reason for the addendum (at least 3 characters).';
    if (text.trim() === '') next.text = 'Write the addendum.';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    add.mutate(
      { reason: reason.trim(), text: text.trim() },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: 'Addendum added.' });
          setReason('');
          setText('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add addendum">
      <Stack gap="sm">
        <TextInput
          label="Reason for the addendum"
          description="Such as a correction, or information learned after signing"
          required
          maxLength={500}
          value={reason}
          error={errors.reason ?? server.reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        <Textarea
          label="Addendum"
          required
          autosize
          minRows={3}
          maxLength={20_000}
          value={text}
          error={errors.text ?? server.text}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <ErrorAlert error={Object.keys(server).length > 0 ? null : add.error} />
        <Button type="submit" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
          Add addendum
        </Button>
      </Stack>
    </form>
  );
}
