import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { useReferral } from '../intake/intake-api.js';
import { formatDateOfBirth, patientName } from '../patients/format.js';
import { admitBody, initialAdmission, type AdmissionValues } from './admission-form.js';
import { AdmissionPreviewPanel } from './AdmissionPreviewPanel.js';
import { AppointmentPlanFields } from './AppointmentPlanFields.js';
import { isDate } from './dates.js';
import { StaffSelect } from './fields.js';
import { describeAges, describeBlock, describeIntensity } from './format.js';
import { LEVEL_LABELS } from './labels.js';
import { intensityShortfallOf } from './problems.js';
import { ScheduleError } from './ScheduleProblems.js';
import { useAdmissionPreview, useAdmit, usePrograms } from './scheduling-api.js';
import { useClinicToday } from './use-today.js';

/** /admissions/new?referralId=…: admits an accepted referral to a program track and books the first weeks. */
export function AdmissionPage() {
  const [params] = useSearchParams();
  const referralId = params.get('referralId');
  if (!referralId) {
    return (
      <Page title="Admit to a program">
        <Text>
          Admissions start from an accepted referral.{' '}
          <Anchor component={Link} to="/intake">
            Open the intake board
          </Anchor>
          .
        </Text>
      </Page>
    );
  }
  return <WithReferral id={referralId} />;
}

function WithReferral({ id }: { id: string }) {
  const referral = useReferral(id);
  if (referral.error) {
    return (
      <Page title="Admit to a program">
        <ErrorAlert error={referral.error} />
      </Page>
    );
  }
  if (!referral.data) return <Loader aria-label="Loading referral" />;
  return <AdmissionForm referral={referral.data} />;
}

function AdmissionForm({ referral }: { referral: ReferralDetailDto }) {
  const navigate = useNavigate();
  const today = useClinicToday();
  const programs = usePrograms();
  const preview = useAdmissionPreview();
  const admit = useAdmit();
  const form = useForm<AdmissionValues>({
    initialValues: initialAdmission(today),
    validate: {
      programId: isNotEmpty('Choose the program.'),
      trackId: isNotEmpty('Choose the track.'),
      admittedOn: (v) => (isDate(v) ? null : 'Choose the admission date.'),
      primaryTherapistId: isNotEmpty('Choose the primary therapist.'),
      prescriberId: (v, values) =>
        values.medicationManagement.on && !v ? 'Choose a prescriber for medication management.' : null,
    },
    onValuesChange: (next, previous) => {
      // A changed plan makes the last check out of date; the override reason does not change the plan.
      const plan = (v: AdmissionValues) => JSON.stringify({ ...v, intensityOverrideReason: '' });
      if ((preview.data || preview.error) && plan(next) !== plan(previous)) preview.reset();
    },
  });
  const { values } = form;
  const name = patientName(referral.patient);
  const program = programs.data?.find((p) => p.id === values.programId);
  const track = program?.tracks.find((t) => t.id === values.trackId);

  const shortfalls =
    (preview.data && !preview.data.intensity.ok ? preview.data.intensity.shortfalls : []).length > 0 ||
    intensityShortfallOf(admit.error) !== null;
  const reasonGiven = values.intensityOverrideReason.trim().length >= 3;

  const check = () => {
    if (form.validate().hasErrors) return;
    preview.mutate(admitBody(referral.id, values), {
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    });
  };

  const submit = form.onSubmit((v) =>
    admit.mutate(admitBody(referral.id, v), {
      onSuccess: (episode) => {
        notifications.show({
          color: 'green',
          message: `${name} was admitted to ${episode.program.name} (${episode.track.name}).`,
        });
        void navigate(`/patients/${episode.patient.id}`);
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );

  return (
    <Page title={`Admit ${name}`} heading={`Admit ${name} to a program`}>
      <Text>
        <Anchor component={Link} to={`/referrals/${referral.id}`}>
          Back to the referral
        </Anchor>
      </Text>
      <Paper withBorder p="sm">
        <Text fw={600}>{name}</Text>
        <Text size="sm">
          MRN {referral.patient.mrn} · Born {formatDateOfBirth(referral.patient.dateOfBirth)}
        </Text>
      </Paper>
      {referral.status !== 'accepted' && (
        <Alert color="yellow" variant="light" title="This referral has not been accepted">
          Only accepted referrals can be admitted; the server will refuse this one until it is.
        </Alert>
      )}
      <form onSubmit={submit} noValidate>
        <Stack maw={900}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Program"
              required
              searchable
              data={(programs.data ?? [])
                .filter((p) => p.active)
                .map((p) => ({ value: p.id, label: `${p.name} · ${LEVEL_LABELS[p.levelOfCare]}` }))}
              {...form.getInputProps('programId')}
              onChange={(v: string | null) => form.setValues({ programId: v, trackId: null })}
            />
            <Select
              label="Track"
              required
              disabled={!program}
              data={(program?.tracks ?? [])
                .filter((t) => t.active)
                .map((t) => ({ value: t.id, label: t.name }))}
              {...form.getInputProps('trackId')}
            />
          </SimpleGrid>
          {program && (
            <Text size="sm">
              Ages {describeAges(program.minAge, program.maxAge)} · Intensity{' '}
              {describeIntensity(program.intensity)} · {program.activeEpisodes} of {program.capacity} places
              filled
            </Text>
          )}
          {track && (
            <Stack gap={2} component="ul" style={{ margin: 0 }} aria-label={`Groups of ${track.name}`}>
              {track.blocks
                .filter((b) => !b.activeUntil)
                .map((b) => (
                  <Text key={b.id} size="sm" component="li">
                    {b.title}: {describeBlock(b)}
                  </Text>
                ))}
            </Stack>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Admission date" type="date" required {...form.getInputProps('admittedOn')} />
            <NumberInput label="Weeks to book" min={1} max={26} {...form.getInputProps('weeks')} />
            <StaffSelect label="Primary therapist" required {...form.getInputProps('primaryTherapistId')} />
            <StaffSelect
              label="Prescriber"
              roles={['prescriber']}
              clearable
              {...form.getInputProps('prescriberId')}
            />
          </SimpleGrid>
          <AppointmentPlanFields
            form={form}
            path="individual"
            label="Weekly individual therapy"
            locationId={program?.locationId}
          />
          <AppointmentPlanFields
            form={form}
            path="medicationManagement"
            label="Medication management"
            locationId={program?.locationId}
            repeats
          />
          <AppointmentPlanFields
            form={form}
            path="family"
            label="Family session"
            locationId={program?.locationId}
            repeats
          />
          <Group>
            <Button variant="default" onClick={check} loading={preview.isPending}>
              Check schedule
            </Button>
          </Group>
          <ErrorAlert error={preview.error} />
          {preview.data && <AdmissionPreviewPanel preview={preview.data} />}
          {shortfalls && (
            <Textarea
              label="Reason for admitting below the program’s intensity"
              required
              autosize
              minRows={2}
              {...form.getInputProps('intensityOverrideReason')}
            />
          )}
          <ScheduleError error={admit.error} />
          <Group>
            <Button type="submit" loading={admit.isPending} disabled={shortfalls && !reasonGiven}>
              Admit
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
