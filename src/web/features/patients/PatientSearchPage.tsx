import { Anchor, Button, Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { formatDateOfBirth, patientName } from './format.js';
import { PatientFormModal } from './PatientFormModal.js';
import { usePatientSearch } from './patients-api.js';

/** /patients: find a patient by name (typo-tolerant), MRN or date of birth. */
export function PatientSearchPage() {
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [creating, setCreating] = useState(false);
  const results = usePatientSearch(q);

  const change = (value: string) => {
    setSearch(value);
    // Kept in the address so Back returns to the same results.
    setParams(value.trim() ? { q: value.trim() } : {}, { replace: true });
  };

  return (
    <Page title="Patients" actions={<Button onClick={() => setCreating(true)}>New patient</Button>}>
      <Group align="flex-end">
        <TextInput
          label="Search patients"
          description="Name, MRN, or date of birth as YYYY-MM-DD"
          type="search"
          value={search}
          onChange={(e) => change(e.currentTarget.value)}
          w={360}
          autoFocus
        />
        {results.isFetching && <Loader size="sm" aria-label="Searching" />}
      </Group>
      <ErrorAlert error={results.error} />
      {!q && <Text>Type a name, MRN or date of birth to find a patient.</Text>}
      {q && results.data?.length === 0 && <Text>No patient matches “{q}”.</Text>}
      {!!q && !!results.data?.length && (
        <Table.ScrollContainer minWidth={560}>
          <Table striped highlightOnHover aria-label="Matching patients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Preferred name</Table.Th>
                <Table.Th>MRN</Table.Th>
                <Table.Th>Date of birth</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.data.map((patient) => (
                <Table.Tr key={patient.id}>
                  <Table.Td>
                    <Anchor size="sm" component={Link} to={`/patients/${patient.id}`}>
                      {patientName(patient)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{patient.preferredName ?? '—'}</Table.Td>
                  <Table.Td>{patient.mrn}</Table.Td>
                  <Table.Td>{formatDateOfBirth(patient.dateOfBirth)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {creating && <PatientFormModal onClose={() => setCreating(false)} />}
    </Page>
  );
}
