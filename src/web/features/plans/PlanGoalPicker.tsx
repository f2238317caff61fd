import { List, MultiSelect, Stack, Text } from '@mantine/core';
import type { PlanGoalDto } from '../../../contracts/plans.js';

interface PlanGoalPickerProps {
  /** The goals of the patient's current treatment plan. */
  planGoals: readonly PlanGoalDto[];
  value: readonly string[];
  onChange?: (goalIds: string[]) => void;
  onBlur?: () => void;
  /** Who the note is about, when several share a page. */
  about?: string;
  /** A signed note: the goals worked on, as a list. */
  readOnly?: boolean;
}

const LABEL = 'Plan goals worked on';

/** The treatment-plan goals a note worked on: picked from the plan in force, listed once signed. */
export function PlanGoalPicker({ planGoals, value, onChange, onBlur, about, readOnly }: PlanGoalPickerProps) {
  const name = about ? `${LABEL}, ${about}` : LABEL;
  if (readOnly) {
    const statementOf = new Map(planGoals.map((g) => [g.id, g.statement]));
    return (
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {LABEL}
        </Text>
        {value.length === 0 ? (
          <Text size="sm">None recorded.</Text>
        ) : (
          <List size="sm" aria-label={name}>
            {value.map((id) => (
              <List.Item key={id}>{statementOf.get(id) ?? 'A goal of an earlier plan version'}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    );
  }
  if (planGoals.length === 0) {
    return <Text size="sm">No treatment plan goals yet.</Text>;
  }
  return (
    <MultiSelect
      label={LABEL}
      aria-label={about ? name : undefined}
      description="The goals of the treatment plan this session worked on"
      placeholder={value.length ? undefined : 'Choose goals'}
      data={planGoals.map((g) => ({ value: g.id, label: g.statement.trim() || 'Goal without a statement' }))}
      value={[...value]}
      onChange={(goalIds) => onChange?.(goalIds)}
      onDropdownClose={onBlur}
      searchable
      clearable
      maxValues={20}
    />
  );
}
