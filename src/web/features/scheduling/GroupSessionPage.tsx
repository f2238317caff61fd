import {
  Anchor,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate } from 'react-router';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { RadioFieldset } from '../../components/RadioFieldset.js';
import { isDate, isTime } from './dates.js';
import { RoomSelect, StaffSelect } from './fields.js';
import { GROUP_KIND_OPTIONS, type GroupKind } from './labels.js';
import { ScheduleError } from './ScheduleProblems.js';
import { useCreateGroupSession, usePrograms } from './scheduling-api.js';
import { useClinicToday } from './use-today.js';

interface GroupSessionValues {
  trackId: string | null;
  origin: 'one_off' | 'make_up';
  title: string;
  groupKind: GroupKind;
  date: string;
  start: string;
  end: string;
  facilitatorId: string | null;
  coFacilitatorId: string | null;
  roomId: string | null;
  telehealthUrl: string;
  maxSize: number | string;
  addTrackMembers: boolean;
}

const ORIGIN_OPTIONS = [
  { value: 'one_off', label: 'One-off group' },
  { value: 'make_up', label: 'Make-up for a missed or cancelled group' },
] as const;

/** /schedule/group-sessions/new: a single group session outside the track's weekly blocks. */
export function GroupSessionPage() {
  const navigate = useNavigate();
  const today = useClinicToday();
  const programs = usePrograms();
  const create = useCreateGroupSession();
  const form = useForm<GroupSessionValues>({
    initialValues: {
      trackId: null,
      origin: 'one_off',
      title: '',
      groupKind: 'process',
      date: today,
      start: '18:00',
      end: '19:30',
      facilitatorId: null,
      coFacilitatorId: null,
      roomId: null,
      telehealthUrl: '',
      maxSize: 12,
      addTrackMembers: true,
    },
    validate: {
      trackId: isNotEmpty('Choose the track.'),
      title: isNotEmpty('Name the session.'),
      date: (v) => (isDate(v) ? null : 'Choose a date.'),
      start: (v) => (isTime(v) ? null : 'Use HH:MM.'),
      end: (v, values) =>
        !isTime(v) ? 'Use HH:MM.' : v <= values.start ? 'The session ends before it starts.' : null,
      facilitatorId: isNotEmpty('Choose who leads the session.'),
      roomId: (v, values) =>
        v || values.telehealthUrl.trim() ? null : 'Choose a room or give a telehealth link.',
      telehealthUrl: (v) => (!v.trim() || v.trim().startsWith('https://') ? null : 'Use an https:// link.'),
    },
  });
  const program = programs.data?.find((p) => p.tracks.some((t) => t.id === form.values.trackId));
  const trackOptions = (programs.data ?? []).map((p) => ({
    group: p.name,
    items: p.tracks.map((t) => ({ value: t.id, label: t.name })),
  }));

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        trackId: values.trackId ?? '',
        origin: values.origin,
        title: values.title.trim(),
        groupKind: values.groupKind,
        date: values.date,
        start: values.start,
        end: values.end,
        facilitatorId: values.facilitatorId ?? '',
        coFacilitatorId: values.coFacilitatorId,
        roomId: values.roomId,
        telehealthUrl: values.telehealthUrl.trim() || null,
        maxSize: Number(values.maxSize),
        addTrackMembers: values.addTrackMembers,
        patientIds: [],
      },
      {
        onSuccess: (session) => {
          notifications.show({
            color: 'green',
            message: `${session.title} was added on ${session.localDate}.`,
          });
          void navigate(`/schedule?scope=track&id=${values.trackId ?? ''}&date=${session.localDate}`);
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    ),
  );

  return (
    <Page title="Add group session">
      <Text>
        <Anchor component={Link} to="/schedule">
          Back to the schedule
        </Anchor>
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={720}>
          <RadioFieldset
            legend="Kind of session"
            options={ORIGIN_OPTIONS}
            value={form.values.origin}
            onChange={(origin) => form.setFieldValue('origin', origin)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Track"
              data={trackOptions}
              required
              searchable
              {...form.getInputProps('trackId')}
              onChange={(v: string | null) => form.setValues({ trackId: v, roomId: null })}
            />
            <TextInput label="Session title" required {...form.getInputProps('title')} />
            <Select
              label="Kind of group"
              data={GROUP_KIND_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('groupKind')}
            />
            <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
            <TextInput label="Starts at" type="time" required {...form.getInputProps('start')} />
            <TextInput label="Ends at" type="time" required {...form.getInputProps('end')} />
            <StaffSelect label="Facilitator" required {...form.getInputProps('facilitatorId')} />
            <StaffSelect label="Co-facilitator" clearable {...form.getInputProps('coFacilitatorId')} />
            <RoomSelect
              label="Room"
              description={program ? undefined : 'Choose the track first'}
              locationId={program?.locationId}
              {...form.getInputProps('roomId')}
            />
            <TextInput
              label="Telehealth link"
              type="url"
              placeholder="https://"
              {...form.getInputProps('telehealthUrl')}
            />
            <NumberInput label="Maximum group size" min={1} max={100} {...form.getInputProps('maxSize')} />
          </SimpleGrid>
          <Checkbox
            label="Add the track’s current members"
            {...form.getInputProps('addTrackMembers', { type: 'checkbox' })}
          />
          <ScheduleError error={create.error} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              Add group session
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
