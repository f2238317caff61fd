import { Button, Collapse, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useState } from 'react';
import { SEX_AT_BIRTH_OPTIONS } from './patient-form.js';

interface PatientFieldsProps {
  /** The form's input props for a field path relative to the patient (`givenName`, `address.city`). */
  inputProps: (path: string) => GetInputPropsReturnType;
  /** Open the address and emergency contact fields from the start (when editing a record that has them). */
  showMore?: boolean;
  autoFocus?: boolean;
}

/** A patient's demographics: name, birth date, contact details, then address and emergency contact. */
export function PatientFields({ inputProps, showMore = false, autoFocus = false }: PatientFieldsProps) {
  const [more, setMore] = useState(showMore);
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Given (first) name"
          required
          autoComplete="off"
          data-autofocus={autoFocus || undefined}
          {...inputProps('givenName')}
        />
        <TextInput label="Family (last) name" required autoComplete="off" {...inputProps('familyName')} />
        <TextInput label="Preferred name" autoComplete="off" {...inputProps('preferredName')} />
        <TextInput label="Pronouns" autoComplete="off" {...inputProps('pronouns')} />
        <TextInput label="Date of birth" type="date" {...inputProps('dateOfBirth')} />
        <NativeSelect
          label="Sex assigned at birth"
          data={[{ value: '', label: 'Not recorded' }, ...SEX_AT_BIRTH_OPTIONS]}
          {...inputProps('sexAssignedAtBirth')}
        />
        <TextInput label="Gender identity" autoComplete="off" {...inputProps('genderIdentity')} />
        <TextInput label="Preferred language" autoComplete="off" {...inputProps('preferredLanguage')} />
        <TextInput label="Phone" type="tel" autoComplete="off" {...inputProps('phone')} />
        <TextInput label="Email" type="email" autoComplete="off" {...inputProps('email')} />
      </SimpleGrid>
      <Button
        variant="subtle"
        onClick={() => setMore((open) => !open)}
        aria-expanded={more}
        style={{ alignSelf: 'flex-start' }}
      >
        {more ? 'Hide address and emergency contact' : 'Add address and emergency contact'}
      </Button>
      <Collapse expanded={more}>
        <Stack>
          <Fieldset legend="Address">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label="Street address" autoComplete="off" {...inputProps('address.line1')} />
              <TextInput
                label="Apartment, suite (optional)"
                autoComplete="off"
                {...inputProps('address.line2')}
              />
              <TextInput label="City" autoComplete="off" {...inputProps('address.city')} />
              <TextInput label="State" autoComplete="off" {...inputProps('address.state')} />
              <TextInput label="ZIP code" autoComplete="off" {...inputProps('address.postalCode')} />
            </SimpleGrid>
          </Fieldset>
          <Fieldset legend="Emergency contact">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label="Contact name" autoComplete="off" {...inputProps('emergencyContact.name')} />
              <TextInput
                label="Relationship"
                autoComplete="off"
                {...inputProps('emergencyContact.relationship')}
              />
              <TextInput
                label="Contact phone"
                type="tel"
                autoComplete="off"
                {...inputProps('emergencyContact.phone')}
              />
            </SimpleGrid>
          </Fieldset>
        </Stack>
      </Collapse>
    </Stack>
  );
}
