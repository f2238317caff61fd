import { Fieldset, Radio, SimpleGrid, Stack } from '@mantine/core';
import type { ReactNode } from 'react';

interface ChoiceQuestionProps {
  /** The fieldset's id; the page links and scrolls to unanswered questions by it. */
  id: string;
  legend: ReactNode;
  choices: readonly { value: string; label: string }[];
  value: string | undefined;
  onChange: (value: string) => void;
  error?: string;
  /** Lay short options out in a row on wide screens (they stack on a phone). */
  inline?: boolean;
}

/** One question: a fieldset whose legend is the question, with one labelled radio per answer. */
export function ChoiceQuestion({ id, legend, choices, value, onChange, error, inline }: ChoiceQuestionProps) {
  const radios = choices.map((choice) => (
    <Radio key={choice.value} value={choice.value} label={choice.label} size="md" />
  ));
  return (
    <Fieldset
      id={id}
      legend={legend}
      variant="unstyled"
      styles={{
        legend: {
          fontWeight: 600,
          fontSize: 'var(--mantine-font-size-md)',
          marginBottom: 'var(--mantine-spacing-xs)',
        },
      }}
    >
      <Radio.Group value={value ?? null} onChange={onChange} error={error}>
        {inline ? (
          <SimpleGrid cols={{ base: 1, sm: choices.length }} spacing="sm" verticalSpacing="sm">
            {radios}
          </SimpleGrid>
        ) : (
          <Stack gap="sm">{radios}</Stack>
        )}
      </Radio.Group>
    </Fieldset>
  );
}
