import { Button, Group, NumberInput, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import {
  MEDICATION_CHANGE_KINDS,
  VITAL_RANGES,
  type MedicationChangeKind,
} from '../../../domain/notes/index.js';
import {
  EMPTY_MEDICATION_ROW,
  VITAL_FIELDS,
  type MedicationDraft,
  type MedicationRow,
} from './note-draft.js';

const KIND_LABELS: Record<MedicationChangeKind, string> = {
  start: 'Start',
  stop: 'Stop',
  dose_change: 'Change dose',
  continue: 'Continue',
};
const KIND_OPTIONS = MEDICATION_CHANGE_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
const TEXT_FIELDS = [
  ['name', 'Medication'],
  ['dose', 'Dose'],
  ['route', 'Route'],
  ['frequency', 'Frequency'],
  ['reason', 'Reason'],
] as const;

interface MedicationEditorProps {
  value: MedicationDraft;
  onChange: (value: MedicationDraft) => void;
  onBlur: () => void;
  /** Keyed `changes.<row>.<field>` and `vitals.<field>`. */
  errors: Readonly<Record<string, string>>;
}

/** Medication changes (one row each) and optional vitals of a medication-management visit. */
export function MedicationEditor({ value, onChange, onBlur, errors }: MedicationEditorProps) {
  const setRow = (i: number, patch: Partial<MedicationRow>) =>
    onChange({ ...value, changes: value.changes.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  return (
    <Stack gap="sm">
      <Stack gap="xs" role="group" aria-label="Medication changes">
        <Text fw={600}>Medication changes</Text>
        <Text size="sm" c="dimmed">
          Signing updates the patient&apos;s active medication list. Starting or changing a dose needs the
          dose; stopping or changing a dose needs the reason.
        </Text>
        {value.changes.map((row, i) => (
          <Paper key={i} withBorder p="sm" radius="sm">
            <Group align="flex-start" wrap="wrap">
              <Select
                label={`Change ${i + 1}`}
                data={KIND_OPTIONS}
                value={row.kind}
                allowDeselect={false}
                w={160}
                onChange={(kind) => kind && setRow(i, { kind: kind })}
                onBlur={onBlur}
              />
              {TEXT_FIELDS.map(([field, label]) => (
                <TextInput
                  key={field}
                  label={`${label} (change ${i + 1})`}
                  value={row[field]}
                  error={errors[`changes.${i}.${field}`]}
                  w={field === 'reason' || field === 'name' ? 220 : 140}
                  onChange={(event) => setRow(i, { [field]: event.currentTarget.value })}
                  onBlur={onBlur}
                />
              ))}
              <Button
                variant="default"
                mt={24}
                onClick={() => onChange({ ...value, changes: value.changes.filter((_, j) => j !== i) })}
              >
                Remove change {i + 1}
              </Button>
            </Group>
          </Paper>
        ))}
        <Button
          variant="light"
          style={{ alignSelf: 'flex-start' }}
          disabled={value.changes.length >= 30}
          onClick={() => onChange({ ...value, changes: [...value.changes, { ...EMPTY_MEDICATION_ROW }] })}
        >
          Add medication change
        </Button>
      </Stack>
      <Stack gap="xs" role="group" aria-label="Vitals">
        <Text fw={600}>Vitals (optional)</Text>
        <Group align="flex-start" wrap="wrap">
          {VITAL_FIELDS.map((field) => {
            const range = VITAL_RANGES[field];
            return (
              <NumberInput
                key={field}
                label={`${range.label} (${range.unit})`}
                w={200}
                min={range.min}
                max={range.max}
                allowDecimal={!range.integer}
                allowNegative={false}
                value={value.vitals[field]}
                error={errors[`vitals.${field}`]}
                onChange={(v) =>
                  onChange({ ...value, vitals: { ...value.vitals, [field]: typeof v === 'number' ? v : '' } })
                }
                onBlur={onBlur}
              />
            );
          })}
        </Group>
      </Stack>
    </Stack>
  );
}
