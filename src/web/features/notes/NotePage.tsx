import { Alert, Anchor, Button, Group, Loader } from '@mantine/core';
import { Link, useParams } from 'react-router';
import type { NoteDto } from '../../../contracts/notes.js';
import { apiUrl } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { NoteHeaderList } from './NoteHeaderList.js';
import { NoteStatusBadges, Part2Badge } from './NoteBadges.js';
import { NoteDraftEditor } from './NoteDraftEditor.js';
import { SignedNoteView } from './SignedNoteView.js';
import { noteTitle } from './note-draft.js';
import { useNote } from './notes-api.js';

/** /notes/:id: one patient's note: a draft to write and sign, or a signed note with its addenda. */
export function NotePage() {
  const { id = '' } = useParams();
  const note = useNote(id);
  if (note.error) {
    return (
      <Page title="Note">
        <ErrorAlert error={note.error} />
        <Anchor component={Link} to="/">
          Back to Today
        </Anchor>
      </Page>
    );
  }
  if (!note.data) return <Loader aria-label="Loading note" />;
  return <NoteView note={note.data} />;
}

function NoteView({ note }: { note: NoteDto }) {
  const title = `${noteTitle(note)}: ${note.header.patient}`;
  const groupDraft = note.status === 'draft' && note.kind === 'group_member';
  return (
    <Page
      title={title}
      actions={
        <Group>
          <Button component={Link} to={`/patients/${note.patientId}`} variant="default">
            Patient record
          </Button>
          {note.status !== 'draft' && (
            <Button component="a" href={apiUrl(`/notes/${note.id}/pdf`)} download variant="default">
              Download PDF
            </Button>
          )}
        </Group>
      }
    >
      <Group gap="xs">
        <NoteStatusBadges status={note.status} lateEntry={note.lateEntry} />
        {note.part2 && <Part2Badge />}
      </Group>
      <Section heading="Session">
        <NoteHeaderList header={note.header} author={note.author} />
      </Section>
      {groupDraft ? (
        <Alert color="blue" variant="light" title="Written on the group note">
          A group member&apos;s note is written and signed with the group&apos;s shared part.{' '}
          <Anchor component={Link} to={`/sessions/${note.sessionId}/group-note`}>
            Open the group note
          </Anchor>
        </Alert>
      ) : note.status === 'draft' ? (
        <NoteDraftEditor note={note} />
      ) : (
        <SignedNoteView note={note} />
      )}
    </Page>
  );
}
