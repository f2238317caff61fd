import { Badge, Group, Table, Text } from '@mantine/core';
import type { AdministrationDto } from '../../../contracts/assessments.js';
import { INSTRUMENTS } from '../../../domain/instruments/index.js';
import { formatWhen } from '../patients/format.js';
import { FLAG_LABELS, severityLabel } from './labels.js';

interface AdministrationsTableProps {
  items: AdministrationDto[];
  /** The table's accessible name. */
  label: string;
  /** Fewer, combined columns for a half-width panel. */
  compact?: boolean;
}

/** Completed instruments: what, when, total, severity, positive, flags. */
export function AdministrationsTable({ items, label, compact = false }: AdministrationsTableProps) {
  if (items.length === 0) return <Text size="sm">No screenings recorded yet.</Text>;
  return (
    // Focusable, so keyboard users can scroll it sideways on a narrow screen.
    <Table.ScrollContainer
      minWidth={compact ? 420 : 640}
      type="native"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <Table striped aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Instrument</Table.Th>
            <Table.Th>Date</Table.Th>
            <Table.Th>Total</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Result</Table.Th>
            {!compact && <Table.Th>Flags</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => {
            const flags = a.result.flags.map((flag) => (
              <Badge key={flag} color="red.9" variant="outline" tt="none">
                {FLAG_LABELS[flag]}
              </Badge>
            ));
            return (
              <Table.Tr key={a.id}>
                <Table.Td>{INSTRUMENTS[a.instrument].definition.shortName}</Table.Td>
                <Table.Td>{formatWhen(a.administeredAt)}</Table.Td>
                <Table.Td>{a.result.total ?? '—'}</Table.Td>
                <Table.Td>{severityLabel(a.result.severity)}</Table.Td>
                <Table.Td>
                  {compact ? (
                    <Group gap={4}>
                      {a.result.positive ? 'Positive' : 'Negative'}
                      {flags}
                    </Group>
                  ) : a.result.positive ? (
                    'Positive'
                  ) : (
                    'Negative'
                  )}
                </Table.Td>
                {!compact && <Table.Td>{flags.length === 0 ? '—' : <Group gap={4}>{flags}</Group>}</Table.Td>}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
