import {
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SyntheticEvent } from 'react';
import { MeasurementSettingsDto } from '../../../contracts/outcomes.js';
import { INSTRUMENT_IDS, INSTRUMENTS, isInstrumentId } from '../../../domain/instruments/index.js';
import { ApiError } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import type { Track } from '../scheduling/scheduling-api.js';
import { useMeasurementSettings, useUpdateMeasurementSettings } from './outcomes-api.js';
import {
  formToSettings,
  hasErrors,
  issuesByPath,
  newRule,
  settingsErrors,
  settingsToForm,
  type RuleFormValues,
  type SettingsErrors,
  type SettingsFormValues,
} from './rule-form.js';

const MAX_RULES = 20;
const INSTRUMENT_OPTIONS = INSTRUMENT_IDS.map((id) => ({
  value: id,
  label: `${INSTRUMENTS[id].definition.shortName}: ${INSTRUMENTS[id].definition.name}`,
}));
const shortName = (id: string) => (isInstrumentId(id) ? INSTRUMENTS[id].definition.shortName : id);

interface MeasurementSettingsSectionProps {
  programId: string;
  /** The program's tracks, for rules that apply only on some. */
  tracks: readonly Pick<Track, 'id' | 'name' | 'active'>[];
}

/** A program's measurement schedule (which instruments, how often) and plan-review interval. */
export function MeasurementSettingsSection({ programId, tracks }: MeasurementSettingsSectionProps) {
  const settings = useMeasurementSettings(programId);
  return (
    <Section heading="Measurement schedule">
      <Text size="sm">
        Which measures are due for patients in this program, and when. Due measures show on each patient’s
        record.
      </Text>
      <ErrorAlert error={settings.error} />
      {settings.isLoading && <Loader size="sm" aria-label="Loading the measurement schedule" />}
      {settings.data && (
        <SettingsForm
          // Loaded once per program: the form then holds what was saved (a remount would drop
          // the save's own callbacks).
          key={programId}
          programId={programId}
          initial={settingsToForm(settings.data)}
          tracks={tracks}
        />
      )}
    </Section>
  );
}

interface SettingsFormProps extends MeasurementSettingsSectionProps {
  initial: SettingsFormValues;
}

const NO_ERRORS: SettingsErrors = { rules: [] };

