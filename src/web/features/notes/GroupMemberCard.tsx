import { Alert, Anchor, Badge, Checkbox, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ATTENDANCE_STATUS_LABELS } from '../../../contracts/attendance.js';
import { MemberCard } from '../patients/MemberCard.js';
import { PlanGoalPicker } from '../plans/PlanGoalPicker.js';
import { MEMBER_SECTIONS } from '../../../domain/notes/index.js';
import { NoteStatusBadges } from './NoteBadges.js';
import { RiskCheckFields } from './RiskCheckFields.js';
import { SectionFields, SectionTexts } from './SectionFields.js';
import {
  isEditable,
  missingLabels,
  type GroupMember,
  type MemberDraft,
  type MemberErrors,
} from './group-note.js';

const PROGRESS_HINT =
  "Progress toward this member's own goals. Write it in your words until their treatment plan is in Trellis.";

interface GroupMemberCardProps {
  member: GroupMember;
  draft: MemberDraft;
  onChange: (draft: MemberDraft) => void;
  onBlur: () => void;
  errors: MemberErrors;
  /** Members whose text is nearly identical to this member's. */
  similarTo: readonly string[];
  /** Whether this member's note is chosen for signing (editable members only). */
  chosen: boolean;
  onChoose: (chosen: boolean) => void;
}

function absenceText(attendance: GroupMember['attendance']): string {
  if (attendance === 'absent_unexcused') return 'Absent — no note (an outreach task was opened)';
  if (attendance === 'absent_excused') return 'Absent (excused) — no note';
  return 'Attendance not recorded — mark them present on the roll call to write their note';
}

/** One member of the group: their individualized part, its risk check and their signing choice. */
export function GroupMemberCard(props: GroupMemberCardProps) {
  const { member, draft, onChange, onBlur, errors, similarTo } = props;
  const editable = isEditable(member);
  const hasText = Object.values(member.body).some((t) => t.trim() !== '');
  const missing = editable ? missingLabels(draft) : [];

  return (
    <MemberCard
      patientId={member.patientId}
      name={member.name}
      details={
        <>
          MRN {member.mrn} ·{' '}
          {member.attendance ? ATTENDANCE_STATUS_LABELS[member.attendance] : 'Attendance not recorded'}
          {member.minutes ? ` · ${member.minutes} min` : ''}
        </>
      }
      badges={
        <>
          {member.status && member.status !== 'draft' && (
            <NoteStatusBadges status={member.status} lateEntry={member.lateEntry} />
          )}
          {missing.length > 0 && (
            <Badge variant="light" color="gray" size="lg">
              Missing: {missing.join(', ')}
            </Badge>
          )}
          {member.namesOtherMembers.length > 0 && (
            <Badge color="red.9" size="lg">
              Names another member: {member.namesOtherMembers.join(', ')}
            </Badge>
          )}
          {similarTo.map((name) => (
            <Badge key={name} color="yellow.4" autoContrast size="lg">
              Nearly identical to {name}
            </Badge>
          ))}
        </>
      }
    >
      {errors.general && (
        <Text size="sm" c="var(--mantine-color-error)" role="alert">
          {errors.general}
        </Text>
      )}

      {editable ? (
        <>
          <SectionFields
            sections={MEMBER_SECTIONS}
            values={draft.body}
            about={member.name}
            hints={{ progress: PROGRESS_HINT }}
            errors={errors}
            onChange={(key, value) => onChange({ ...draft, body: { ...draft.body, [key]: value } })}
            onBlur={onBlur}
          />
          <RiskCheckFields
            value={draft}
            about={member.name}
            errors={errors}
            onChange={(risk) => onChange({ ...draft, ...risk })}
            onBlur={onBlur}
          />
          <PlanGoalPicker
            planGoals={member.planGoals}
            value={draft.goalIds ?? []}
            about={member.name}
            onChange={(goalIds) => onChange({ ...draft, goalIds })}
            onBlur={onBlur}
          />
          <Checkbox
            size="md"
            label={`Sign ${member.name}'s note`}
            checked={props.chosen}
            onChange={(event) => props.onChoose(event.currentTarget.checked)}
          />
        </>
      ) : member.noteId && member.status !== 'draft' ? (
        <>
          <SectionTexts sections={MEMBER_SECTIONS} values={member.body} />
          <Text size="sm">
            Risk check:{' '}
            {member.risk === 'concern' ? `Concern noted: ${member.riskDetail ?? ''}` : 'No risk concern'}
          </Text>
          <PlanGoalPicker planGoals={member.planGoals} value={member.goalIds} about={member.name} readOnly />
          <Anchor component={Link} to={`/notes/${member.noteId}`} aria-label={`Open note: ${member.name}`}>
            Open note
          </Anchor>
        </>
      ) : hasText ? (
        <>
          <Alert color="yellow" variant="light">
            {member.name} is no longer marked present, so this note cannot be signed. The text written is kept
            below.
          </Alert>
          <SectionTexts sections={MEMBER_SECTIONS} values={member.body} />
        </>
      ) : (
        <Text>{absenceText(member.attendance)}</Text>
      )}
    </MemberCard>
  );
}
