import { Button, Group, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { isDate, isTime } from './dates.js';
import { RoomSelect } from './fields.js';
import { intensityShortfallOf } from './problems.js';
import { ScheduleError } from './ScheduleProblems.js';
import { useMoveSession } from './scheduling-api.js';

interface MoveValues {
  date: string;
  start: string;
  end: string;
  roomId: string | null;
  reason: string;
  intensityOverrideReason: string;
}

/** Moves a session to another date, time or room; clashes and intensity shortfalls come back from the server. */
export function MoveSessionForm({ session, onDone }: { session: SessionDto; onDone: () => void }) {
  const move = useMoveSession(session.id);
  const shortfall = intensityShortfallOf(move.error);
  const form = useForm<MoveValues>({
    initialValues: {
      date: session.localDate,
      start: session.start,
      end: session.end,
      roomId: session.room?.id ?? null,
      reason: '',
      intensityOverrideReason: '',
    },
    validate: {
      date: (v) => (isDate(v) ? null : 'Choose a date.'),
      start: (v) => (isTime(v) ? null : 'Use HH:MM.'),
      end: (v, values) =>
        !isTime(v) ? 'Use HH:MM.' : v <= values.start ? 'The session ends before it starts.' : null,
      reason: (v) => (v.trim().length >= 3 ? null : 'Give a reason.'),
      intensityOverrideReason: (v) =>
        shortfall && v.trim().length < 3 ? 'Say why the move should go ahead anyway.' : null,
    },
  });
  const submit = form.onSubmit((values) =>
    move.mutate(
      {
        date: values.date,
        start: values.start,
        end: values.end,
        roomId: values.roomId,
        reason: values.reason.trim(),
        intensityOverrideReason: values.intensityOverrideReason.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `${session.title} was moved.` });
          onDone();
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="Move this session">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Move this session
        </Title>
        <SimpleGrid cols={3}>
          <TextInput label="New date" type="date" required {...form.getInputProps('date')} />
          <TextInput label="Starts at" type="time" required {...form.getInputProps('start')} />
          <TextInput label="Ends at" type="time" required {...form.getInputProps('end')} />
        </SimpleGrid>
        <RoomSelect label="Room" locationId={session.locationId} {...form.getInputProps('roomId')} />
        <Textarea
          label="Reason for the move"
          required
          autosize
          minRows={2}
          {...form.getInputProps('reason')}
        />
        <ScheduleError error={move.error} />
        {shortfall && (
          <Textarea
            label="Reason for saving anyway"
            required
            autosize
            minRows={2}
            {...form.getInputProps('intensityOverrideReason')}
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Don’t move
          </Button>
          <Button type="submit" loading={move.isPending}>
            {shortfall ? 'Move anyway' : 'Move session'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