function SettingsForm({ programId, initial, tracks }: SettingsFormProps) {
  const update = useUpdateMeasurementSettings(programId);
  const [values, setValues] = useState<SettingsFormValues>(initial);
  const [errors, setErrors] = useState<SettingsErrors>(NO_ERRORS);

  const setRule = (index: number, patch: Partial<RuleFormValues>) =>
    setValues((v) => ({ ...v, rules: v.rules.map((r, i) => (i === index ? { ...r, ...patch } : r)) }));
  const removeRule = (index: number) => {
    setValues((v) => ({ ...v, rules: v.rules.filter((_, i) => i !== index) }));
    setErrors(NO_ERRORS);
  };

  const save = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const body = formToSettings(values);
    const parsed = MeasurementSettingsDto.safeParse(body);
    if (!parsed.success) {
      setErrors(settingsErrors(issuesByPath(parsed.error.issues), values.rules.length));
      return;
    }
    setErrors(NO_ERRORS);
    update.mutate(parsed.data, {
      onSuccess: () => notifications.show({ color: 'green', message: 'Measurement schedule saved.' }),
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          const byPath: Record<string, string> = {};
          for (const { path, message } of error.fieldErrors) byPath[path] ??= message;
          setErrors(settingsErrors(byPath, values.rules.length));
        }
      },
    });
  };

  const ruleErrors = (i: number) => errors.rules[i] ?? {};
  const anyErrors = hasErrors(errors);

  return (
    <form onSubmit={save} noValidate aria-label="Measurement schedule">
      <Stack gap="md">
        {values.rules.length === 0 && <Text size="sm">No measures are scheduled.</Text>}
        {values.rules.map((rule, i) => {
          const e = ruleErrors(i);
          const name = `Rule ${i + 1}: ${shortName(rule.instrumentId)}`;
          return (
            <Fieldset key={i} legend={name} radius="md">
              <Stack gap="sm">
                <Group align="flex-start" gap="md" wrap="wrap">
                  <NativeSelect
                    label="Instrument"
                    data={INSTRUMENT_OPTIONS}
                    value={rule.instrumentId}
                    onChange={(ev) => {
                      const next = ev.currentTarget.value;
                      if (isInstrumentId(next)) setRule(i, { instrumentId: next });
                    }}
                    error={e.instrumentId}
                    w={360}
                  />
                  <NumberInput
                    label="Every how many weeks"
                    description="Blank: only at admission or discharge"
                    min={1}
                    max={12}
                    allowDecimal={false}
                    allowNegative={false}
                    value={rule.everyWeeks}
                    onChange={(v) => setRule(i, { everyWeeks: v === '' ? '' : Number(v) })}
                    error={e.every}
                    w={220}
                  />
                </Group>
                <Checkbox.Group
                  label="Also due"
                  value={[
                    ...(rule.atAdmission ? ['admission'] : []),
                    ...(rule.atDischarge ? ['discharge'] : []),
                  ]}
                  onChange={(at) =>
                    setRule(i, {
                      atAdmission: at.includes('admission'),
                      atDischarge: at.includes('discharge'),
                    })
                  }
                  error={e.at}
                >
                  <Group gap="lg" mt={6}>
                    <Checkbox value="admission" label="At admission" />
                    <Checkbox value="discharge" label="At discharge" />
                  </Group>
                </Checkbox.Group>
                {tracks.length > 0 && (
                  <Checkbox.Group
                    label="Only on these tracks"
                    description="None ticked: every track"
                    value={rule.trackIds}
                    onChange={(trackIds) => setRule(i, { trackIds })}
                    error={e.trackIds}
                  >
                    <Group gap="lg" mt={6}>
                      {tracks.map((track) => (
                        <Checkbox
                          key={track.id}
                          value={track.id}
                          label={track.active ? track.name : `${track.name} (inactive)`}
                        />
                      ))}
                    </Group>
                  </Checkbox.Group>
                )}
                {e.rule && (
                  <Text size="sm" c="var(--mantine-color-error)">
                    {e.rule}
                  </Text>
                )}
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => removeRule(i)}
                  aria-label={`Remove rule ${i + 1} (${shortName(rule.instrumentId)})`}
                  style={{ alignSelf: 'flex-start' }}
                >
                  Remove rule
                </Button>
              </Stack>
            </Fieldset>
          );
        })}
        {errors.schedule && (
          <Text size="sm" c="var(--mantine-color-error)">
            {errors.schedule}
          </Text>
        )}
        <Button
          variant="default"
          onClick={() => setValues((v) => ({ ...v, rules: [...v.rules, newRule(v.rules)] }))}
          disabled={values.rules.length >= MAX_RULES}
          style={{ alignSelf: 'flex-start' }}
        >
          Add a measure
        </Button>
        <NumberInput
          label="Review treatment plans every (days)"
          description="Blank: no review interval"
          min={1}
          max={365}
          allowDecimal={false}
          allowNegative={false}
          value={values.planReviewIntervalDays}
          onChange={(v) => setValues((s) => ({ ...s, planReviewIntervalDays: v === '' ? '' : Number(v) }))}
          error={errors.planReviewIntervalDays}
          w={300}
        />
        {anyErrors && (
          <Alert color="red" variant="light" role="alert">
            Some fields need attention. See the messages above.
          </Alert>
        )}
        {!(update.error instanceof ApiError && update.error.fieldErrors.length > 0) && (
          <ErrorAlert error={update.error} />
        )}
        <Group>
          <Button type="submit" loading={update.isPending}>
            Save measurement schedule
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
