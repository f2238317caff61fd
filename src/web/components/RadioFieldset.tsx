import { Fieldset, Group, Radio, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export interface RadioOption<V extends string> {
  value: V;
  label: string;
}

interface RadioFieldsetProps<V extends string> {
  /** The question: a fieldset's legend names the group for assistive technology. */
  legend: ReactNode;
  options: readonly RadioOption<V>[];
  /** '' or null when nothing is chosen yet. */
  value?: V | '' | null;
  onChange: (value: V) => void;
  description?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** Options side by side (short labels such as Yes / No). */
  inline?: boolean;
  /** Radios share one `name`; give one when the same question appears twice on a page. */
  name?: string;
  /** Accepted so `{...form.getInputProps(path)}` can be spread; not used. */
  onFocus?: unknown;
  onBlur?: unknown;
  defaultValue?: unknown;
  checked?: unknown;
  defaultChecked?: unknown;
}

/**
 * One question answered by choosing one option: a real fieldset and legend with native radios, so
 * arrow keys move between options and screen readers read the question with each option.
 */
export function RadioFieldset<V extends string>(props: RadioFieldsetProps<V>) {
  const { legend, options, value, onChange, description, error, required, inline = false } = props;
  const generated = useId();
  const name = props.name ?? generated;
  const descriptionId = description ? `${generated}-description` : undefined;
  const errorId = error ? `${generated}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  const Layout = inline ? Group : Stack;

  return (
    <Fieldset
      variant="unstyled"
      styles={{ root: { padding: 0, margin: 0, minWidth: 0 }, legend: { padding: 0 } }}
      legend={
        <Text component="span" fw={600} size="sm">
          {legend}
          {required && (
            <Text component="span" c="var(--mantine-color-error)" aria-hidden>
              {' *'}
            </Text>
          )}
        </Text>
      }
    >
      {description && (
        <Text id={descriptionId} size="xs" c="dimmed" mb={6}>
          {description}
        </Text>
      )}
      <Layout gap={inline ? 'lg' : 6} mt={4}>
        {options.map((option) => (
          <Radio
            key={option.value}
            name={name}
            value={option.value}
            label={option.label}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
            required={required}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </Layout>
      {error && (
        <Text id={errorId} size="xs" c="var(--mantine-color-error)" mt={4}>
          {error}
        </Text>
      )}
    </Fieldset>
  );
}

export const YES_NO_OPTIONS: readonly RadioOption<'yes' | 'no'>[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];
