import { Anchor, Button, Group, NativeSelect, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { useRecordAttempt, useTasks, type Task } from './safety-api.js';

const OUTCOMES = [
  { value: 'no_answer', label: 'No answer' },
  { value: 'left_message', label: 'Left a message' },
  { value: 'reached', label: 'Reached the patient' },
  { value: 'declined', label: 'Declined to talk' },
  { value: 'wrong_number', label: 'Wrong number' },
] as const;
type Outcome = (typeof OUTCOMES)[number]['value'];

/** The open tasks for me or my roles, each one click from the record it concerns. */
export function TaskList() {
  const tasks = useTasks();
  return (
    <Section heading="My tasks">
      <ErrorAlert error={tasks.error} />
      {tasks.data?.length === 0 && <Text size="sm">No open tasks for you or your role.</Text>}
      {!!tasks.data?.length && (
        <Table aria-label="My tasks">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Task</Table.Th>
              <Table.Th>Due</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Call</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tasks.data.map((task) => (
              <Table.Tr key={task.id}>
                <Table.Td>
                  <Text size="sm" fw={task.kind === 'urgent_outreach' ? 700 : undefined}>
                    {task.title}
                  </Text>
                </Table.Td>
                <Table.Td>{task.dueAt ? formatWhen(task.dueAt) : '—'}</Table.Td>
                <Table.Td>
                  {task.patientId ? (
                    <Anchor
                      size="sm"
                      component={Link}
                      to={`/patients/${task.patientId}`}
                      aria-label={`Open record: ${task.title}`}
                    >
                      Open record
                    </Anchor>
                  ) : (
                    '—'
                  )}
                </Table.Td>
                <Table.Td>
                  {task.kind === 'outreach' || task.kind === 'urgent_outreach' ? (
                    <CallOutcome task={task} />
                  ) : (
                    '—'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

/** Records one call attempt; reaching the patient (or a refusal) closes the task. */
function CallOutcome({ task }: { task: Task }) {
  const [outcome, setOutcome] = useState<Outcome>('no_answer');
  const record = useRecordAttempt(task.id);
  return (
    <Group gap="xs" wrap="nowrap">
      <NativeSelect
        size="xs"
        aria-label={`Call outcome: ${task.title}`}
        data={[...OUTCOMES]}
        value={outcome}
        onChange={(e) => setOutcome(e.currentTarget.value as Outcome)}
      />
      <Button
        size="xs"
        variant="default"
        loading={record.isPending}
        onClick={() => record.mutate({ outcome })}
      >
        Record call
      </Button>
      <ErrorAlert error={record.error} />
    </Group>
  );
}
