import { Anchor, Loader, NativeSelect, Paper, SimpleGrid, Table, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ProgramOutcomesDto } from '../../../contracts/outcomes.js';
import { LICENSED_ROLES, PATIENT_RECORD_ROLES } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { hasAnyRole } from '../patients/access.js';
import { plural } from '../patients/format.js';
import { usePrograms } from '../scheduling/scheduling-api.js';
import { MeasurementSettingsSection } from './MeasurementSettingsSection.js';
import { useProgramOutcomes, type OutcomesInstrument } from './outcomes-api.js';
import { countWithShare, formatMedianChange } from './program-figures.js';

const INSTRUMENT_OPTIONS: { value: OutcomesInstrument; label: string }[] = [
  { value: 'phq-9', label: 'PHQ-9 (depression)' },
  { value: 'gad-7', label: 'GAD-7 (anxiety)' },
  { value: 'pcl-5', label: 'PCL-5 (PTSD)' },
];

function isOutcomesInstrument(value: string | null): value is OutcomesInstrument {
  return INSTRUMENT_OPTIONS.some((o) => o.value === value);
}

/** /programs/:id/outcomes: measurement-based-care figures for a program, and its measurement schedule. */
export function ProgramOutcomesPage() {
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = params.get('instrument');
  const instrument: OutcomesInstrument = isOutcomesInstrument(requested) ? requested : 'phq-9';
  const me = useSignedInMe();
  // The figures name patients: licensed clinical staff only (administrators set the schedule).
  const readsOutcomes = hasAnyRole(me.roles, LICENSED_ROLES);
  const outcomes = useProgramOutcomes(id, instrument, readsOutcomes);
  const programs = usePrograms();
  const program = programs.data?.find((p) => p.id === id);
  const name = program?.name ?? outcomes.data?.program.name;

  return (
    <Page title={name ? `Outcomes: ${name}` : 'Program outcomes'}>
      <Text>
        <Anchor component={Link} to="/programs">
          Back to programs
        </Anchor>
      </Text>
      {readsOutcomes ? (
        <>
          <NativeSelect
            label="Instrument"
            data={INSTRUMENT_OPTIONS}
            value={instrument}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setParams({ instrument: next }, { replace: true });
            }}
            maw={320}
          />
          <ErrorAlert error={outcomes.error} />
          {outcomes.isLoading && <Loader aria-label="Loading outcomes" />}
          {outcomes.data && <ProgramOutcomes outcomes={outcomes.data} />}
        </>
      ) : (
        <Text>Outcome figures are shown to licensed clinical staff.</Text>
      )}
      <MeasurementSettingsSection programId={id} tracks={program?.tracks ?? []} />
    </Page>
  );
}

function ProgramOutcomes({ outcomes: o }: { outcomes: ProgramOutcomesDto }) {
  const me = useSignedInMe();
  const canOpenRecords = hasAnyRole(me.roles, PATIENT_RECORD_ROLES);
  const short =
    INSTRUMENT_OPTIONS.find((i) => i.value === o.instrumentId)?.label.split(' ')[0] ?? o.instrumentId;
  const tiles: [string, string, string?][] = [
    ['Active patients', `${o.activePatients}`],
    ['Measured', countWithShare(o.measured, o.activePatients), 'A baseline and a later score'],
    ['Response', countWithShare(o.response, o.measured), 'Lower than baseline by the set percentage'],
    ['Remission', countWithShare(o.remission, o.measured)],
    ['Reliable improvement', countWithShare(o.reliableImprovement, o.measured)],
    ['Reliable worsening', countWithShare(o.reliableWorsening, o.measured)],
    ['Not on track', countWithShare(o.notOnTrack, o.measured)],
    ['Median change', formatMedianChange(o.medianChange), 'Latest minus baseline; lower is better'],
  ];
  const d = o.dischargedLast90Days;

  return (
    <>
      <Section heading={`${short} in active episodes`}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
          {tiles.map(([label, value, hint]) => (
            <Paper key={label} withBorder p="sm" radius="md">
              <Text component="dt" size="sm">
                {label}
              </Text>
              <Text component="dd" m={0} size="xl" fw={700}>
                {value}
              </Text>
              {hint && (
                <Text component="dd" m={0} size="xs" c="dimmed">
                  {hint}
                </Text>
              )}
            </Paper>
          ))}
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          Thresholds version {o.thresholdsVersion}. Percentages are of the patients measured.
        </Text>
      </Section>

      <Section heading="Discharged in the last 90 days">
        {d.measured === 0 ? (
          <Text size="sm">No measured discharges in the last 90 days.</Text>
        ) : (
          <Text>
            {plural(d.measured, 'patient')} measured: {countWithShare(d.response, d.measured)} responded,{' '}
            {countWithShare(d.remission, d.measured)} in remission.
          </Text>
        )}
      </Section>

      <Section heading="Patients not on track">
        {o.patientsNotOnTrack.length === 0 ? (
          <Text size="sm">No patients are flagged as not on track.</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped aria-label={`Patients not on track (${short})`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Patient</Table.Th>
                  <Table.Th scope="col">Baseline</Table.Th>
                  <Table.Th scope="col">Latest</Table.Th>
                  <Table.Th scope="col">Weeks since baseline</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {o.patientsNotOnTrack.map((p) => (
                  <Table.Tr key={p.patientId}>
                    <Table.Td>
                      {canOpenRecords ? (
                        <Anchor component={Link} to={`/patients/${p.patientId}`} size="sm">
                          {p.name}
                        </Anchor>
                      ) : (
                        p.name
                      )}
                    </Table.Td>
                    <Table.Td>{p.baseline}</Table.Td>
                    <Table.Td>{p.latest}</Table.Td>
                    <Table.Td>{p.weeks}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Section>
    </>
  );
}
