import { Alert, Anchor, Button, Group, Loader, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isInstrumentId, type InstrumentId } from '../../../domain/instruments/index.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { patientName } from '../patients/format.js';
import { usePatient } from '../patients/patients-api.js';
import { CrisisStepsDialog } from '../safety/CrisisStepsDialog.js';
import {
  useCreateAdministration,
  useInstruments,
  type AdministrationCreated,
  type InstrumentDefinition,
} from './assessments-api.js';
import { InstrumentForm, type InstrumentSubmission } from './InstrumentForm.js';
import { ScoreSummary } from './LiveScore.js';

/** Instruments this organization may use: C-SSRS only with its electronic-use licence switched on. */
export function availableInstruments(
  all: readonly InstrumentDefinition[],
  cssrsEnabled: boolean,
): InstrumentDefinition[] {
  return all.filter((d) => d.licence.enabledByDefault || (d.id === 'c-ssrs' && cssrsEnabled));
}

/** /patients/:id/screen?instrument=phq-9&referralId=…: record one instrument for a patient. */
export function ScreeningPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const referralId = params.get('referralId') ?? undefined;
  const requested = params.get('instrument');
  const me = useSignedInMe();
  const cssrsEnabled = (me.organization.settings as { cssrsEnabled?: boolean }).cssrsEnabled === true;
  const patient = usePatient(id);
  const instruments = useInstruments();
  const create = useCreateAdministration(id);
  const navigate = useNavigate();
  const [saved, setSaved] = useState<AdministrationCreated | null>(null);
  const [crisisOpen, setCrisisOpen] = useState(false);

  const available = availableInstruments(instruments.data ?? [], cssrsEnabled);
  const instrumentId: InstrumentId | null = isInstrumentId(requested) ? requested : null;
  const definition = available.find((d) => d.id === instrumentId);
  const name = patient.data ? patientName(patient.data) : '';
  const backTo = referralId ? `/referrals/${referralId}` : `/patients/${id}`;
  const backLabel = referralId ? 'Back to the referral' : 'Back to the patient record';

  const choose = (next: string) => {
    create.reset();
    setSaved(null);
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next) updated.set('instrument', next);
        else updated.delete('instrument');
        return updated;
      },
      { replace: true },
    );
  };

  const save = (submission: InstrumentSubmission) => {
    if (!definition) return;
    create.mutate(
      { instrument: definition.id, referralId, ...submission },
      {
        onSuccess: (created) => {
          const { result } = created.administration;
          if (created.crisisSteps) {
            // Crisis steps come first, before anything else on the page.
            setSaved(created);
            setCrisisOpen(true);
            return;
          }
          const total = result.total === null ? '' : `, total ${result.total}`;
          notifications.show({ color: 'green', message: `${definition.shortName} saved${total}.` });
          if (created.alert) {
            notifications.show({
              color: 'red',
              autoClose: false,
              message: 'A safety alert was raised for a licensed clinician to acknowledge.',
            });
          }
          void navigate(backTo);
        },
      },
    );
  };

  return (
    <Page title="Screening" heading={name ? `Screening: ${name}` : 'Screening'}>
      {saved?.crisisSteps && crisisOpen && (
        <CrisisStepsDialog
          crisis={saved.crisisSteps}
          patientName={name}
          alertRaised={!!saved.alert}
          onClose={() => setCrisisOpen(false)}
        />
      )}
      <Text>
        <Anchor component={Link} to={backTo}>
          {backLabel}
        </Anchor>
      </Text>
      <ErrorAlert error={patient.error ?? instruments.error} />
      {saved ? (
        <Section heading="Screening saved">
          <ScoreSummary result={saved.administration.result} />
          {saved.crisisSteps && (
            <Alert color="red" variant="light" role="alert" title={saved.crisisSteps.headline}>
              <ol style={{ margin: 0, paddingLeft: '1.25rem' }}>
                {saved.crisisSteps.steps.map((step) => (
                  <li key={step}>{step}</li>
                ))}
              </ol>
            </Alert>
          )}
          <Group>
            <Button component={Link} to={backTo}>
              {backLabel}
            </Button>
            <Button variant="default" onClick={() => choose('')}>
              Record another screening
            </Button>
          </Group>
        </Section>
      ) : (
        <Stack gap="lg">
          {instruments.isLoading ? (
            <Loader aria-label="Loading instruments" />
          ) : (
            <NativeSelect
              label="Instrument"
              data={[
                { value: '', label: 'Choose an instrument…' },
                ...available.map((d) => ({ value: d.id, label: `${d.shortName}: ${d.name}` })),
              ]}
              value={definition?.id ?? ''}
              onChange={(e) => choose(e.currentTarget.value)}
              maw={520}
            />
          )}
          {instrumentId && instruments.data && !definition && (
            <Alert color="yellow" variant="light">
              This instrument is not available in your organization.
            </Alert>
          )}
          {definition && (
            <Section heading={definition.shortName}>
              <InstrumentForm
                key={definition.id}
                definition={definition}
                saving={create.isPending}
                error={create.error}
                onSave={save}
              />
            </Section>
          )}
        </Stack>
      )}
    </Page>
  );
}
