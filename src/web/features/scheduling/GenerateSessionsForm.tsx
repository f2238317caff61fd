import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { addDays, isDate } from './dates.js';
import { ConflictList } from './ScheduleProblems.js';
import { useGenerateSessions, type Track } from './scheduling-api.js';
import { useClinicToday } from './use-today.js';

/** Puts the track's weekly groups on the calendar up to a date. */
export function GenerateSessionsForm({ track }: { track: Track }) {
  const today = useClinicToday();
  const [through, setThrough] = useState(() => addDays(today, 28));
  const generate = useGenerateSessions(track.id);
  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (isDate(through)) generate.mutate(through);
  };
  return (
    <form onSubmit={submit} aria-label={`Generate sessions for ${track.name}`}>
      <Stack gap="xs">
        <Group align="flex-end">
          <TextInput
            label="Generate sessions through"
            type="date"
            value={through}
            onChange={(e) => setThrough(e.currentTarget.value)}
            required
          />
          <Button type="submit" variant="default" loading={generate.isPending} disabled={!isDate(through)}>
            Generate sessions through {through}
          </Button>
        </Group>
        <ErrorAlert error={generate.error} />
        {generate.data && (
          <Text size="sm" role="status">
            {generate.data.created === 0
              ? `Sessions were already on the calendar through ${generate.data.through}.`
              : `${generate.data.created} sessions added through ${generate.data.through}.`}
          </Text>
        )}
        {!!generate.data?.skipped.length && (
          <ConflictList
            title="Left off the calendar"
            conflicts={generate.data.skipped.map((skip) => ({
              ...skip,
              message: `${skip.date}: ${skip.message}`,
            }))}
          />
        )}
      </Stack>
    </form>
  );
}
