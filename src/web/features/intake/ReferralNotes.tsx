import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { useAddReferralNote } from './intake-api.js';

export function ReferralNotes({ referral }: { referral: ReferralDetailDto }) {
  const add = useAddReferralNote(referral.id);
  const form = useForm({
    initialValues: { body: '' },
    validate: { body: (value) => (value.trim() ? null : 'Write the note first.') },
  });
  const notes = [...referral.notes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));

  const submit = form.onSubmit(({ body }) => add.mutate(body.trim(), { onSuccess: () => form.reset() }));

  return (
    <Section heading="Notes">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Textarea label="New note" autosize minRows={2} {...form.getInputProps('body')} />
          <ErrorAlert error={add.error} />
          <Button type="submit" variant="default" loading={add.isPending} style={{ alignSelf: 'flex-start' }}>
            Add note
          </Button>
        </Stack>
      </form>
      {notes.length === 0 && <Text size="sm">No notes yet.</Text>}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Notes">
        {notes.map((note) => (
          <Paper key={note.id} component="li" withBorder p="sm">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{note.body}</Text>
            <Text size="xs" c="dimmed" mt={4}>
              {note.author ?? 'Unknown'} · {formatWhen(note.createdAt)}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Section>
  );
}
