import { Checkbox, Fieldset, NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { AdmissionValues, PlanKey } from './admission-form.js';
import { RoomSelect } from './fields.js';
import { WEEKDAY_OPTIONS } from './labels.js';

interface AppointmentPlanFieldsProps {
  form: UseFormReturnType<AdmissionValues>;
  path: PlanKey;
  /** "Weekly individual therapy", also the checkbox label. */
  label: string;
  locationId: string | null | undefined;
  /** Offer "every N weeks" (medication, family). */
  repeats?: boolean;
}

/** A standing appointment booked at admission: on or off, its day, time and length. */
export function AppointmentPlanFields({
  form,
  path,
  label,
  locationId,
  repeats = false,
}: AppointmentPlanFieldsProps) {
  const on = form.values[path].on;
  return (
    <Fieldset legend={label}>
      <Checkbox
        label={`Book ${label.toLowerCase()}`}
        {...form.getInputProps(`${path}.on`, { type: 'checkbox' })}
      />
      {on && (
        <SimpleGrid cols={{ base: 1, sm: repeats ? 5 : 4 }} mt="sm">
          <Select
            label="Weekday"
            data={WEEKDAY_OPTIONS}
            allowDeselect={false}
            {...form.getInputProps(`${path}.weekday`)}
          />
          <TextInput label="Start" type="time" {...form.getInputProps(`${path}.start`)} />
          <NumberInput
            label="Minutes"
            min={15}
            max={240}
            step={5}
            {...form.getInputProps(`${path}.durationMinutes`)}
          />
          {repeats && (
            <NumberInput
              label="Every N weeks"
              min={1}
              max={8}
              {...form.getInputProps(`${path}.everyWeeks`)}
            />
          )}
          <RoomSelect label="Room" locationId={locationId} {...form.getInputProps(`${path}.roomId`)} />
        </SimpleGrid>
      )}
    </Fieldset>
  );
}
