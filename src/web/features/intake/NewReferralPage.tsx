import {
  Anchor,
  Button,
  Group,
  NativeSelect,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { CreateReferralBody } from '../../../contracts/intake.js';
import type { PatientSummary } from '../../../contracts/patients.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { RadioFieldset, YES_NO_OPTIONS } from '../../components/RadioFieldset.js';
import { Section } from '../../components/Section.js';
import { DuplicateWarning } from '../patients/DuplicateWarning.js';
import { patientName } from '../patients/format.js';
import { PatientFields } from '../patients/PatientFields.js';
import { PatientPicker } from '../patients/PatientPicker.js';
import {
  emptyPatientForm,
  patientBody,
  patientRules,
  type PatientFormValues,
} from '../patients/patient-form.js';
import { possibleDuplicates } from '../patients/patients-api.js';
import { WithPreselectedPatient } from '../patients/WithPreselectedPatient.js';
import { useCreateReferral } from './intake-api.js';
import {
  SOURCE_OPTIONS,
  URGENCY_LABELS,
  URGENCY_ORDER,
  type ReferralSource,
  type Urgency,
} from './labels.js';

type PatientMode = 'new' | 'existing';

interface ReferralFormValues {
  patient: PatientFormValues;
  source: ReferralSource | '';
  referrerName: string;
  referrerOrganization: string;
  referrerPhone: string;
  referrerEmail: string;
  reason: string;
  urgency: Urgency;
  consentToContact: 'yes' | 'no' | '';
  note: string;
}

const URGENCY_OPTIONS = URGENCY_ORDER.slice()
  .reverse()
  .map((value) => ({ value, label: URGENCY_LABELS[value] }));

const orNull = (value: string) => value.trim() || null;

/** /intake/new: a referral for an existing patient (?patientId=…) or for a new one. */
export function NewReferralPage() {
  return (
    <WithPreselectedPatient>
      {(patient) => <NewReferralForm initialPatient={patient} />}
    </WithPreselectedPatient>
  );
}

function NewReferralForm({ initialPatient }: { initialPatient: PatientSummary | null }) {
  const navigate = useNavigate();
  const create = useCreateReferral();
  const [mode, setMode] = useState<PatientMode>(initialPatient ? 'existing' : 'new');
  const [existing, setExisting] = useState<PatientSummary | null>(initialPatient);
  const [pickerError, setPickerError] = useState<string | undefined>();
  const form = useForm<ReferralFormValues>({
    initialValues: {
      patient: emptyPatientForm(),
      source: '',
      referrerName: '',
      referrerOrganization: '',
      referrerPhone: '',
      referrerEmail: '',
      reason: '',
      urgency: 'routine',
      consentToContact: '',
      note: '',
    },
    validate: {
      source: (value) => (value ? null : 'Choose where the referral comes from.'),
      reason: (value) => (value.trim() ? null : 'Say why the person is referred.'),
      consentToContact: (value) => (value ? null : 'Record whether the person agrees to be contacted.'),
      referrerEmail: (value) =>
        !value.trim() || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim())
          ? null
          : 'Enter a valid email address.',
    },
  });
  const rules = patientRules<ReferralFormValues>((values) => values.patient);

  /** The new-patient checks, run by hand so they apply only when a new patient is entered. */
  const patientErrors = (values: ReferralFormValues): Record<string, string> => {
    const errors: Record<string, string> = {};
    const p = values.patient;
    const check = (path: string, message: string | null) => {
      if (message) errors[`patient.${path}`] = message;
    };
    check('givenName', rules.givenName(p.givenName, values));
    check('familyName', rules.familyName(p.familyName, values));
    check('dateOfBirth', rules.dateOfBirth(p.dateOfBirth));
    check('phone', rules.phone(p.phone));
    check('email', rules.email(p.email));
    for (const key of ['line1', 'city', 'state', 'postalCode'] as const) {
      check(`address.${key}`, rules.address[key](p.address[key], values));
    }
    for (const key of ['name', 'phone'] as const) {
      check(`emergencyContact.${key}`, rules.emergencyContact[key](p.emergencyContact[key], values));
    }
    return errors;
  };

  const bodyFor = (values: ReferralFormValues, patient: { patientId: string } | { confirm: boolean }) => {
    const body: CreateReferralBody = {
      source: values.source as ReferralSource,
      referrerName: orNull(values.referrerName),
      referrerOrganization: orNull(values.referrerOrganization),
      referrerPhone: orNull(values.referrerPhone),
      referrerEmail: orNull(values.referrerEmail),
      reason: values.reason.trim(),
      urgency: values.urgency,
      consentToContact: values.consentToContact === 'yes',
      note: values.note.trim() || undefined,
    };
    if ('patientId' in patient) return { ...body, patientId: patient.patientId };
    return {
      ...body,
      patient: { ...patientBody(values.patient), confirmNotDuplicate: patient.confirm || undefined },
    };
  };

  const send = (body: CreateReferralBody) =>
    create.mutate(body, {
      onSuccess: (referral) => {
        notifications.show({
          color: 'green',
          message: `Referral for ${patientName(referral.patient)} created.`,
        });
        void navigate(`/referrals/${referral.id}`);
      },
      onError: (error) => {
        if (!possibleDuplicates(error)) form.setErrors(serverFieldErrors(error));
      },
    });

  const submit = form.onSubmit((values) => {
    if (mode === 'existing') {
      if (!existing) {
        setPickerError('Find and choose the patient, or switch to New patient.');
        return;
      }
      send(bodyFor(values, { patientId: existing.id }));
      return;
    }
    const errors = patientErrors(values);
    if (Object.keys(errors).length > 0) {
      form.setErrors(errors);
      return;
    }
    send(bodyFor(values, { confirm: false }));
  });

  const duplicates = possibleDuplicates(create.error);

  return (
    <Page title="New referral">
      <Text>
        <Anchor component={Link} to="/intake">
          Back to the intake board
        </Anchor>
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <Section heading="Patient">
            <SegmentedControl
              value={mode}
              onChange={(value) => {
                setMode(value);
                create.reset();
              }}
              data={[
                { value: 'new', label: 'New patient' },
                { value: 'existing', label: 'Existing patient' },
              ]}
              aria-label="Who is referred"
              style={{ alignSelf: 'flex-start' }}
            />
            {mode === 'existing' ? (
              <PatientPicker
                selected={existing}
                onSelect={(patient) => {
                  setExisting(patient);
                  setPickerError(undefined);
                }}
                error={pickerError}
              />
            ) : (
              <PatientFields inputProps={(path) => form.getInputProps(`patient.${path}`)} />
            )}
          </Section>

          <Section heading="Referral">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label="Referral source"
                required
                data={[{ value: '', label: 'Choose…' }, ...SOURCE_OPTIONS]}
                {...form.getInputProps('source')}
              />
              <RadioFieldset
                legend="Urgency"
                options={URGENCY_OPTIONS}
                inline
                required
                {...form.getInputProps('urgency')}
              />
              <TextInput label="Referrer name" autoComplete="off" {...form.getInputProps('referrerName')} />
              <TextInput
                label="Referrer organization"
                autoComplete="off"
                {...form.getInputProps('referrerOrganization')}
              />
              <TextInput
                label="Referrer phone"
                type="tel"
                autoComplete="off"
                {...form.getInputProps('referrerPhone')}
              />
              <TextInput
                label="Referrer email"
                type="email"
                autoComplete="off"
                {...form.getInputProps('referrerEmail')}
              />
            </SimpleGrid>
            <Textarea
              label="Reason for referral"
              required
              autosize
              minRows={3}
              {...form.getInputProps('reason')}
            />
            <RadioFieldset
              legend="Does the person agree to be contacted by the program?"
              description="If the person has not agreed, or nobody knows yet, choose No."
              options={YES_NO_OPTIONS}
              inline
              required
              {...form.getInputProps('consentToContact')}
            />
            <Textarea
              label="Note (optional)"
              description="Anything the intake team should know, such as the best time to call."
              autosize
              minRows={2}
              {...form.getInputProps('note')}
            />
          </Section>

          {duplicates && (
            <DuplicateWarning
              duplicates={duplicates}
              useLabel="Refer this patient"
              pending={create.isPending}
              onUse={(patient) => {
                setMode('existing');
                setExisting(patient);
                send(bodyFor(form.getValues(), { patientId: patient.id }));
              }}
              onCreateAnyway={() => send(bodyFor(form.getValues(), { confirm: true }))}
            />
          )}
          {!duplicates && <ErrorAlert error={create.error} />}
          <Group>
            <Button type="submit" loading={create.isPending}>
              Create referral
            </Button>
            <Button component={Link} to="/intake" variant="default">
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
