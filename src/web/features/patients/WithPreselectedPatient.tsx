import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { PatientSummary } from '../../../contracts/patients.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { usePatient } from './patients-api.js';

type Render = (patient: PatientSummary | null) => ReactNode;

/** A form opened for the patient named in `?patientId=…` (loaded first), or for no one yet. */
export function WithPreselectedPatient({ children }: { children: Render }) {
  const [params] = useSearchParams();
  const id = params.get('patientId');
  return id ? <Loaded id={id}>{children}</Loaded> : children(null);
}

function Loaded({ id, children }: { id: string; children: Render }) {
  const patient = usePatient(id);
  if (patient.error) return <ErrorAlert error={patient.error} />;
  if (!patient.data) return null;
  return children(patient.data);
}
