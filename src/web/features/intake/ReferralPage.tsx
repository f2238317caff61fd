import { Anchor, Button, DataList, Group, Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { AdministrationsTable } from '../assessments/AdministrationsTable.js';
import { useAdministrations } from '../assessments/assessments-api.js';
import { formatDateOfBirth, formatWhen, patientName } from '../patients/format.js';
import { PatientSafetyBanner } from '../safety/PatientSafetyBanner.js';
import { useReferral } from './intake-api.js';
import { SOURCE_LABELS } from './labels.js';
import { LevelOfCarePanel } from './LevelOfCarePanel.js';
import { isPipelineStage } from './pipeline.js';
import { ReferralNotes } from './ReferralNotes.js';
import { ReferralTimeline } from './ReferralTimeline.js';
import { StagePanel } from './StagePanel.js';
import { UrgencyBadge } from './UrgencyBadge.js';

/** /referrals/:id: one referral's stage, details, screening, level of care, notes and history. */
export function ReferralPage() {
  const { id = '' } = useParams();
  const referral = useReferral(id);
  if (referral.error) {
    return (
      <Page title="Referral">
        <ErrorAlert error={referral.error} />
      </Page>
    );
  }
  if (!referral.data) return <Loader aria-label="Loading referral" />;
  return <ReferralView referral={referral.data} />;
}

function ReferralView({ referral }: { referral: ReferralDetailDto }) {
  const name = patientName(referral.patient);
  const open = isPipelineStage(referral.status);
  return (
    <Page
      title={`Referral: ${name}`}
      heading={`Referral for ${name}`}
      actions={
        <Group>
          {referral.status === 'accepted' && (
            <Button component={Link} to={`/admissions/new?referralId=${referral.id}`}>
              Admit to a program
            </Button>
          )}
          <Button component={Link} to={`/patients/${referral.patient.id}`} variant="default">
            Open patient record
          </Button>
        </Group>
      }
    >
      <PatientSafetyBanner patientId={referral.patient.id} />
      <Text>
        <Anchor component={Link} to="/intake">
          Back to the intake board
        </Anchor>
      </Text>
      <StagePanel referral={referral} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReferralDetails referral={referral} />
        <ReferralScreenings referral={referral} open={open} />
      </SimpleGrid>
      <LevelOfCarePanel referral={referral} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <ReferralNotes referral={referral} />
        <ReferralTimeline referral={referral} />
      </SimpleGrid>
    </Page>
  );
}

function ReferralDetails({ referral }: { referral: ReferralDetailDto }) {
  const { patient } = referral;
  const referrer = [referral.referrerName, referral.referrerOrganization].filter(Boolean).join(', ');
  const contact = [referral.referrerPhone, referral.referrerEmail].filter(Boolean).join(' · ');
  return (
    <Section heading="Details">
      <DataList labelWidth="11rem">
        <Item label="Patient">
          <Anchor size="sm" component={Link} to={`/patients/${patient.id}`}>
            {patientName(patient)}
          </Anchor>{' '}
          · MRN {patient.mrn} · Born {formatDateOfBirth(patient.dateOfBirth)}
        </Item>
        <Item label="Urgency">
          <UrgencyBadge urgency={referral.urgency} />
        </Item>
        <Item label="Source">{SOURCE_LABELS[referral.source]}</Item>
        <Item label="Referrer">{referrer || '—'}</Item>
        <Item label="Referrer contact">{contact || '—'}</Item>
        <Item label="Consent to contact">
          {referral.consentToContact ? 'Yes' : 'No: do not contact the person directly'}
        </Item>
        <Item label="Received">{formatWhen(referral.createdAt)}</Item>
      </DataList>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          Reason for referral
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{referral.reason}</Text>
      </Stack>
    </Section>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue>{children}</DataList.ItemValue>
    </DataList.Item>
  );
}

function ReferralScreenings({ referral, open }: { referral: ReferralDetailDto; open: boolean }) {
  const administrations = useAdministrations(referral.patient.id);
  const forReferral = (administrations.data ?? []).filter((a) => a.referralId === referral.id);
  return (
    <Section heading="Screening">
      <ErrorAlert error={administrations.error} />
      {administrations.isLoading ? (
        <Loader size="sm" aria-label="Loading screenings" />
      ) : (
        <AdministrationsTable items={forReferral} label="Screenings for this referral" compact />
      )}
      {open && (
        <Button
          component={Link}
          to={`/patients/${referral.patient.id}/screen?instrument=phq-9&referralId=${referral.id}`}
          style={{ alignSelf: 'flex-start' }}
        >
          Start a screening
        </Button>
      )}
    </Section>
  );
}
