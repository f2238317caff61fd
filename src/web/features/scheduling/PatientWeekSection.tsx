import { Anchor, Button, DataList, Group, Loader, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { CurriculumProgressSection } from './CurriculumProgressSection.js';
import { addDays, formatDay, formatWeekRange, weekStart } from './dates.js';
import { formatHours } from './format.js';
import { ShortfallAlert } from './ScheduleProblems.js';
import { usePatientWeek } from './scheduling-api.js';

/** The patient's program and sessions for one week, on their record. */
export function PatientWeekSection({ patientId }: { patientId: string }) {
  const [week, setWeek] = useState<string | undefined>(undefined);
  const data = usePatientWeek(patientId, week);
  const weekOf = data.data?.weekOf ?? week;
  const go = (days: number) => weekOf && setWeek(addDays(weekStart(weekOf), days));
  const episode = data.data?.episode;
  const sessions = [...(data.data?.sessions ?? [])].sort((a, b) =>
    `${a.localDate}${a.start}`.localeCompare(`${b.localDate}${b.start}`),
  );
  const intensity = data.data?.intensity;

  return (
    <>
      <Section heading="Schedule this week">
        <ErrorAlert error={data.error} />
        {data.isLoading && <Loader size="sm" aria-label="Loading the week" />}
        {data.data && (
          <>
            {episode ? (
              <DataList labelWidth="10rem">
                <DataList.Item>
                  <DataList.ItemLabel>Program</DataList.ItemLabel>
                  <DataList.ItemValue>
                    {episode.program.name} · {episode.track.name}
                  </DataList.ItemValue>
                </DataList.Item>
                <DataList.Item>
                  <DataList.ItemLabel>Primary therapist</DataList.ItemLabel>
                  <DataList.ItemValue>{episode.primaryTherapist.name}</DataList.ItemValue>
                </DataList.Item>
                {episode.prescriber && (
                  <DataList.Item>
                    <DataList.ItemLabel>Prescriber</DataList.ItemLabel>
                    <DataList.ItemValue>{episode.prescriber.name}</DataList.ItemValue>
                  </DataList.Item>
                )}
              </DataList>
            ) : (
              <Text size="sm">Not admitted to a program.</Text>
            )}
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => go(-7)} disabled={data.isFetching}>
                Previous week
              </Button>
              <Button size="xs" variant="default" onClick={() => go(7)} disabled={data.isFetching}>
                Next week
              </Button>
              <Button
                size="xs"
                variant="default"
                component={Link}
                to={`/schedule/appointments/new?patientId=${patientId}`}
              >
                Book appointment
              </Button>
              {week !== undefined && (
                <Button size="xs" variant="subtle" onClick={() => setWeek(undefined)}>
                  This week
                </Button>
              )}
              <Text fw={600} size="sm" aria-live="polite">
                Week of {formatWeekRange(weekStart(data.data.weekOf))}
                {data.data.timeZone ? ` (${data.data.timeZone})` : ''}
              </Text>
            </Group>
            {sessions.length === 0 ? (
              <Text size="sm">Nothing scheduled this week.</Text>
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped aria-label="Sessions this week">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Day</Table.Th>
                      <Table.Th>Time</Table.Th>
                      <Table.Th>Session</Table.Th>
                      <Table.Th>Where</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {sessions.map((s) => {
                      const cancelled = s.status === 'cancelled';
                      return (
                        <Table.Tr key={s.id}>
                          <Table.Td>{formatDay(s.localDate)}</Table.Td>
                          <Table.Td>
                            {s.start}–{s.end}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" td={cancelled ? 'line-through' : undefined}>
                              {s.title}
                            </Text>
                            {cancelled && (
                              <Text size="xs" c="red.9">
                                Cancelled{s.statusReason ? `: ${s.statusReason}` : ''}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td>
                            {s.room?.name}
                            {s.room && s.telehealthUrl ? ' · ' : ''}
                            {s.telehealthUrl && (
                              <Anchor href={s.telehealthUrl} target="_blank" rel="noreferrer" size="sm">
                                Telehealth link
                              </Anchor>
                            )}
                            {!s.room && !s.telehealthUrl && '—'}
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            {intensity && (
              <Text size="sm">
                Planned: {formatHours(intensity.hoursPerWeek)} over {intensity.daysPerWeek}{' '}
                {intensity.daysPerWeek === 1 ? 'day' : 'days'}
                {intensity.ok ? ', meeting the program’s intensity.' : '.'}
              </Text>
            )}
            <ShortfallAlert intensity={intensity ?? null} />
          </>
        )}
      </Section>
      {episode?.status === 'active' && <CurriculumProgressSection episodeId={episode.id} />}
    </>
  );
}
