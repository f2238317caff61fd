import { Alert, Anchor, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { GroupNoteDto } from '../../../contracts/notes.js';
import { ApiError, hasCode } from '../../app/api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { Section } from '../../components/Section.js';
import { formatDay } from '../scheduling/dates.js';
import { GroupMemberCard } from './GroupMemberCard.js';
import { useGroupNote, useSaveGroupNote, useSignGroupNote } from './notes-api.js';
import { SaveStatus } from './SaveStatus.js';
import { SharedPartFields } from './SharedPartFields.js';
import { SignPanel } from './SignPanel.js';
import {
  chosenToSign,
  draftFromGroupNote,
  groupSaveBody,
  isEditable,
  mapGroupSignErrors,
  similarNames,
  similarPairsOf,
  type GroupDraft,
  type GroupSignErrors,
  type MemberDraft,
} from './group-note.js';
import { useAutosave } from './use-autosave.js';
import { useAttestation } from './use-sign-form.js';

/** /sessions/:id/group-note: the group's part written once, then each present member's own part. */
export function GroupNotePage() {
  const { id = '' } = useParams();
  const note = useGroupNote(id);
  if (note.error) {
    return (
      <Page title="Group note">
        <ErrorAlert error={note.error} />
        <Anchor component={Link} to="/">
          Back to Today
        </Anchor>
      </Page>
    );
  }
  if (!note.data) return <Loader aria-label="Loading group note" />;
  return <GroupNoteEditor note={note.data} />;
}

const NO_ERRORS: GroupSignErrors = { shared: {}, members: {}, other: [] };
const EMPTY_MEMBER: MemberDraft = { body: {}, risk: null, riskDetail: '' };
const plural = (n: number) => `${n} ${n === 1 ? 'note' : 'notes'}`;

function GroupNoteEditor({ note }: { note: GroupNoteDto }) {
  const save = useSaveGroupNote(note.sessionId);
  const sign = useSignGroupNote(note.sessionId);
  const [draft, setDraft] = useState<GroupDraft>(() => draftFromGroupNote(note));
  const draftRef = useRef(draft);
  const noteRef = useRef(note);
  useEffect(() => {
    noteRef.current = note;
  }, [note]);
  const autosave = useAutosave((d: GroupDraft) => save.mutateAsync(groupSaveBody(noteRef.current, d)));

  const [choices, setChoices] = useState<Record<string, boolean>>({});
  const [errors, setErrors] = useState<GroupSignErrors>(NO_ERRORS);
  const [confirmPairs, setConfirmPairs] = useState<{ a: string; b: string }[]>([]);
  const attestation = useAttestation();
  const [messages, setMessages] = useState<string[]>([]);

  const update = (next: GroupDraft) => {
    draftRef.current = next;
    setDraft(next);
    autosave.change(next);
  };
  const changeMember = (patientId: string, member: MemberDraft) => {
    update({ ...draftRef.current, members: { ...draftRef.current.members, [patientId]: member } });
    if (errors.members[patientId]) {
      setErrors((e) => ({ ...e, members: { ...e.members, [patientId]: {} } }));
    }
  };
  const changeShared = (key: string, value: string) => {
    update({ ...draftRef.current, shared: { ...draftRef.current.shared, [key]: value } });
  };

  const editable = note.members.filter(isEditable);
  const toSign = chosenToSign(note, draft, choices);
  const similar = similarNames(note.members, [...note.similar, ...confirmPairs]);
  const nameOf = (patientId: string) => note.members.find((m) => m.patientId === patientId)?.name ?? '';

  const submit = async (confirmSimilar: boolean) => {
    const problems = toSign.length === 0 ? ['Choose at least one member’s note to sign.'] : [];
    setMessages(problems);
    if (!attestation.confirm() || problems.length > 0) return;
    if (!(await autosave.flush())) return;
    sign.mutate(
      { patientIds: toSign, attestation: true, confirmSimilar },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `Signed ${plural(toSign.length)}.` });
          setErrors(NO_ERRORS);
          setConfirmPairs([]);
          setChoices({});
          attestation.reset();
        },
        onError: (error) => {
          if (hasCode(error, 'similar_notes')) {
            setConfirmPairs(similarPairsOf(error.problem));
            return;
          }
          setConfirmPairs([]);
          if (error instanceof ApiError) {
            const mapped = mapGroupSignErrors(error.fieldErrors);
            setErrors(mapped);
            setMessages(mapped.other);
          }
        },
      },
    );
  };

  return (
    <Page
      title={`Group note: ${note.title}`}
      actions={
        <Button component={Link} to={`/sessions/${note.sessionId}/roll-call`} variant="default">
          Roll call
        </Button>
      }
    >
      <Stack gap={4}>
        <Text>
          {formatDay(note.date)} · {note.start}–{note.end}
          {note.curriculumModule ? ` · Module: ${note.curriculumModule}` : ''}
        </Text>
        {note.suggestedCode && (
          <Text size="sm">
            Suggested code {note.suggestedCode.code} ({note.suggestedCode.description}):{' '}
            {note.suggestedCode.reason}
          </Text>
        )}
        <SaveStatus state={autosave.state} />
      </Stack>

      <Section heading="Group part">
        <SharedPartFields
          values={note.sharedLocked ? note.shared : draft.shared}
          locked={note.sharedLocked}
          namesMembers={note.sharedNamesMembers}
          errors={errors.shared}
          onChange={changeShared}
          onBlur={() => void autosave.flush()}
        />
      </Section>

      <Section heading="Members">
        <Stack>
          {note.members.length === 0 && <Text>No one is booked into this session.</Text>}
          {note.members.map((member) => (
            <GroupMemberCard
              key={member.patientId}
              member={member}
              draft={draft.members[member.patientId] ?? EMPTY_MEMBER}
              onChange={(d) => changeMember(member.patientId, d)}
              onBlur={() => void autosave.flush()}
              errors={errors.members[member.patientId] ?? {}}
              similarTo={similar[member.patientId] ?? []}
              chosen={toSign.includes(member.patientId)}
              onChoose={(chosen) => setChoices((c) => ({ ...c, [member.patientId]: chosen }))}
            />
          ))}
        </Stack>
      </Section>

      {editable.length > 0 && (
        <Section heading="Sign">
          <SignPanel
            attested={attestation.attested}
            onAttest={attestation.set}
            attestError={attestation.error}
            messages={messages}
            error={hasCode(sign.error, 'similar_notes') ? null : sign.error}
            pending={sign.isPending}
            label={`Sign ${plural(toSign.length)}`}
            onSign={() => void submit(false)}
          >
            <Text>
              {toSign.length} of {editable.length} {editable.length === 1 ? 'member' : 'members'} chosen. Each
              signed note includes the group part.
            </Text>
            {confirmPairs.length > 0 && (
              <Alert
                color="orange"
                variant="light"
                role="alert"
                title="Some member notes are nearly identical"
              >
                <Stack gap="xs">
                  <ul style={{ margin: 0, paddingLeft: '1.25rem' }}>
                    {confirmPairs.map((p) => (
                      <li key={`${p.a}-${p.b}`}>
                        {nameOf(p.a)} and {nameOf(p.b)}
                      </li>
                    ))}
                  </ul>
                  <Text size="sm">
                    Individualize them, or sign anyway if they truly describe each member.
                  </Text>
                  <Group>
                    <Button color="orange" loading={sign.isPending} onClick={() => void submit(true)}>
                      Sign anyway
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
          </SignPanel>
        </Section>
      )}
    </Page>
  );
}
