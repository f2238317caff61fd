import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { LocationSelect } from './fields.js';
import { DELIVERY_OPTIONS, LEVEL_OPTIONS, type Delivery, type Level } from './labels.js';
import { defaultIntensity, emptyProgramForm, programBody, type ProgramFormValues } from './program-form.js';
import { useCreateProgram } from './scheduling-api.js';

/** Creates a program: where, who for, how many, and the intensity rule admissions are checked against. */
export function ProgramFormModal({ onClose }: { onClose: () => void }) {
  const create = useCreateProgram();
  const [intensityTouched, setIntensityTouched] = useState(false);
  const form = useForm<ProgramFormValues>({
    initialValues: emptyProgramForm(),
    validate: {
      locationId: isNotEmpty('Choose a location.'),
      name: isNotEmpty('Name the program.'),
      maxAge: (max, values) =>
        max !== '' && Number(max) < Number(values.minAge) ? 'The oldest age is below the youngest.' : null,
      maxDaysPerWeek: (max, values) =>
        Number(max) < Number(values.minDaysPerWeek) ? 'The most days a week is below the fewest.' : null,
      maxHoursPerDay: (max, values) =>
        Number(max) < Number(values.minHoursPerDay) ? 'The longest day is below the shortest.' : null,
    },
  });

  const intensityProps = (path: keyof ProgramFormValues) => {
    const props = form.getInputProps(path);
    return {
      ...props,
      onChange: (value: number | string) => {
        setIntensityTouched(true);
        form.setFieldValue(path, value);
      },
    };
  };

  const onMaxAge = (value: number | string) => {
    form.setFieldValue('maxAge', value);
    if (!intensityTouched) form.setValues(defaultIntensity(value));
  };

  const submit = form.onSubmit((values) =>
    create.mutate(programBody(values), {
      onSuccess: (program) => {
        notifications.show({ color: 'green', message: `${program.name} was created.` });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <Modal opened onClose={onClose} title="New program" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label="Program name" required data-autofocus {...form.getInputProps('name')} />
          <LocationSelect label="Location" required {...form.getInputProps('locationId')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Level of care"
              data={LEVEL_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('levelOfCare')}
              onChange={(v: string | null) => v && form.setFieldValue('levelOfCare', v as Level)}
            />
            <Select
              label="Delivery"
              data={DELIVERY_OPTIONS}
              allowDeselect={false}
              {...form.getInputProps('delivery')}
              onChange={(v: string | null) => v && form.setFieldValue('delivery', v as Delivery)}
            />
            <NumberInput label="Youngest age" min={0} max={120} required {...form.getInputProps('minAge')} />
            <NumberInput
              label="Oldest age"
              description="Leave blank for no upper age"
              min={0}
              max={130}
              {...form.getInputProps('maxAge')}
              onChange={onMaxAge}
            />
            <NumberInput label="Capacity (patients)" min={1} required {...form.getInputProps('capacity')} />
          </SimpleGrid>
          <Checkbox
            label="Substance use program"
            {...form.getInputProps('substanceUse', { type: 'checkbox' })}
          />
          <Fieldset legend="Intensity rule">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label="Hours a week, at least"
                description="Adults 9, adolescents 6"
                min={0}
                max={80}
                step={0.5}
                {...intensityProps('minHoursPerWeek')}
              />
              <span />
              <NumberInput
                label="Days a week, fewest"
                min={0}
                max={7}
                {...intensityProps('minDaysPerWeek')}
              />
              <NumberInput label="Days a week, most" min={1} max={7} {...intensityProps('maxDaysPerWeek')} />
              <NumberInput
                label="Hours a day, fewest"
                min={0}
                max={24}
                step={0.5}
                {...intensityProps('minHoursPerDay')}
              />
              <NumberInput
                label="Hours a day, most"
                min={0}
                max={24}
                step={0.5}
                {...intensityProps('maxHoursPerDay')}
              />
            </SimpleGrid>
          </Fieldset>
          <ErrorAlert error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create program
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
