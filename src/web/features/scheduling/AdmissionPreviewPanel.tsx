import { Table, Text } from '@mantine/core';
import { Section } from '../../components/Section.js';
import { formatDay } from './dates.js';
import { formatHours } from './format.js';
import { ConflictList, ShortfallAlert } from './ScheduleProblems.js';
import type { AdmissionPreview } from './scheduling-api.js';

/** The first full week the admission would book, its intensity and any clashes. */
export function AdmissionPreviewPanel({ preview }: { preview: AdmissionPreview }) {
  const sessions = [...preview.sessions].sort((a, b) =>
    `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`),
  );
  const { intensity } = preview;
  return (
    <Section heading={`Planned week of ${formatDay(preview.weekOf)}`}>
      <Text>
        {formatHours(intensity.hoursPerWeek)} a week over {intensity.daysPerWeek}{' '}
        {intensity.daysPerWeek === 1 ? 'day' : 'days'}
        {intensity.ok ? ': meets the program’s intensity.' : '.'}
      </Text>
      {sessions.length === 0 ? (
        <Text size="sm">Nothing would be scheduled that week.</Text>
      ) : (
        <Table striped aria-label="Planned first full week">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Day</Table.Th>
              <Table.Th>Time</Table.Th>
              <Table.Th>Session</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s, i) => (
              <Table.Tr key={`${s.date}-${s.start}-${i}`}>
                <Table.Td>{formatDay(s.date)}</Table.Td>
                <Table.Td>
                  {s.start}–{s.end}
                </Table.Td>
                <Table.Td>{s.title}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ShortfallAlert intensity={intensity} />
      <ConflictList conflicts={preview.conflicts} />
    </Section>
  );
}
