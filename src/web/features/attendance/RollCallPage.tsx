import { Alert, Anchor, Button, Group, Loader, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { RollCallDto } from '../../../contracts/attendance.js';
import { ApiError } from '../../app/api.js';
import { INTAKE_ROLES } from '../../../domain/identity/roles.js';
import { useSignedInMe } from '../../app/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { Page } from '../../components/Page.js';
import { hasAnyRole } from '../patients/access.js';
import { formatDay } from '../scheduling/dates.js';
import { placeOf } from '../scheduling/format.js';
import { useCheckIn, useRecordAttendance, useRollCall } from './attendance-api.js';
import { MemberRow, type RowMode } from './MemberRow.js';
import {
  ATTENDANCE_WRITE_ROLES,
  buildMarks,
  countMarked,
  currentDraft,
  isChanged,
  mapServerErrors,
  markAllPresent,
  validateEdits,
  type Edits,
  type MarkDraft,
  type MarkErrors,
} from './roll-call.js';

/** /sessions/:id/roll-call: who came to a session, marked one tap per member. */
export function RollCallPage() {
  const { id = '' } = useParams();
  const rollCall = useRollCall(id);
  if (rollCall.error) {
    return (
      <Page title="Roll call">
        <ErrorAlert error={rollCall.error} />
        <Anchor component={Link} to="/schedule">
          Back to the schedule
        </Anchor>
      </Page>
    );
  }
  if (!rollCall.data) return <Loader aria-label="Loading roll call" />;
  return <RollCall rollCall={rollCall.data} />;
}

const MIN_REASON = 3;

function RollCall({ rollCall }: { rollCall: RollCallDto }) {
  const { session, members, sessionMinutes, changesNeedReason } = rollCall;
  const me = useSignedInMe();
  const cancelled = session.status === 'cancelled';
  const canSave = !cancelled && hasAnyRole(me.roles, ATTENDANCE_WRITE_ROLES);
  const canCheckIn = !cancelled && !canSave && me.roles.includes('front_desk');
  const mode: RowMode = canSave ? 'mark' : canCheckIn ? 'check-in' : 'read-only';

  const record = useRecordAttendance(session.id);
  const checkIn = useCheckIn(session.id);
  const [edits, setEdits] = useState<Edits>({});
  const [rowErrors, setRowErrors] = useState<Record<string, MarkErrors>>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);

  const marked = countMarked(members, edits);
  const unmarked = members.filter((m) => currentDraft(m, edits).status === null && !m.attendance?.locked);
  const changed = members.filter((m) => !m.attendance?.locked && isChanged(m, edits)).length;

  const change = (patientId: string, draft: MarkDraft) => {
    setEdits((current) => ({ ...current, [patientId]: draft }));
    setRowErrors((current) => {
      if (!(patientId in current)) return current;
      return Object.fromEntries(Object.entries(current).filter(([key]) => key !== patientId));
    });
    setFormMessage(null);
  };

  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const marks = buildMarks(members, edits);
    if (marks.length === 0) {
      setFormMessage('Nothing to save: no marks were changed.');
      return;
    }
    const errors = validateEdits(members, edits, sessionMinutes);
    const missingReason =
      changesNeedReason && reason.trim().length < MIN_REASON
        ? 'Give a reason for changing attendance (at least 3 characters).'
        : null;
    setRowErrors(errors);
    setReasonError(missingReason);
    if (Object.keys(errors).length > 0 || missingReason) {
      setFormMessage('Some marks need attention: see the messages beside them.');
      return;
    }
    setFormMessage(null);
    record.mutate(
      { marks, changeReason: changesNeedReason ? reason.trim() : undefined },
      {
        onSuccess: () => {
          notifications.show({
            color: 'green',
            message: `Roll call saved: ${marks.length} ${marks.length === 1 ? 'mark' : 'marks'} recorded.`,
          });
          setEdits({});
          setRowErrors({});
          setReason('');
          setReasonError(null);
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          const mapped = mapServerErrors(error.fieldErrors, marks);
          setRowErrors(mapped.byPatient);
          setReasonError(mapped.changeReason ?? null);
          if (mapped.other.length > 0) setFormMessage(mapped.other.join(' '));
        },
      },
    );
  };

  // Once attendance is saved, a group's notes are one click away (the note page needs INTAKE_ROLES).
  const canWriteNotes =
    session.kind === 'group' && hasAnyRole(me.roles, INTAKE_ROLES) && members.some((m) => m.attendance);
  const heading = `Roll call: ${session.title}`;
  return (
    <Page
      title={heading}
      actions={
        <Group>
          {canWriteNotes && (
            <Button component={Link} to={`/sessions/${session.id}/group-note`}>
              Write notes
            </Button>
          )}
          <Button component={Link} to="/schedule" variant="default">
            Back to the schedule
          </Button>
        </Group>
      }
    >
      <Stack gap={4}>
        <Text>
          {formatDay(session.localDate)} · {session.start}–{session.end} · {placeOf(session)}
        </Text>
        <Text>
          <Text component="span" fw={700} aria-live="polite">
            {marked} of {members.length} marked
          </Text>{' '}
          · Session length {sessionMinutes} minutes
        </Text>
      </Stack>

      {cancelled && (
        <Alert color="red" title="This session was cancelled">
          Attendance cannot be taken for a cancelled session.
        </Alert>
      )}
      {mode === 'read-only' && !cancelled && (
        <Text size="sm" c="dimmed">
          You can view this roll call; clinical staff record attendance.
        </Text>
      )}
      <ErrorAlert error={checkIn.error} />

      {members.length === 0 ? (
        <Text>No one is booked into this session.</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Roll call">
          <Stack>
            {canSave && (
              <Group>
                <Button
                  size="lg"
                  variant="light"
                  disabled={unmarked.length === 0}
                  onClick={() => {
                    setEdits((current) => markAllPresent(members, current));
                    setFormMessage(null);
                  }}
                >
                  Mark all present
                </Button>
                <Text size="sm" c="dimmed">
                  {unmarked.length === 0
                    ? 'Everyone has a mark.'
                    : `Marks the ${unmarked.length} unmarked ${unmarked.length === 1 ? 'member' : 'members'} present; chosen marks stay.`}
                </Text>
              </Group>
            )}

            {members.map((member) => (
              <MemberRow
                key={member.patientId}
                member={member}
                draft={currentDraft(member, edits)}
                changed={isChanged(member, edits)}
                errors={rowErrors[member.patientId] ?? {}}
                mode={mode}
                sessionMinutes={sessionMinutes}
                timeZone={session.timeZone}
                onChange={(draft) => change(member.patientId, draft)}
                onCheckIn={() => checkIn.mutate(member.patientId)}
                checkingIn={checkIn.isPending && checkIn.variables === member.patientId}
              />
            ))}

            {canSave && (
              <>
                {changesNeedReason && (
                  <Textarea
                    label="Reason for changing attendance after the session's day"
                    description="The session's clinic day has passed, so every change is recorded with a reason."
                    required
                    autosize
                    minRows={2}
                    value={reason}
                    error={reasonError}
                    onChange={(event) => {
                      setReason(event.currentTarget.value);
                      setReasonError(null);
                    }}
                  />
                )}
                {formMessage && (
                  <Alert color="yellow" role="alert">
                    {formMessage}
                  </Alert>
                )}
                <ErrorAlert error={record.error} />
                <Group justify="space-between">
                  <Text size="sm" aria-live="polite">
                    {changed === 0
                      ? 'No unsaved changes.'
                      : `${changed} unsaved ${changed === 1 ? 'change' : 'changes'}.`}
                  </Text>
                  <Button type="submit" size="lg" loading={record.isPending}>
                    Save roll call
                  </Button>
                </Group>
              </>
            )}
          </Stack>
        </form>
      )}
    </Page>
  );
}
