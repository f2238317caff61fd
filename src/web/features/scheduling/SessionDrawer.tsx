import {
  Anchor,
  Badge,
  Button,
  DataList,
  Drawer,
  Group,
  List,
  Loader,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { CancelSessionForm } from './CancelSessionForm.js';
import { formatDay } from './dates.js';
import { placeOf } from './format.js';
import { GROUP_KIND_LABELS, SESSION_KIND_LABELS } from './labels.js';
import { MoveSessionForm } from './MoveSessionForm.js';
import { useSession } from './scheduling-api.js';

/** A session's details, people and actions, beside the calendar. */
export function SessionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const session = useSession(id);
  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="md" title="Session">
      <ErrorAlert error={session.error} />
      {session.isLoading && <Loader aria-label="Loading session" />}
      {session.data && <SessionDetails key={session.data.id} session={session.data} />}
    </Drawer>
  );
}

function SessionDetails({ session }: { session: SessionDto }) {
  const [action, setAction] = useState<'move' | 'cancel' | null>(null);
  const cancelled = session.status === 'cancelled';
  const rows: [string, ReactNode][] = [
    ['When', `${formatDay(session.localDate)} · ${session.start}–${session.end}`],
    ['Kind', session.groupKind ? GROUP_KIND_LABELS[session.groupKind] : SESSION_KIND_LABELS[session.kind]],
    ['Where', placeOf(session)],
    [
      'Program',
      session.program ? `${session.program.name}${session.track ? ` · ${session.track.name}` : ''}` : null,
    ],
    ['Module', session.curriculumModule?.title],
    [
      'Telehealth link',
      session.telehealthUrl && (
        <Anchor href={session.telehealthUrl} target="_blank" rel="noreferrer">
          {session.telehealthUrl}
        </Anchor>
      ),
    ],
    [
      'Size',
      session.maxSize === null
        ? `${session.participantCount}`
        : `${session.participantCount} of ${session.maxSize}`,
    ],
  ];
  return (
    <Stack>
      <Group gap="sm">
        <Title order={2} size="h3" td={cancelled ? 'line-through' : undefined}>
          {session.title}
        </Title>
        {cancelled && <Badge color="red">Cancelled</Badge>}
      </Group>
      {cancelled && session.statusReason && <Text size="sm">Reason: {session.statusReason}</Text>}
      <DataList labelWidth="8rem">
        {rows
          .filter(([, value]) => value !== null && value !== undefined && value !== '')
          .map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue>{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
      </DataList>
      <Title order={3} size="h5">
        Staff
      </Title>
      <List size="sm">
        {session.staff.map((person) => (
          <List.Item key={person.userId}>
            {person.name} {person.role === 'co' ? '(co-facilitator)' : '(lead)'}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h5">
        Participants
      </Title>
      {session.participants.length === 0 ? (
        <Text size="sm">No participants.</Text>
      ) : (
        <List size="sm">
          {session.participants.map((p) => (
            <List.Item key={p.patientId}>
              <Anchor component={Link} to={`/patients/${p.patientId}`} size="sm">
                {p.name}
              </Anchor>{' '}
              · MRN {p.mrn}
            </List.Item>
          ))}
        </List>
      )}
      {!cancelled && action === null && (
        <Group>
          <Button component={Link} to={`/sessions/${session.id}/roll-call`}>
            Take roll call
          </Button>
          <Button variant="default" onClick={() => setAction('move')}>
            Move session
          </Button>
          <Button variant="default" color="red" onClick={() => setAction('cancel')}>
            Cancel session
          </Button>
        </Group>
      )}
      {action === 'move' && <MoveSessionForm session={session} onDone={() => setAction(null)} />}
      {action === 'cancel' && <CancelSessionForm session={session} onDone={() => setAction(null)} />}
    </Stack>
  );
}
