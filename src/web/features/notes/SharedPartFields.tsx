import { Alert, Stack, Text } from '@mantine/core';
import { GROUP_SHARED_SECTIONS } from '../../../domain/notes/index.js';
import { SectionFields, SectionTexts } from './SectionFields.js';

interface SharedPartFieldsProps {
  values: Readonly<Record<string, string>>;
  locked: boolean;
  namesMembers: boolean;
  errors: Readonly<Record<string, string>>;
  onChange: (key: string, value: string) => void;
  onBlur: () => void;
}

/** The group's part, written once and copied into every member's note: no member is named here. */
export function SharedPartFields({
  values,
  locked,
  namesMembers,
  errors,
  onChange,
  onBlur,
}: SharedPartFieldsProps) {
  return (
    <Stack gap="sm">
      <Text size="sm">
        Written once for the whole group and included in every member&apos;s note. Describe the group without
        naming anyone.
      </Text>
      {(namesMembers || errors.general) && (
        <Alert color="yellow" variant="light" role="alert" title="The group part names a member">
          {errors.general ??
            'Every member’s note includes this part, so a name here discloses that person to others’ records. Describe the group without names.'}
        </Alert>
      )}
      {locked ? (
        <>
          <Text size="sm" c="dimmed">
            A member&apos;s note is signed, so the group part no longer changes; corrections are addenda on
            each note.
          </Text>
          <SectionTexts sections={GROUP_SHARED_SECTIONS} values={values} />
        </>
      ) : (
        <SectionFields
          sections={GROUP_SHARED_SECTIONS}
          values={values}
          errors={errors}
          onChange={onChange}
          onBlur={onBlur}
        />
      )}
    </Stack>
  );
}
