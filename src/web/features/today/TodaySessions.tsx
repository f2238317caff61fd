import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { ATTENDANCE_STATUS_LABELS, type TodayDto } from '../../../contracts/attendance.js';
import { Section } from '../../components/Section.js';
import { EngagementBadges } from '../attendance/EngagementBadges.js';
import { SessionNoteButton } from '../notes/SessionNoteButton.js';
import { LatestScores } from '../outcomes/LatestScores.js';
import { describeSession } from '../scheduling/format.js';

type TodaySession = TodayDto['sessions'][number];

/** The signed-in clinician's sessions today, each with its roster and one click from roll call. */
export function TodaySessions({ sessions }: { sessions: TodayDto['sessions'] }) {
  return (
    <Section heading="Your sessions today">
      {sessions.length === 0 && <Text size="sm">No sessions today.</Text>}
      {sessions.map((s) => (
        <SessionRoster key={s.session.id} today={s} />
      ))}
    </Section>
  );
}

function SessionRoster({ today: { session, members, recorded } }: { today: TodaySession }) {
  const name = `${session.title} at ${session.start}`;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={3} size="h5">
              {session.start}–{session.end} {session.title}
            </Title>
            <Text size="sm">{describeSession(session)}</Text>
            <Text size="sm">
              Attendance: {recorded} of {members.length} recorded
            </Text>
          </div>
          <Group gap="xs" align="flex-start">
            <Button
              size="xs"
              component={Link}
              to={`/sessions/${session.id}/roll-call`}
              aria-label={`Roll call: ${name}`}
            >
              Roll call
            </Button>
            <SessionNoteButton session={session} members={members} />
          </Group>
        </Group>
        {members.length > 0 && (
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label={`Roster: ${name}`} verticalSpacing={4}>
              <Table.Tbody>
                {members.map((m) => (
                  <Table.Tr key={m.patientId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/patients/${m.patientId}`} size="sm">
                        {m.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {m.status ? ATTENDANCE_STATUS_LABELS[m.status] : 'Not recorded'}
                        {m.minutes !== null && m.minutes > 0 ? ` · ${m.minutes} min` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <EngagementBadges {...m} />
                    </Table.Td>
                    <Table.Td>
                      <LatestScores scores={m.scores} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Paper>
  );
}
