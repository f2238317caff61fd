import { Anchor, Button, DataList, Group, Loader, Table, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { PatientDto } from '../../../contracts/patients.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { AdministrationsTable } from '../assessments/AdministrationsTable.js';
import { useAdministrations } from '../assessments/assessments-api.js';
import { usePatientReferrals } from '../intake/intake-api.js';
import { SOURCE_LABELS, STATUS_LABELS } from '../intake/labels.js';
import { UrgencyBadge } from '../intake/UrgencyBadge.js';
import { PatientSafetyBanner } from '../safety/PatientSafetyBanner.js';
import { SafetyPlanSection } from '../safety/SafetyPlanSection.js';
import { PatientWeekSection } from '../scheduling/PatientWeekSection.js';
import { WeeklyHoursSection } from '../attendance/WeeklyHoursSection.js';
import { EngagementSection } from '../attendance/EngagementSection.js';
import { ChartSection } from '../notes/ChartSection.js';
import { OutcomesSection } from '../outcomes/OutcomesSection.js';
import { MedicationsSection } from '../notes/MedicationsSection.js';
import { TreatmentPlanSection } from '../plans/TreatmentPlanSection.js';
import { INTAKE_ROLES } from '../../../domain/identity/roles.js';
import { hasAnyRole } from './access.js';
import { formatDateOfBirth, formatWhen, patientName } from './format.js';
import { SEX_AT_BIRTH_LABELS } from './patient-form.js';
import { PatientFormModal } from './PatientFormModal.js';
import { usePatient } from './patients-api.js';

/** /patients/:id: the chart: safety alerts first, demographics, referrals (intake team) and screenings. */
export function PatientRecordPage() {
  const { id = '' } = useParams();
  const patient = usePatient(id);
  if (patient.error) {
    return (
      <Page title="Patient">
        <ErrorAlert error={patient.error} />
      </Page>
    );
  }
  if (!patient.data) return <Loader aria-label="Loading patient" />;
  return <PatientRecord patient={patient.data} />;
}

function PatientRecord({ patient }: { patient: PatientDto }) {
  const me = useSignedInMe();
  const clinical = hasAnyRole(me.roles, INTAKE_ROLES);
  const [editing, setEditing] = useState(false);
  const name = patientName(patient);

  return (
    <Page
      title={name}
      heading={
        <>
          {name}
          <Text component="span" size="md" fw={400} ml="sm">
            MRN {patient.mrn}
          </Text>
        </>
      }
      actions={
        clinical && (
          <Group>
            <Button component={Link} to={`/patients/${patient.id}/screen`}>
              Record a screening
            </Button>
            <Button component={Link} to={`/intake/new?patientId=${patient.id}`} variant="default">
              New referral
            </Button>
          </Group>
        )
      }
    >
      <PatientSafetyBanner patientId={patient.id} />
      {clinical && <SafetyPlanSection patientId={patient.id} />}
      <Section heading="Demographics">
        <Demographics patient={patient} />
        <Button variant="default" onClick={() => setEditing(true)} style={{ alignSelf: 'flex-start' }}>
          Edit details
        </Button>
      </Section>
      <PatientWeekSection patientId={patient.id} />
      <WeeklyHoursSection patientId={patient.id} />
      {clinical && <EngagementSection patientId={patient.id} />}
      {clinical && <OutcomesSection patientId={patient.id} />}
      {clinical && <TreatmentPlanSection patientId={patient.id} />}
      {clinical && <ChartSection patientId={patient.id} />}
      {clinical && <MedicationsSection patientId={patient.id} />}
      {clinical && <PatientReferrals patientId={patient.id} />}
      {clinical && <ScreeningHistory patientId={patient.id} />}
      {editing && <PatientFormModal patient={patient} onClose={() => setEditing(false)} />}
    </Page>
  );
}

function Demographics({ patient }: { patient: PatientDto }) {
  const { address, emergencyContact: contact } = patient;
  const rows: [string, ReactNode][] = [
    ['Preferred name', patient.preferredName],
    ['Pronouns', patient.pronouns],
    ['Date of birth', formatDateOfBirth(patient.dateOfBirth)],
    ['Sex assigned at birth', patient.sexAssignedAtBirth && SEX_AT_BIRTH_LABELS[patient.sexAssignedAtBirth]],
    ['Gender identity', patient.genderIdentity],
    ['Phone', patient.phone],
    ['Email', patient.email],
    ['Preferred language', patient.preferredLanguage],
    [
      'Address',
      address &&
        [address.line1, address.line2, `${address.city}, ${address.state} ${address.postalCode}`]
          .filter(Boolean)
          .join(', '),
    ],
    [
      'Emergency contact',
      contact &&
        [contact.name, contact.relationship && `(${contact.relationship})`, contact.phone]
          .filter(Boolean)
          .join(' '),
    ],
  ];
  return (
    <DataList labelWidth="12rem">
      {rows.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue>{value || 'Not recorded'}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

function PatientReferrals({ patientId }: { patientId: string }) {
  const referrals = usePatientReferrals(patientId);
  return (
    <Section heading="Referrals">
      <ErrorAlert error={referrals.error} />
      {referrals.isLoading && <Loader size="sm" aria-label="Loading referrals" />}
      {referrals.data?.length === 0 && <Text size="sm">No referrals.</Text>}
      {!!referrals.data?.length && (
        <Table.ScrollContainer minWidth={600}>
          <Table striped aria-label="Referrals">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Received</Table.Th>
                <Table.Th>Source</Table.Th>
                <Table.Th>Urgency</Table.Th>
                <Table.Th>Stage</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {referrals.data.map((referral) => (
                <Table.Tr key={referral.id}>
                  <Table.Td>
                    <Anchor size="sm" component={Link} to={`/referrals/${referral.id}`}>
                      {formatWhen(referral.createdAt)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{SOURCE_LABELS[referral.source]}</Table.Td>
                  <Table.Td>
                    <UrgencyBadge urgency={referral.urgency} />
                  </Table.Td>
                  <Table.Td>{STATUS_LABELS[referral.status]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

function ScreeningHistory({ patientId }: { patientId: string }) {
  const administrations = useAdministrations(patientId);
  return (
    <Section heading="Screening history">
      <ErrorAlert error={administrations.error} />
      {administrations.isLoading ? (
        <Loader size="sm" aria-label="Loading screenings" />
      ) : (
        <AdministrationsTable items={administrations.data ?? []} label="Screening history" />
      )}
    </Section>
  );
}
