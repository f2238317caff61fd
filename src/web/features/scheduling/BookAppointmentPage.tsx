import {
  Anchor,
  Button,
  Group,
  List,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PatientSummary } from '../../../contracts/patients.js';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { patientName } from '../patients/format.js';
import { PatientPicker } from '../patients/PatientPicker.js';
import { WithPreselectedPatient } from '../patients/WithPreselectedPatient.js';
import { formatDay, isDate, isTime } from './dates.js';
import { LocationSelect, RoomSelect, StaffSelect } from './fields.js';
import { APPOINTMENT_KIND_OPTIONS, DEFAULT_DURATION, type AppointmentKind } from './labels.js';
import { intensityShortfallOf } from './problems.js';
import { ScheduleError } from './ScheduleProblems.js';
import { useBookAppointment, useLocations } from './scheduling-api.js';
import { useClinicToday } from './use-today.js';

interface AppointmentValues {
  kind: AppointmentKind;
  clinicianId: string | null;
  locationId: string | null;
  date: string;
  start: string;
  durationMinutes: number | string;
  roomId: string | null;
  telehealthUrl: string;
  repeatWeeks: number | string;
  intensityOverrideReason: string;
}

/** /schedule/appointments/new: an individual, family, medication or intake appointment, once or weekly. */
export function BookAppointmentPage() {
  return (
    <WithPreselectedPatient>
      {(patient) => <BookAppointmentForm initialPatient={patient} />}
    </WithPreselectedPatient>
  );
}

function BookAppointmentForm({ initialPatient }: { initialPatient: PatientSummary | null }) {
  const navigate = useNavigate();
  const today = useClinicToday();
  const locations = useLocations();
  const book = useBookAppointment();
  const [patient, setPatient] = useState<PatientSummary | null>(initialPatient);
  const [patientError, setPatientError] = useState<string>();
  const [booked, setBooked] = useState<SessionDto[] | null>(null);
  const shortfall = intensityShortfallOf(book.error);

  const form = useForm<AppointmentValues>({
    initialValues: {
      kind: 'individual',
      clinicianId: null,
      locationId: null,
      date: today,
      start: '09:00',
      durationMinutes: DEFAULT_DURATION.individual,
      roomId: null,
      telehealthUrl: '',
      repeatWeeks: 1,
      intensityOverrideReason: '',
    },
    validate: {
      clinicianId: isNotEmpty('Choose the clinician.'),
      date: (v) => (isDate(v) ? null : 'Choose a date.'),
      start: (v) => (isTime(v) ? null : 'Use HH:MM.'),
      roomId: (v, values) =>
        v || values.telehealthUrl.trim() ? null : 'Choose a room or give a telehealth link.',
      telehealthUrl: (v) => (!v.trim() || v.trim().startsWith('https://') ? null : 'Use an https:// link.'),
      intensityOverrideReason: (v) =>
        shortfall && v.trim().length < 3 ? 'Say why this should be booked anyway.' : null,
    },
  });
  const locationId = form.values.locationId ?? locations.data?.[0]?.id ?? null;
  const prescribersOnly = form.values.kind === 'medication_management';

  const changeKind = (value: string | null) => {
    if (!value) return;
    const kind = value as AppointmentKind;
    form.setValues({ kind, durationMinutes: DEFAULT_DURATION[kind], clinicianId: null });
  };

  const submit = form.onSubmit((values) => {
    if (!patient) {
      setPatientError('Choose the patient.');
      return;
    }
    book.mutate(
      {
        kind: values.kind,
        patientId: patient.id,
        clinicianId: values.clinicianId ?? '',
        locationId: locationId ?? '',
        date: values.date,
        start: values.start,
        durationMinutes: Number(values.durationMinutes),
        roomId: values.roomId,
        telehealthUrl: values.telehealthUrl.trim() || null,
        repeatWeeks: Number(values.repeatWeeks) || 1,
        intensityOverrideReason: values.intensityOverrideReason.trim() || undefined,
      },
      {
        onSuccess: (result) => {
          notifications.show({
            color: 'green',
            message: `${result.items.length === 1 ? 'Appointment' : `${result.items.length} appointments`} booked for ${patientName(patient)}.`,
          });
          setBooked(result.items);
        },
        onError: (error) => form.setErrors(serverFieldErrors(error)),
      },
    );
  });

  if (booked && patient) {
    return (
      <Page title="Appointment booked">
        <Section heading={`Booked for ${patientName(patient)}`}>
          <List>
            {booked.map((s) => (
              <List.Item key={s.id}>
                {formatDay(s.localDate)} {s.start}–{s.end} · {s.title}
              </List.Item>
            ))}
          </List>
          <Group>
            <Button onClick={() => void navigate(`/patients/${patient.id}`)}>Open patient record</Button>
            <Button
              variant="default"
              onClick={() => {
                setBooked(null);
                book.reset();
              }}
            >
              Book another
            </Button>
          </Group>
        </Section>
      </Page>
    );
  }

  return (
    <Page title="Book appointment">
      <Text>
        <Anchor component={Link} to="/schedule">
          Back to the schedule
        </Anchor>
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack maw={720}>
          <PatientPicker
            selected={patient}
            onSelect={(p) => {
              setPatient(p);
              setPatientError(undefined);
            }}
            error={patientError}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Type"
              data={APPOINTMENT_KIND_OPTIONS}
              allowDeselect={false}
              value={form.values.kind}
              onChange={changeKind}
            />
            <StaffSelect
              key={prescribersOnly ? 'prescribers' : 'clinicians'}
              label={prescribersOnly ? 'Prescriber' : 'Clinician'}
              roles={prescribersOnly ? ['prescriber'] : undefined}
              required
              {...form.getInputProps('clinicianId')}
            />
            <LocationSelect
              label="Location"
              required
              allowDeselect={false}
              value={locationId}
              onChange={(v) => form.setValues({ locationId: v, roomId: null })}
            />
            <RoomSelect label="Room" locationId={locationId} {...form.getInputProps('roomId')} />
            <TextInput label="Date" type="date" required {...form.getInputProps('date')} />
            <TextInput label="Start" type="time" required {...form.getInputProps('start')} />
            <NumberInput
              label="Duration (minutes)"
              min={15}
              max={240}
              step={5}
              required
              {...form.getInputProps('durationMinutes')}
            />
            <TextInput
              label="Telehealth link"
              description="For a video visit, instead of a room"
              type="url"
              placeholder="https://"
              {...form.getInputProps('telehealthUrl')}
            />
            <NumberInput
              label="Repeat weekly for N weeks"
              description="1 books a single appointment"
              min={1}
              max={52}
              {...form.getInputProps('repeatWeeks')}
            />
          </SimpleGrid>
          <ScheduleError error={book.error} />
          {shortfall && (
            <Textarea
              label="Reason for saving anyway"
              required
              autosize
              minRows={2}
              {...form.getInputProps('intensityOverrideReason')}
            />
          )}
          <Group>
            <Button type="submit" loading={book.isPending}>
              {shortfall ? 'Book anyway' : 'Book appointment'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Page>
  );
}
