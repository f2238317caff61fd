import { Badge, Button, Loader, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import type { StaffDto } from '../../../contracts/scheduling.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { WEEKDAY_SHORT } from './labels.js';
import { useStaff } from './scheduling-api.js';
import { StaffScheduleModal } from './StaffScheduleModal.js';

const describeHours = (staff: StaffDto) =>
  staff.availability.length === 0
    ? 'Any time'
    : staff.availability.map((w) => `${WEEKDAY_SHORT[w.weekday]} ${w.start}–${w.end}`).join(', ');

/** /programs/staff: clinical staff's credentials, supervision and the hours they can be booked. */
export function StaffSchedulesPage() {
  const staff = useStaff();
  const [editing, setEditing] = useState<StaffDto | null>(null);
  return (
    <Page title="Staff credentials and hours">
      <Text size="sm">
        Groups are led by licensed staff; a supervised clinician co-facilitates. Staff are booked only within
        their hours; someone with no hours set can be booked at any time.
      </Text>
      <ErrorAlert error={staff.error} />
      {staff.isLoading && <Loader aria-label="Loading staff" />}
      {staff.data && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped aria-label="Clinical staff">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Credentials</Table.Th>
                <Table.Th>Licence</Table.Th>
                <Table.Th>Hours</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {staff.data.map((person) => (
                <Table.Tr key={person.id}>
                  <Table.Td>{person.name}</Table.Td>
                  <Table.Td>{person.credentials ?? '—'}</Table.Td>
                  <Table.Td>
                    {person.licensed ? (
                      <Badge variant="light">Licensed</Badge>
                    ) : person.supervisor ? (
                      `Supervised by ${person.supervisor.name}`
                    ) : (
                      'Not licensed'
                    )}
                  </Table.Td>
                  <Table.Td>{describeHours(person)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" onClick={() => setEditing(person)}>
                      Edit {person.name}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && staff.data && (
        <StaffScheduleModal person={editing} staff={staff.data} onClose={() => setEditing(null)} />
      )}
    </Page>
  );
}
