import { List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { NoteDto } from '../../../contracts/notes.js';
import { GROUP_SHARED_SECTIONS, VITAL_RANGES } from '../../../domain/notes/index.js';
import { useSignedInMe } from '../../app/auth.js';
import { Section } from '../../components/Section.js';
import { formatWhen } from '../patients/format.js';
import { PlanGoalPicker } from '../plans/PlanGoalPicker.js';
import { AddendumForm } from './AddendumForm.js';
import { useCosignNote } from './notes-api.js';
import { SectionTexts } from './SectionFields.js';
import { SignPanel } from './SignPanel.js';
import { VITAL_FIELDS, sectionsOf } from './note-draft.js';
import { useAttestation } from './use-sign-form.js';

/** A signed (or co-signature pending) note: read-only content, signatures, addenda. */
export function SignedNoteView({ note }: { note: NoteDto }) {
  const me = useSignedInMe();
  return (
    <>
      {note.shared && (
        <Section heading="Group part">
          <SectionTexts sections={GROUP_SHARED_SECTIONS} values={note.shared} />
        </Section>
      )}
      <Section heading={note.shared ? 'This member' : 'Note'}>
        <SectionTexts sections={sectionsOf(note.template)} values={note.body} />
        <Text>
          <Text component="span" fw={600}>
            Risk check:
          </Text>{' '}
          {note.risk === 'concern' ? `Concern noted. ${note.riskDetail ?? ''}` : 'No risk concern'}
        </Text>
        {note.kind === 'family' && (
          <div>
            <Text fw={600}>Attendees</Text>
            <List>
              {note.attendees.map((a) => (
                <List.Item key={`${a.name}-${a.relationship}`}>
                  {a.name} ({a.relationship})
                </List.Item>
              ))}
            </List>
          </div>
        )}
        {note.medication && <MedicationSummary medication={note.medication} />}
        <PlanGoalPicker planGoals={note.planGoals} value={note.goalIds} readOnly />
      </Section>
      <Section heading="Signatures">
        <Text>
          Signed by {note.signedBy ?? note.author}
          {note.signedAt ? ` on ${formatWhen(note.signedAt)}` : ''}
          {note.contentSha256 ? ` · SHA-256 ${note.contentSha256.slice(0, 12)}…` : ''}
        </Text>
        {note.cosignerId &&
          (note.cosignedAt ? (
            <Text>
              Co-signed by {note.cosigner} on {formatWhen(note.cosignedAt)}
            </Text>
          ) : (
            <Text>Awaiting co-signature by {note.cosigner}.</Text>
          ))}
        {note.status === 'pending_cosign' && note.cosignerId === me.user.id && (
          <CosignPanel noteId={note.id} />
        )}
      </Section>
      <Section heading="Addenda">
        {note.addenda.length === 0 ? (
          <Text size="sm">No addenda.</Text>
        ) : (
          <Stack gap="sm">
            {note.addenda.map((a) => (
              <div key={a.id}>
                <Text fw={600} size="sm">
                  {formatWhen(a.createdAt)} · {a.author} · {a.reason}
                </Text>
                <Text style={{ whiteSpace: 'pre-wrap' }}>{a.text}</Text>
              </div>
            ))}
          </Stack>
        )}
        <AddendumForm noteId={note.id} />
      </Section>
    </>
  );
}

function CosignPanel({ noteId }: { noteId: string }) {
  const cosign = useCosignNote(noteId);
  const attestation = useAttestation();
  return (
    <SignPanel
      attested={attestation.attested}
      onAttest={attestation.set}
      attestError={attestation.error}
      messages={[]}
      error={cosign.error}
      pending={cosign.isPending}
      label="Co-sign"
      onSign={() => {
        if (!attestation.confirm()) return;
        cosign.mutate(
          { attestation: true },
          { onSuccess: () => notifications.show({ color: 'green', message: 'Note co-signed.' }) },
        );
      }}
    />
  );
}

function MedicationSummary({ medication }: { medication: NonNullable<NoteDto['medication']> }) {
  const vitals = medication.vitals ?? {};
  const given = VITAL_FIELDS.filter((f) => vitals[f] !== null && vitals[f] !== undefined);
  return (
    <>
      <Text fw={600}>Medication changes</Text>
      {medication.changes.length === 0 ? (
        <Text size="sm">No changes.</Text>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Medication changes">
            <Table.Thead>
              <Table.Tr>
                {['Change', 'Medication', 'Dose', 'Route', 'Frequency', 'Reason'].map((h) => (
                  <Table.Th key={h}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {medication.changes.map((c) => (
                <Table.Tr key={c.name}>
                  <Table.Td>{c.kind.replace('_', ' ')}</Table.Td>
                  <Table.Td>{c.name}</Table.Td>
                  <Table.Td>{c.dose ?? '—'}</Table.Td>
                  <Table.Td>{c.route ?? '—'}</Table.Td>
                  <Table.Td>{c.frequency ?? '—'}</Table.Td>
                  <Table.Td>{c.reason ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {given.length > 0 && (
        <Text size="sm">
          Vitals:{' '}
          {given.map((f) => `${VITAL_RANGES[f].label} ${vitals[f]} ${VITAL_RANGES[f].unit}`).join(' · ')}
        </Text>
      )}
    </>
  );
}
