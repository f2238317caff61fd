import { Button, Group, Loader, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { describeSession } from '../scheduling/format.js';
import { useCalendar } from '../scheduling/scheduling-api.js';
import { useClinicToday } from '../scheduling/use-today.js';

/** The signed-in clinician's sessions today, each one click from its roll call. */
export function TodaySessions() {
  const me = useSignedInMe();
  const today = useClinicToday();
  const calendar = useCalendar({ scope: 'clinician', id: me.user.id, from: today, to: today });
  const sessions = (calendar.data?.sessions ?? []).filter((s) => s.status === 'scheduled');
  return (
    <Section heading="Your sessions today">
      <ErrorAlert error={calendar.error} />
      {calendar.isLoading && <Loader size="sm" aria-label="Loading today's sessions" />}
      {calendar.data && sessions.length === 0 && <Text size="sm">No sessions today.</Text>}
      {sessions.length > 0 && (
        <Table aria-label="Your sessions today">
          <Table.Tbody>
            {sessions.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{describeSession(s)}</Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button
                      size="xs"
                      component={Link}
                      to={`/sessions/${s.id}/roll-call`}
                      aria-label={`Roll call: ${s.title} at ${s.start}`}
                    >
                      Roll call
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
