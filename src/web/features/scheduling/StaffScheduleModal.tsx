import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { StaffDto } from '../../../contracts/scheduling.js';
import type { Weekday } from '../../../domain/schedule/recurrence.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { WEEKDAY_NAMES, WEEKDAY_OPTIONS } from './labels.js';
import { useUpdateStaffScheduling } from './scheduling-api.js';

interface Values {
  credentials: string;
  supervisorId: string | null;
  availability: { weekday: Weekday; start: string; end: string }[];
}

/** Edits one person's credentials, supervisor and weekly hours. */
export function StaffScheduleModal({
  person,
  staff,
  onClose,
}: {
  person: StaffDto;
  staff: readonly StaffDto[];
  onClose: () => void;
}) {
  const update = useUpdateStaffScheduling(person.id);
  const form = useForm<Values>({
    initialValues: {
      credentials: person.credentials ?? '',
      supervisorId: person.supervisor?.id ?? null,
      availability: person.availability.map((w) => ({ ...w })),
    },
    validate: {
      availability: {
        end: (end, values, path) => {
          const i = Number(path.split('.')[1]);
          const start = values.availability[i]?.start ?? '';
          return end > start ? null : 'Ends after it starts';
        },
      },
    },
  });
  const supervisors = staff
    .filter((s) => s.licensed && s.id !== person.id)
    .map((s) => ({ value: s.id, label: s.name }));
  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        credentials: values.credentials.trim() || null,
        supervisorId: values.supervisorId,
        availability: values.availability,
      },
      { onSuccess: onClose, onError: (error) => form.setErrors(serverFieldErrors(error)) },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={`${person.name}: credentials and hours`} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Credentials" placeholder="e.g. LCSW" {...form.getInputProps('credentials')} />
          <Select
            label="Supervisor (for a clinician not yet licensed)"
            clearable
            data={supervisors}
            {...form.getInputProps('supervisorId')}
          />
          <Text fw={600} size="sm">
            Hours that can be booked
          </Text>
          {form.values.availability.length === 0 && (
            <Text size="sm">No hours set: can be booked at any time.</Text>
          )}
          {form.values.availability.map((w, i) => (
            <Group key={i} align="flex-end" role="group" aria-label={`Hours ${i + 1}`}>
              <Select
                label="Day"
                data={WEEKDAY_OPTIONS}
                allowDeselect={false}
                {...form.getInputProps(`availability.${i}.weekday`)}
              />
              <TextInput label="From" type="time" {...form.getInputProps(`availability.${i}.start`)} />
              <TextInput label="Until" type="time" {...form.getInputProps(`availability.${i}.end`)} />
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Remove ${WEEKDAY_NAMES[w.weekday]} ${w.start}–${w.end}`}
                onClick={() => form.removeListItem('availability', i)}
              >
                ×
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() =>
                form.insertListItem('availability', { weekday: 'MO', start: '09:00', end: '17:00' })
              }
            >
              Add hours
            </Button>
          </Group>
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
