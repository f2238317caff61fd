import { Loader, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatDate } from '../patients/format.js';
import { useMedications } from './notes-api.js';

/** The active medication list, kept from signed medication-management notes. */
export function MedicationsSection({ patientId }: { patientId: string }) {
  const medications = useMedications(patientId);
  const items = medications.data?.items;
  return (
    <Section heading="Medications">
      <ErrorAlert error={medications.error} />
      {medications.isLoading && <Loader size="sm" aria-label="Loading medications" />}
      {items?.length === 0 && <Text size="sm">No medications recorded.</Text>}
      {!!items?.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Active medications">
            <Table.Thead>
              <Table.Tr>
                {['Medication', 'Dose', 'Route', 'Frequency', 'Since'].map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.dose ?? '—'}</Table.Td>
                  <Table.Td>{m.route ?? '—'}</Table.Td>
                  <Table.Td>{m.frequency ?? '—'}</Table.Td>
                  <Table.Td>{formatDate(m.since)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
