import { Badge, Button, Checkbox, Chip, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { MemberCard } from '../patients/MemberCard.js';
import { ATTENDANCE_STATUS_LABELS } from '../../../contracts/attendance.js';
import {
  STATUS_ORDER,
  creditedMinutes,
  formatClock,
  isLateStatus,
  isLeftEarlyStatus,
  type MarkDraft,
  type MarkErrors,
  type RollCallMember,
} from './roll-call.js';

/** What the signed-in person can do on a row: mark attendance, check people in, or only look. */
export type RowMode = 'mark' | 'check-in' | 'read-only';

interface MemberRowProps {
  member: RollCallMember;
  draft: MarkDraft;
  changed: boolean;
  errors: MarkErrors;
  mode: RowMode;
  sessionMinutes: number;
  timeZone: string;
  onChange: (draft: MarkDraft) => void;
  onCheckIn: () => void;
  checkingIn: boolean;
}

const TOUCH = { minHeight: 44 };

function minutesValue(value: number | string): number | '' {
  return typeof value === 'number' ? value : '';
}

/** One member of the session: who they are, their mark, and the minutes it credits. */
export function MemberRow(props: MemberRowProps) {
  const { member, draft, changed, errors, mode, sessionMinutes, timeZone, onChange } = props;
  const id = useId();
  const { name } = member;
  const locked = member.attendance?.locked ?? false;
  const credited = creditedMinutes(sessionMinutes, draft);
  const statusErrorId = `${id}-status-error`;
  const set = (patch: Partial<MarkDraft>) => onChange({ ...draft, ...patch });

  return (
    <MemberCard
      patientId={member.patientId}
      name={name}
      details={`MRN ${member.mrn}`}
      badges={
        <>
          {member.attendance?.checkedInAt && (
            <Badge variant="light" color="teal" size="lg">
              Checked in at {formatClock(member.attendance.checkedInAt, timeZone)}
            </Badge>
          )}
          {locked && (
            <Badge variant="light" color="gray" size="lg">
              Locked (used by a claim)
            </Badge>
          )}
          {mode === 'mark' && changed && (
            <Badge variant="outline" color="orange" size="lg">
              Unsaved change
            </Badge>
          )}
        </>
      }
    >
      {mode === 'mark' ? (
        <>
          <Chip.Group value={draft.status} onChange={(value) => set({ status: value })}>
            <Group
              gap="xs"
              role="radiogroup"
              aria-label={`Attendance for ${name}`}
              aria-describedby={errors.status ? statusErrorId : undefined}
              aria-invalid={errors.status ? true : undefined}
            >
              {STATUS_ORDER.map((status) => (
                <Chip
                  key={status}
                  value={status}
                  name={`${id}-status`}
                  size="lg"
                  radius="sm"
                  disabled={locked}
                  styles={{ label: TOUCH }}
                >
                  {ATTENDANCE_STATUS_LABELS[status]}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {errors.status && (
            <Text id={statusErrorId} size="sm" c="var(--mantine-color-error)">
              {errors.status}
            </Text>
          )}
          <Group align="flex-start" gap="lg">
            <Checkbox
              label="Telehealth"
              aria-label={`Telehealth for ${name}`}
              size="md"
              mt={isLateStatus(draft.status) || isLeftEarlyStatus(draft.status) ? 30 : 8}
              checked={draft.telehealth}
              disabled={locked}
              onChange={(event) => set({ telehealth: event.currentTarget.checked })}
            />
            {isLateStatus(draft.status) && (
              <NumberInput
                label="Minutes late"
                aria-label={`Minutes late for ${name}`}
                required
                size="md"
                w={150}
                min={1}
                max={sessionMinutes}
                allowDecimal={false}
                allowNegative={false}
                value={draft.lateMinutes}
                error={errors.lateMinutes}
                disabled={locked}
                onChange={(value) => set({ lateMinutes: minutesValue(value) })}
              />
            )}
            {isLeftEarlyStatus(draft.status) && (
              <NumberInput
                label="Minutes left early"
                aria-label={`Minutes left early for ${name}`}
                required
                size="md"
                w={170}
                min={1}
                max={sessionMinutes}
                allowDecimal={false}
                allowNegative={false}
                value={draft.leftEarlyMinutes}
                error={errors.leftEarlyMinutes}
                disabled={locked}
                onChange={(value) => set({ leftEarlyMinutes: minutesValue(value) })}
              />
            )}
            {draft.status === 'absent_excused' && (
              <TextInput
                label="Reason excused"
                aria-label={`Reason excused for ${name}`}
                required
                size="md"
                miw={260}
                maxLength={500}
                value={draft.absenceReason}
                error={errors.absenceReason}
                disabled={locked}
                onChange={(event) => set({ absenceReason: event.currentTarget.value })}
              />
            )}
          </Group>
        </>
      ) : (
        <Group gap="md">
          <Text>
            {draft.status ? ATTENDANCE_STATUS_LABELS[draft.status] : 'Not marked'}
            {draft.telehealth && draft.status ? ' · Telehealth' : ''}
          </Text>
          {mode === 'check-in' && !member.attendance && (
            <Button
              size="lg"
              aria-label={`Check in ${name}`}
              loading={props.checkingIn}
              onClick={props.onCheckIn}
            >
              Check in
            </Button>
          )}
        </Group>
      )}

      <Text size="sm">
        {credited === null ? 'Credited minutes: not marked yet' : `Credited minutes: ${credited}`}
      </Text>
    </MemberCard>
  );
}
