import { Anchor, Badge, Button, Checkbox, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router';
import { CHART_ENTRY_KINDS } from '../../../contracts/notes.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { NotesExportForm } from './NotesExportForm.js';
import { useChart, type ChartKind } from './notes-api.js';

const KIND_FILTER_LABELS: Record<ChartKind, string> = {
  session: 'Sessions',
  note: 'Notes',
  assessment: 'Assessments',
  alert: 'Alerts',
  medication: 'Medication changes',
};
const KIND_LABELS: Record<ChartKind, string> = {
  session: 'Session',
  note: 'Note',
  assessment: 'Assessment',
  alert: 'Alert',
  medication: 'Medication',
};

/** The patient's chart as one timeline: sessions, notes, assessments, alerts, medication changes. */
export function ChartSection({ patientId }: { patientId: string }) {
  const [kinds, setKinds] = useState<ChartKind[]>([...CHART_ENTRY_KINDS]);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 400);
  const chart = useChart(patientId, kinds, q);
  const items = chart.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Section heading="Chart">
      <Group align="flex-end" gap="lg" wrap="wrap">
        <Checkbox.Group label="Show" value={kinds} onChange={(value) => setKinds(value)}>
          <Group gap="md" mt={6}>
            {CHART_ENTRY_KINDS.map((kind) => (
              <Checkbox key={kind} value={kind} label={KIND_FILTER_LABELS[kind]} />
            ))}
          </Group>
        </Checkbox.Group>
        <TextInput
          label="Search notes"
          description="At least 2 characters"
          type="search"
          w={260}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
      </Group>
      <ErrorAlert error={chart.error} />
      {kinds.length === 0 && <Text size="sm">Choose at least one kind of entry to show.</Text>}
      {chart.isLoading && <Loader size="sm" aria-label="Loading the chart" />}
      {chart.data && items.length === 0 && <Text size="sm">Nothing in the chart matches.</Text>}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label="Chart timeline" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>When</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Entry</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <Table.Tr key={`${item.kind}-${item.refId ?? i}-${item.at}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatWhen(item.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {KIND_LABELS[item.kind]}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={0}>
                      {item.kind === 'note' && item.refId ? (
                        <Anchor component={Link} to={`/notes/${item.refId}`} size="sm">
                          {item.title}
                        </Anchor>
                      ) : (
                        <Text size="sm">{item.title}</Text>
                      )}
                      {item.detail && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {item.detail}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.status && item.kind !== 'session' && <Text size="sm">{item.status}</Text>}
                      {item.part2 && (
                        <Badge variant="outline" color="grape.9">
                          42 CFR Part 2
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {chart.hasNextPage && (
        <Button
          variant="default"
          style={{ alignSelf: 'flex-start' }}
          loading={chart.isFetchingNextPage}
          onClick={() => void chart.fetchNextPage()}
        >
          Show older
        </Button>
      )}
      <NotesExportForm patientId={patientId} />
    </Section>
  );
}
