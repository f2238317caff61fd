import { Anchor, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { apiUrl } from '../../app/api.js';
import { isDate } from '../scheduling/dates.js';

/** Signed notes of a date range as one PDF (an audited disclosure). */
export function NotesExportForm({ patientId }: { patientId: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const valid = isDate(from) && isDate(to);
  const backwards = valid && to < from;
  return (
    <Stack gap="xs" role="group" aria-label="Export notes as PDF">
      <Text fw={600}>Export notes as PDF</Text>
      <Group align="flex-end" wrap="wrap">
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput
          label="To"
          type="date"
          value={to}
          error={backwards ? 'The end date is before the start date.' : undefined}
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        {valid && !backwards ? (
          <Anchor href={apiUrl(`/patients/${patientId}/notes/pdf`, { from, to })} download mb={8}>
            Download signed notes {from} to {to} (PDF)
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed" mb={8}>
            Choose both dates to get the download link.
          </Text>
        )}
      </Group>
    </Stack>
  );
}
