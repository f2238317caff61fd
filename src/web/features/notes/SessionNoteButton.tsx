import { Button, Stack } from '@mantine/core';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useOpenNote } from './notes-api.js';

interface SessionNoteButtonProps {
  session: Pick<SessionDto, 'id' | 'kind' | 'title' | 'start'>;
  /** The appointment's patients (a group is documented on one page for all its members). */
  members: readonly { patientId: string; name: string }[];
}

/**
 * Where a session's documentation starts: the group note for a group; for an appointment, the
 * patient's note (opened, or created as a draft) one click away.
 */
export function SessionNoteButton({ session, members }: SessionNoteButtonProps) {
  if (session.kind === 'group') {
    return (
      <Button
        size="xs"
        variant="light"
        component={Link}
        to={`/sessions/${session.id}/group-note`}
        aria-label={`Group note: ${session.title} at ${session.start}`}
      >
        Group note
      </Button>
    );
  }
  return <AppointmentNoteButtons session={session} members={members} />;
}

function AppointmentNoteButtons({ session, members }: SessionNoteButtonProps) {
  const open = useOpenNote(session.id);
  const navigate = useNavigate();
  return (
    <Stack gap={4} align="flex-end">
      {members.map((m) => (
        <Button
          key={m.patientId}
          size="xs"
          variant="light"
          aria-label={`Note for ${m.name}: ${session.title} at ${session.start}`}
          loading={open.isPending && open.variables.patientId === m.patientId}
          onClick={() =>
            open.mutate(
              { patientId: m.patientId },
              { onSuccess: (note) => void navigate(`/notes/${note.id}`) },
            )
          }
        >
          {members.length > 1 ? `Note: ${m.name}` : 'Note'}
        </Button>
      ))}
      <ErrorAlert error={open.error} />
    </Stack>
  );
}
