import { Checkbox, Fieldset, Group, Text } from '@mantine/core';
import type { Weekday } from '../../../domain/schedule/recurrence.js';
import { WEEKDAY_NAMES, WEEKDAY_ORDER, WEEKDAY_SHORT } from './labels.js';

interface WeekdayCheckboxesProps {
  legend: string;
  value: Weekday[];
  onChange: (value: Weekday[]) => void;
  error?: string;
}

/** A fieldset of seven checkboxes, Monday first. */
export function WeekdayCheckboxes({ legend, value, onChange, error }: WeekdayCheckboxesProps) {
  const toggle = (day: Weekday, on: boolean) =>
    onChange(WEEKDAY_ORDER.filter((d) => (d === day ? on : value.includes(d))));
  return (
    <Fieldset
      variant="unstyled"
      legend={
        <Text component="span" fw={600} size="sm">
          {legend}
        </Text>
      }
      styles={{ root: { padding: 0, margin: 0 } }}
    >
      <Group gap="md" mt={4}>
        {WEEKDAY_ORDER.map((day) => (
          <Checkbox
            key={day}
            label={WEEKDAY_SHORT[day]}
            aria-label={WEEKDAY_NAMES[day]}
            checked={value.includes(day)}
            onChange={(e) => toggle(day, e.currentTarget.checked)}
          />
        ))}
      </Group>
      {error && (
        <Text size="xs" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}
