import { Badge, Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api.js';
import type { DueMeasureDto, PatientOutcomesDto } from '../../../contracts/outcomes.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatDate } from '../patients/format.js';
import { useCreateKiosk, usePatientOutcomes } from './outcomes-api.js';
import { TrajectoryChart } from './TrajectoryChart.js';

const REASON_LABELS: Record<DueMeasureDto['reason'], string> = {
  admission: 'At admission',
  discharge: 'At discharge',
  periodic: 'Regular check',
};

/** The patient's outcome measures this episode: what is due, and a chart per instrument. */
export function OutcomesSection({ patientId }: { patientId: string }) {
  const outcomes = usePatientOutcomes(patientId);
  const data = outcomes.data;
  return (
    <Section heading="Outcomes">
      <ErrorAlert error={outcomes.error} />
      {outcomes.isLoading && <Loader size="sm" aria-label="Loading outcomes" />}
      {data && <Outcomes patientId={patientId} outcomes={data} />}
    </Section>
  );
}

function Outcomes({ patientId, outcomes }: { patientId: string; outcomes: PatientOutcomesDto }) {
  const { episode, due, trajectories } = outcomes;
  return (
    <Stack gap="lg">
      {episode ? (
        <Text size="sm">
          {episode.programName}: admitted {formatDate(episode.admittedOn)}
          {episode.dischargedOn ? `, discharged ${formatDate(episode.dischargedOn)}` : ''}.
        </Text>
      ) : (
        <Text size="sm">No episode of care: measures are scheduled from admission.</Text>
      )}
      <DueMeasures patientId={patientId} due={due} />
      {trajectories.length === 0 ? (
        <Text size="sm">No outcome scores in this episode yet.</Text>
      ) : (
        trajectories.map((trajectory) => (
          <TrajectoryChart key={trajectory.instrumentId} trajectory={trajectory} />
        ))
      )}
    </Stack>
  );
}

function DueMeasures({ patientId, due }: { patientId: string; due: PatientOutcomesDto['due'] }) {
  const kiosk = useCreateKiosk(patientId);

  const handToPatient = () =>
    kiosk.mutate(
      { instruments: [...new Set(due.map((d) => d.instrumentId))] },
      {
        // The tablet leaves staff hands: sign out on this device first, then load the kiosk afresh
        // (replacing the history entry), so no staff page or cached record stays reachable.
        onSuccess: (handoff) =>
          void api
            .post('/auth/logout')
            .catch(() => undefined)
            .then(() => window.location.replace(handoff.path)),
      },
    );

  const [tabletCode, setTabletCode] = useState<string | null>(null);
  const codeForTablet = () =>
    kiosk.mutate(
      { instruments: [...new Set(due.map((d) => d.instrumentId))] },
      { onSuccess: (handoff) => setTabletCode(handoff.code) },
    );

  return (
    <Stack gap="xs" component="section" aria-labelledby={`due-${patientId}`}>
      <Modal
        opened={tabletCode !== null}
        onClose={() => setTabletCode(null)}
        title="Code for a clinic tablet"
      >
        <Stack>
          <Text size="sm">On the clinic tablet, open {window.location.origin}/kiosk and type:</Text>
          <Text fz={32} fw={700} ff="monospace">
            {tabletCode}
          </Text>
          <Text size="sm">It works once, for 30 minutes, for the measures due now.</Text>
        </Stack>
      </Modal>
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h4" id={`due-${patientId}`}>
          Measures due
        </Title>
        {due.length > 0 && (
          <Group gap="xs">
            <Button
              onClick={handToPatient}
              loading={kiosk.isPending}
              aria-describedby={`hand-over-${patientId}`}
            >
              Hand tablet to patient
            </Button>
            <Button variant="default" onClick={codeForTablet} loading={kiosk.isPending}>
              Code for a clinic tablet
            </Button>
          </Group>
        )}
      </Group>
      {due.length > 0 && (
        <Text size="sm" id={`hand-over-${patientId}`}>
          Handing the tablet over signs you out of it; sign in again when you get it back.
        </Text>
      )}
      <ErrorAlert error={kiosk.error} />
      {due.length === 0 ? (
        <Text size="sm">Nothing is due.</Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {due.map((measure) => (
            <Group key={`${measure.instrumentId}-${measure.reason}`} component="li" gap="sm" wrap="wrap">
              <Text fw={600} miw="5rem">
                {measure.shortName}
              </Text>
              <Text size="sm">{REASON_LABELS[measure.reason]}</Text>
              {measure.overdue ? (
                <Badge color="orange.3" autoContrast>
                  Overdue since {formatDate(measure.dueOn)}
                </Badge>
              ) : (
                <Badge color="gray" variant="light" autoContrast>
                  Due {formatDate(measure.dueOn)}
                </Badge>
              )}
              <Button
                component={Link}
                to={`/patients/${patientId}/screen?instrument=${encodeURIComponent(measure.instrumentId)}`}
                size="compact-sm"
                variant="default"
                aria-label={`Enter scores: ${measure.shortName}`}
              >
                Enter scores
              </Button>
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
