import { Anchor, Button, Group, Loader, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link } from 'react-router';
import { PROGRAM_SETUP_ROLES } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { formatDay, isDate } from './dates.js';
import { LocationSelect } from './fields.js';
import { useClosures, useCreateClosure, useLocations } from './scheduling-api.js';

interface ClosureValues {
  locationId: string | null;
  date: string;
  reason: string;
}

/** /schedule/closures: days a location is closed; adding one cancels that day's sessions. */
export function ClosuresPage() {
  const me = useSignedInMe();
  const canClose = me.roles.some((r) => PROGRAM_SETUP_ROLES.includes(r));
  const closures = useClosures();
  const locations = useLocations();
  const locationName = (id: string) => locations.data?.find((l) => l.id === id)?.name ?? '—';
  const sorted = [...(closures.data ?? [])].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Page title="Closures">
      <Text>
        <Anchor component={Link} to="/schedule">
          Back to the schedule
        </Anchor>
      </Text>
      {canClose && (
        <Section heading="Add a closure">
          <ClosureForm />
        </Section>
      )}
      <Section heading="Closed days">
        <ErrorAlert error={closures.error} />
        {closures.isLoading && <Loader size="sm" aria-label="Loading closures" />}
        {closures.data?.length === 0 && <Text size="sm">No closures.</Text>}
        {sorted.length > 0 && (
          <Table striped aria-label="Closed days">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date</Table.Th>
                <Table.Th>Location</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th>Sessions cancelled</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((closure) => (
                <Table.Tr key={closure.id}>
                  <Table.Td>
                    {formatDay(closure.date)}, {closure.date.slice(0, 4)}
                  </Table.Td>
                  <Table.Td>{locationName(closure.locationId)}</Table.Td>
                  <Table.Td>{closure.reason}</Table.Td>
                  <Table.Td>{closure.cancelledSessions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Page>
  );
}

function ClosureForm() {
  const create = useCreateClosure();
  const locations = useLocations();
  const [confirming, setConfirming] = useState(false);
  const form = useForm<ClosureValues>({
    initialValues: { locationId: null, date: '', reason: '' },
    validate: {
      locationId: isNotEmpty('Choose the location.'),
      date: (v) => (isDate(v) ? null : 'Choose the date.'),
      reason: (v) => (v.trim().length >= 3 ? null : 'Give a reason.'),
    },
  });
  const locationName = locations.data?.find((l) => l.id === form.values.locationId)?.name ?? 'the location';

  const confirm = () =>
    create.mutate(
      { locationId: form.values.locationId ?? '', date: form.values.date, reason: form.values.reason.trim() },
      {
        onSuccess: (closure) => {
          notifications.show({
            color: 'green',
            message: `Closure added. ${closure.cancelledSessions} sessions were cancelled and members notified.`,
          });
          setConfirming(false);
          form.reset();
        },
        onError: (error) => {
          setConfirming(false);
          form.setErrors(serverFieldErrors(error));
        },
      },
    );

  return (
    <form onSubmit={form.onSubmit(() => setConfirming(true))} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <LocationSelect label="Location" required {...form.getInputProps('locationId')} />
          <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
          <TextInput
            label="Reason"
            required
            placeholder="Holiday, weather…"
            {...form.getInputProps('reason')}
          />
        </SimpleGrid>
        <ErrorAlert error={create.error} />
        <Group>
          <Button type="submit">Add closure</Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        title="Close for the day?"
        message={`Every session at ${locationName} on ${form.values.date} will be cancelled, and their members notified.`}
        confirmLabel="Close and cancel sessions"
        danger
        pending={create.isPending}
        error={null}
        onConfirm={confirm}
        onClose={() => setConfirming(false)}
      />
    </form>
  );
}
