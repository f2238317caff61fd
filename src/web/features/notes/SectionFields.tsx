import { Stack, Text, Textarea } from '@mantine/core';
import type { NoteSection } from '../../../domain/notes/index.js';

interface SectionFieldsProps {
  sections: readonly NoteSection[];
  values: Readonly<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  /** Leaving a field saves the draft at once. */
  onBlur?: () => void;
  errors?: Readonly<Record<string, string>>;
  /** Who the note is about, when several share a page: "Participation for Ana Diaz". */
  about?: string;
  /** Overrides a section's hint, by key. */
  hints?: Readonly<Record<string, string>>;
}

/** A note's sections as labelled text areas, each with its hint and its error. */
export function SectionFields({
  sections,
  values,
  onChange,
  onBlur,
  errors = {},
  about,
  hints = {},
}: SectionFieldsProps) {
  return (
    <Stack gap="sm">
      {sections.map((section) => (
        <Textarea
          key={section.key}
          label={section.label}
          aria-label={about ? `${section.label} for ${about}` : undefined}
          description={hints[section.key] ?? section.hint}
          autosize
          minRows={2}
          maxLength={20_000}
          value={values[section.key] ?? ''}
          error={errors[section.key]}
          onChange={(event) => onChange(section.key, event.currentTarget.value)}
          onBlur={onBlur}
        />
      ))}
    </Stack>
  );
}

/** A signed note's sections, read-only: each label above its text. */
export function SectionTexts({
  sections,
  values,
}: {
  sections: readonly NoteSection[];
  values: Readonly<Record<string, string>>;
}) {
  return (
    <Stack gap="xs">
      {sections.map((section) => (
        <div key={section.key}>
          <Text fw={600} size="sm">
            {section.label}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{values[section.key]?.trim() || 'Not written'}</Text>
        </div>
      ))}
    </Stack>
  );
}
