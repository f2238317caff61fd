import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import {
  DISCIPLINES,
  DISCIPLINE_LABELS,
  MAX_FREQUENCY_PER_WEEK,
  MIN_FREQUENCY_PER_WEEK,
  MODALITIES,
  MODALITY_LABELS,
} from '../../../domain/plans/index.js';
import { goalLabel, newIntervention, type InterventionDraft, type PlanDraft } from './plan-draft.js';

interface InterventionsFieldsProps {
  draft: PlanDraft;
  onChange: (draft: PlanDraft) => void;
  onBlur: () => void;
  errors: Readonly<Record<string, string>>;
}

const MODALITY_OPTIONS = MODALITIES.map((value) => ({ value, label: MODALITY_LABELS[value] }));
const DISCIPLINE_OPTIONS = DISCIPLINES.map((value) => ({ value, label: DISCIPLINE_LABELS[value] }));

/** Interventions: what the program does, how often, by whom, toward which goals. */
export function InterventionsFields({ draft, onChange, onBlur, errors }: InterventionsFieldsProps) {
  const set = (id: string, patch: Partial<InterventionDraft>) =>
    onChange({
      ...draft,
      interventions: draft.interventions.map((n) => (n.id === id ? { ...n, ...patch } : n)),
    });

  return (
    <Stack>
      {errors.interventions && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {errors.interventions}
        </Text>
      )}
      {draft.interventions.length === 0 && <Text size="sm">No interventions yet.</Text>}
      {draft.interventions.map((intervention, index) => {
        const name = `Intervention ${index + 1}`;
        const err = (field: string) => errors[`${intervention.id}.${field}`];
        return (
          <Fieldset key={intervention.id} legend={name}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <Select
                  label="Modality"
                  aria-label={`Modality, ${name}`}
                  data={MODALITY_OPTIONS}
                  allowDeselect={false}
                  value={intervention.modality}
                  error={err('modality')}
                  onChange={(v) => v && set(intervention.id, { modality: v })}
                />
                <NumberInput
                  label="Times per week"
                  aria-label={`Times per week, ${name}`}
                  min={MIN_FREQUENCY_PER_WEEK}
                  max={MAX_FREQUENCY_PER_WEEK}
                  step={1}
                  decimalScale={2}
                  value={intervention.frequencyPerWeek}
                  error={err('frequencyPerWeek')}
                  onChange={(v) => set(intervention.id, { frequencyPerWeek: typeof v === 'number' ? v : '' })}
                  onBlur={onBlur}
                />
                <Select
                  label="Responsible discipline"
                  aria-label={`Responsible discipline, ${name}`}
                  data={DISCIPLINE_OPTIONS}
                  allowDeselect={false}
                  value={intervention.discipline}
                  error={err('discipline')}
                  onChange={(v) => v && set(intervention.id, { discipline: v })}
                />
              </SimpleGrid>
              <Textarea
                label="Description"
                aria-label={`Description, ${name}`}
                autosize
                minRows={1}
                maxLength={2000}
                value={intervention.description}
                error={err('description') ?? errors[intervention.id]}
                onChange={(e) => set(intervention.id, { description: e.currentTarget.value })}
                onBlur={onBlur}
              />
              <Checkbox.Group
                label={`Goals ${name.toLowerCase()} addresses`}
                value={intervention.goalIds}
                error={err('goalIds')}
                onChange={(goalIds) => set(intervention.id, { goalIds })}
              >
                <Stack gap={6} mt={4}>
                  {draft.goals.length === 0 && <Text size="sm">Add a goal first.</Text>}
                  {draft.goals.map((g, i) => (
                    <Checkbox key={g.id} value={g.id} label={goalLabel(g, i)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <Group>
                <Button
                  variant="subtle"
                  color="red"
                  c="red.9"
                  onClick={() =>
                    onChange({
                      ...draft,
                      interventions: draft.interventions.filter((n) => n.id !== intervention.id),
                    })
                  }
                >
                  Remove {name.toLowerCase()}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        );
      })}
      <Group>
        <Button
          variant="default"
          onClick={() =>
            onChange({ ...draft, interventions: [...draft.interventions, newIntervention(draft.goals)] })
          }
        >
          Add intervention
        </Button>
      </Group>
    </Stack>
  );
}
