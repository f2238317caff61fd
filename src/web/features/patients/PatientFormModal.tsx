import { Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import type { PatientDto } from '../../../contracts/patients.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { serverFieldErrors } from '../../components/form-errors.js';
import { DuplicateWarning } from './DuplicateWarning.js';
import { patientName } from './format.js';
import { PatientFields } from './PatientFields.js';
import { patientBody, patientFormValues, patientRules, type PatientFormValues } from './patient-form.js';
import { possibleDuplicates, useCreatePatient, useUpdatePatient } from './patients-api.js';

interface PatientFormModalProps {
  /** The patient to edit; without one the form registers a new patient and opens the record. */
  patient?: PatientDto;
  onClose: () => void;
}

export function PatientFormModal({ patient, onClose }: PatientFormModalProps) {
  return patient ? <EditPatient patient={patient} onClose={onClose} /> : <NewPatient onClose={onClose} />;
}

function usePatientForm(patient: PatientDto | null) {
  return useForm<PatientFormValues>({
    initialValues: patientFormValues(patient),
    validate: patientRules<PatientFormValues>((values) => values),
  });
}

function EditPatient({ patient, onClose }: { patient: PatientDto; onClose: () => void }) {
  const update = useUpdatePatient(patient.id);
  const form = usePatientForm(patient);
  const submit = form.onSubmit((values) =>
    update.mutate(patientBody(values), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: `${patientName(saved)}’s details were saved.` });
        onClose();
      },
      onError: (error) => form.setErrors(serverFieldErrors(error)),
    }),
  );
  return (
    <Modal opened onClose={onClose} title={`Edit ${patientName(patient)}`} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <PatientFields
            inputProps={(path) => form.getInputProps(path)}
            showMore={!!patient.address || !!patient.emergencyContact}
            autoFocus
          />
          <ErrorAlert error={update.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function NewPatient({ onClose }: { onClose: () => void }) {
  const create = useCreatePatient();
  const navigate = useNavigate();
  const form = usePatientForm(null);

  const send = (values: PatientFormValues, confirmNotDuplicate: boolean) =>
    create.mutate(
      { ...patientBody(values), confirmNotDuplicate: confirmNotDuplicate || undefined },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: `${patientName(saved)} was registered.` });
          void navigate(`/patients/${saved.id}`);
        },
        onError: (error) => {
          if (!possibleDuplicates(error)) form.setErrors(serverFieldErrors(error));
        },
      },
    );
  const submit = form.onSubmit((values) => send(values, false));
  const duplicates = possibleDuplicates(create.error);

  return (
    <Modal opened onClose={onClose} title="New patient" size="xl">
      <form onSubmit={submit} noValidate>
        <Stack>
          <PatientFields inputProps={(path) => form.getInputProps(path)} autoFocus />
          {duplicates ? (
            <DuplicateWarning
              duplicates={duplicates}
              useLabel="Open this record"
              pending={create.isPending}
              onUse={(existing) => void navigate(`/patients/${existing.id}`)}
              onCreateAnyway={() => send(form.getValues(), true)}
            />
          ) : (
            <ErrorAlert error={create.error} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Register patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
