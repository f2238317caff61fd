import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import type { AttendeeRow } from './note-draft.js';

interface AttendeesEditorProps {
  rows: readonly AttendeeRow[];
  onChange: (rows: AttendeeRow[]) => void;
  onBlur: () => void;
  error?: string;
}

/** Who attended a family session: one row per person, name and relationship. */
export function AttendeesEditor({ rows, onChange, onBlur, error }: AttendeesEditorProps) {
  const set = (i: number, patch: Partial<AttendeeRow>) =>
    onChange(rows.map((row, j) => (j === i ? { ...row, ...patch } : row)));
  return (
    <Stack gap="xs" role="group" aria-label="Attendees">
      <Text fw={600}>Attendees</Text>
      <Text size="sm" c="dimmed">
        Everyone besides the patient who took part. A row is saved once both fields are filled.
      </Text>
      {rows.map((row, i) => (
        <Group key={i} align="flex-end" wrap="wrap">
          <TextInput
            label={`Attendee ${i + 1} name`}
            value={row.name}
            maxLength={120}
            onChange={(event) => set(i, { name: event.currentTarget.value })}
            onBlur={onBlur}
          />
          <TextInput
            label={`Attendee ${i + 1} relationship`}
            description="To the patient, such as Mother"
            value={row.relationship}
            maxLength={60}
            onChange={(event) => set(i, { relationship: event.currentTarget.value })}
            onBlur={onBlur}
          />
          <Button variant="default" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove attendee {i + 1}
          </Button>
        </Group>
      ))}
      {error && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {error}
        </Text>
      )}
      <Button
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        disabled={rows.length >= 12}
        onClick={() => onChange([...rows, { name: '', relationship: '' }])}
      >
        Add attendee
      </Button>
    </Stack>
  );
}
