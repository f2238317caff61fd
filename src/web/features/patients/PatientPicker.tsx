import { Button, Group, Loader, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { PatientSummary } from '../../../contracts/patients.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { formatDateOfBirth, patientName } from './format.js';
import { usePatientSearch } from './patients-api.js';

interface PatientPickerProps {
  selected: PatientSummary | null;
  onSelect: (patient: PatientSummary | null) => void;
  error?: string;
}

/** Finds an existing patient by name, MRN or date of birth, and holds the one chosen. */
export function PatientPicker({ selected, onSelect, error }: PatientPickerProps) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const results = usePatientSearch(q);

  if (selected) {
    return (
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <div>
            <Text fw={600}>{patientName(selected)}</Text>
            <Text size="sm">
              MRN {selected.mrn} · Born {formatDateOfBirth(selected.dateOfBirth)}
            </Text>
          </div>
          <Button variant="default" onClick={() => onSelect(null)}>
            Change patient
          </Button>
        </Group>
      </Paper>
    );
  }

  return (
    <Stack gap="xs">
      <TextInput
        label="Find a patient"
        description="Name, MRN, or date of birth as YYYY-MM-DD"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        error={error}
        rightSection={results.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
      />
      <ErrorAlert error={results.error} />
      {q && results.data?.length === 0 && <Text size="sm">No patient matches “{q}”.</Text>}
      {!!q && !!results.data?.length && (
        <Stack
          gap={4}
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label="Matching patients"
        >
          {results.data.map((patient) => (
            <Group key={patient.id} component="li" justify="space-between" wrap="nowrap">
              <Text size="sm">
                <strong>{patientName(patient)}</strong> · MRN {patient.mrn} · Born{' '}
                {formatDateOfBirth(patient.dateOfBirth)}
              </Text>
              <Button
                size="xs"
                variant="default"
                onClick={() => onSelect(patient)}
                aria-label={`Choose ${patientName(patient)}, MRN ${patient.mrn}`}
              >
                Choose
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
