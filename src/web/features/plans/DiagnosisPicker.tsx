import { Autocomplete, Group, Pill, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useState } from 'react';
import { ICD10CM, type Diagnosis } from './plan-draft.js';
import { useDiagnosisSearch } from './plans-api.js';

interface DiagnosisPickerProps {
  /** Names the problem, for the accessible names: "Problem 1". */
  about: string;
  value: readonly Diagnosis[];
  onChange: (value: Diagnosis[]) => void;
  error?: string;
}

const optionLabel = (d: { code: string; display: string }) => `${d.code} ${d.display}`;

/** The problem's diagnoses as removable pills, and a search over ICD-10-CM F codes to add one. */
export function DiagnosisPicker({ about, value, onChange, error }: DiagnosisPickerProps) {
  const headingId = useId();
  const [search, setSearch] = useState('');
  const [term] = useDebouncedValue(search, 250);
  const results = useDiagnosisSearch(term);
  const chosen = new Set(value.map((d) => d.code));
  const options = (results.data?.items ?? []).filter((d) => !chosen.has(d.code));

  const add = (label: string) => {
    const found = options.find((d) => optionLabel(d) === label);
    if (found) onChange([...value, { system: ICD10CM, code: found.code, display: found.display }]);
    setSearch('');
  };

  return (
    <Stack gap={4}>
      <Text fw={600} size="sm" id={headingId}>
        Diagnoses
      </Text>
      {value.length === 0 ? (
        <Text size="sm">No diagnosis chosen.</Text>
      ) : (
        <Group gap="xs" role="list" aria-labelledby={headingId}>
          {value.map((d) => (
            <Pill
              key={d.code}
              role="listitem"
              size="lg"
              withRemoveButton
              onRemove={() => onChange(value.filter((x) => x.code !== d.code))}
              removeButtonProps={{ 'aria-label': `Remove diagnosis ${d.code} from ${about}` }}
            >
              {optionLabel(d)}
            </Pill>
          ))}
        </Group>
      )}
      <Autocomplete
        label="Add a diagnosis"
        aria-label={`Add a diagnosis, ${about}`}
        description="Type an ICD-10-CM code or words, such as F33 or depressive"
        placeholder="Search F codes"
        value={search}
        onChange={setSearch}
        onOptionSubmit={add}
        data={options.map(optionLabel)}
        filter={({ options: all }) => all}
        limit={20}
        error={error}
        rightSection={results.isFetching ? <Text size="xs">…</Text> : null}
      />
      {term.trim() !== '' && results.data && options.length === 0 && !results.isFetching && (
        <Text size="sm">No matching F code.</Text>
      )}
    </Stack>
  );
}
