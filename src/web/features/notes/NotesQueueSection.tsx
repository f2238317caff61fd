import { Anchor, Loader, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { NOTE_KIND_LABELS, type NoteQueueDto } from '../../../contracts/notes.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Section } from '../../components/Section.js';
import { formatDay } from '../scheduling/dates.js';
import { formatWhen } from '../patients/format.js';
import { useNoteQueue, useOpenAppointmentNote } from './notes-api.js';

type Draft = NoteQueueDto['drafts'][number];

/** A group member's draft is finished on the group note; any other draft on its own page. */
const draftLink = (d: Draft) =>
  d.kind === 'group_member' ? `/sessions/${d.sessionId}/group-note` : `/notes/${d.noteId}`;

/** Today's "Notes to finish": sessions to document, my drafts, notes waiting for my co-signature. */
export function NotesQueueSection() {
  const queue = useNoteQueue(true);
  const data = queue.data;
  const empty = data && data.toWrite.length + data.drafts.length + data.toCosign.length === 0;
  return (
    <Section heading="Notes to finish">
      <ErrorAlert error={queue.error} />
      {queue.isLoading && <Loader size="sm" aria-label="Loading notes to finish" />}
      {empty && <Text size="sm">All notes are signed.</Text>}
      {data && !empty && (
        <Stack>
          <QueueTable
            label="Sessions to document"
            headings={['Session', 'Date', 'Members without a signed note']}
            rows={data.toWrite.map((s) => ({
              key: s.sessionId,
              cells: [
                s.kind === 'group' ? (
                  <Anchor key="link" component={Link} to={`/sessions/${s.sessionId}/group-note`} size="sm">
                    {s.title}
                  </Anchor>
                ) : (
                  <OpenAppointmentNote key="link" sessionId={s.sessionId} title={s.title} />
                ),
                `${formatDay(s.date)} ${s.start}`,
                String(s.members),
              ],
            }))}
          />
          <QueueTable
            label="Draft notes"
            headings={['Patient', 'Note', 'Session']}
            rows={data.drafts.map((d) => ({
              key: d.noteId,
              cells: [
                <Anchor key="link" component={Link} to={draftLink(d)} size="sm">
                  {d.patient}
                </Anchor>,
                NOTE_KIND_LABELS[d.kind],
                `${d.title}, ${formatDay(d.date)}`,
              ],
            }))}
          />
          <QueueTable
            label="Notes to co-sign"
            headings={['Patient', 'Note', 'Author', 'Signed']}
            rows={data.toCosign.map((c) => ({
              key: c.noteId,
              cells: [
                <Anchor key="link" component={Link} to={`/notes/${c.noteId}`} size="sm">
                  {c.patient}
                </Anchor>,
                `${NOTE_KIND_LABELS[c.kind]}, ${formatDay(c.date)}`,
                c.author,
                formatWhen(c.signedAt),
              ],
            }))}
          />
        </Stack>
      )}
    </Section>
  );
}

/** An appointment to document: one click opens (or starts) its note. */
function OpenAppointmentNote({ sessionId, title }: { sessionId: string; title: string }) {
  const open = useOpenAppointmentNote();
  const navigate = useNavigate();
  return (
    <>
      <Anchor
        component="button"
        type="button"
        size="sm"
        onClick={() => open.mutate(sessionId, { onSuccess: (note) => void navigate(`/notes/${note.id}`) })}
      >
        {title}
      </Anchor>
      <ErrorAlert error={open.error} />
    </>
  );
}

interface QueueTableProps {
  label: string;
  headings: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}

function QueueTable({ label, headings, rows }: QueueTableProps) {
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">
        {label} ({rows.length})
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">None.</Text>
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table aria-label={label} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                {headings.map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.key}>
                  {row.cells.map((cell, i) => (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
