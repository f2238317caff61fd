import {
  Button,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import type { Weekday } from '../../../domain/schedule/recurrence.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { isDate, isTime } from './dates.js';
import { RoomSelect, StaffSelect } from './fields.js';
import { GROUP_KIND_OPTIONS, type GroupKind } from './labels.js';
import { useCreateBlock, type Track } from './scheduling-api.js';
import { useClinicToday } from './use-today.js';
import { WeekdayCheckboxes } from './WeekdayCheckboxes.js';

interface BlockFormValues {
  title: string;
  groupKind: GroupKind;
  weekdays: Weekday[];
  start: string;
  end: string;
  facilitatorId: string | null;
  coFacilitatorId: string | null;
  roomId: string | null;
  telehealthUrl: string;
  maxSize: number | string;
  usesCurriculum: boolean;
  activeFrom: string;
}

interface BlockFormModalProps {
  track: Track;
  /** The program's location, whose rooms are offered. */
  locationId: string;
  onClose: () => void;
}

/** Adds a weekly group block to a track: the days, hours, leader and room it meets in. */
export function BlockFormModal({ track, locationId, onClose }: BlockFormModalProps) {
  const create = useCreateBlock(track.id);
  const today = useClinicToday();
  const form = useForm<BlockFormValues>({
    initialValues: {
      title: '',
      groupKind: 'process',
      weekdays: [],
      start: '18:00',
      end: '21:00',
      facilitatorId: null,
      coFacilitatorId: null,
      roomId: null,
      telehealthUrl: '',
      maxSize: 12,
      usesCurriculum: false,
      activeFrom: today,
    },
    validate: {
      title: isNotEmpty('Name the group.'),
      weekdays: (days) => (days.length > 0 ? null : 'Choose at least one day.'),
      start: (v) => (isTime(v) ? null : 'Use HH:MM.'),
      end: (v, values) =>
        !isTime(v) ? 'Use HH:MM.' : v <= values.start ? 'The group ends before it starts.' : null,
      facilitatorId: isNotEmpty('Choose who leads the group.'),
      roomId: (v, values) =>
        v || values.telehealthUrl.trim() ? null : 'Choose a room or give a telehealth link.',
      telehealthUrl: (v) => (!v.trim() || v.trim().startsWith('https://') ? null : 'Use an https:// link.'),
      activeFrom: (v) => (isDate(v) ? null : 'Choose the first date.'),
    },
  });

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        title: values.title.trim(),
        groupKind: values.groupKind,
        weekdays: values.weekdays,
        start: values.start,
        end: values.end,
        facilitatorId: values.facilitatorId ?? '',
        coFacilitatorId: values.coFacilitatorId,
        roomId: values.roomId,
        telehealthUrl: values.telehealthUrl.trim() || null,
        maxSize: Number(values.maxSize),
        usesCurriculum: values.usesCurriculum,
        activeFrom: values.activeFrom,
      },
      { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(error)) },
    ),
  );

  return (
    <Modal opened onClose={onClose} title={`Add a group block to ${track.name}`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Group title" required data-autofocus {...form.getInputProps('title')} />
            <Select
              label="Kind of group"
              data={GROUP_KIND_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('groupKind')}
            />
          </SimpleGrid>
          <WeekdayCheckboxes
            legend="Meets on"
            value={form.values.weekdays}
            onChange={(days) => form.setFieldValue('weekdays', days)}
            error={form.errors.weekdays as string | undefined}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Starts at" type="time" required {...form.getInputProps('start')} />
            <TextInput label="Ends at" type="time" required {...form.getInputProps('end')} />
            <StaffSelect label="Facilitator" required {...form.getInputProps('facilitatorId')} />
            <StaffSelect label="Co-facilitator" clearable {...form.getInputProps('coFacilitatorId')} />
            <RoomSelect label="Room" locationId={locationId} {...form.getInputProps('roomId')} />
            <TextInput
              label="Telehealth link"
              description="Instead of, or as well as, a room"
              type="url"
              placeholder="https://"
              {...form.getInputProps('telehealthUrl')}
            />
            <NumberInput label="Maximum group size" min={1} max={100} {...form.getInputProps('maxSize')} />
            <TextInput label="Active from" type="date" required {...form.getInputProps('activeFrom')} />
          </SimpleGrid>
          <Checkbox
            label="Follows the track’s curriculum"
            {...form.getInputProps('usesCurriculum', { type: 'checkbox' })}
          />
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add group block
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
