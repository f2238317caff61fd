import { describe, expect, it } from 'vitest';
import {
  buildMarks,
  countMarked,
  creditedMinutes,
  currentDraft,
  formatClock,
  isChanged,
  mapServerErrors,
  markAllPresent,
  validateDraft,
  validateEdits,
  type MarkDraft,
  type RollCallMember,
} from './roll-call.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

function member(patientId: string, attendance: Partial<NonNullable<RollCallMember['attendance']>> | null) {
  return {
    patientId,
    name: `Patient ${patientId.slice(-1)}`,
    mrn: `MRN-${patientId.slice(-1)}`,
    attendance: attendance && {
      status: 'present',
      lateMinutes: 0,
      leftEarlyMinutes: 0,
      telehealth: false,
      absenceReason: null,
      minutes: 180,
      checkedInAt: null,
      recordedAt: '2026-05-04T18:00:00.000Z',
      locked: false,
      ...attendance,
    },
  } satisfies RollCallMember;
}

const draft = (d: Partial<MarkDraft>): MarkDraft => ({
  status: null,
  lateMinutes: '',
  leftEarlyMinutes: '',
  telehealth: false,
  absenceReason: '',
  ...d,
});

describe('creditedMinutes', () => {
  it('credits the whole session when present', () => {
    expect(creditedMinutes(180, draft({ status: 'present' }))).toBe(180);
  });
  it('takes off late and left-early minutes', () => {
    expect(creditedMinutes(180, draft({ status: 'late', lateMinutes: 15 }))).toBe(165);
    expect(creditedMinutes(180, draft({ status: 'left_early', leftEarlyMinutes: 30 }))).toBe(150);
    expect(
      creditedMinutes(180, draft({ status: 'late_and_left_early', lateMinutes: 10, leftEarlyMinutes: 20 })),
    ).toBe(150);
  });
  it('ignores minutes of a status that does not use them', () => {
    expect(creditedMinutes(180, draft({ status: 'present', lateMinutes: 15 }))).toBe(180);
  });
  it('credits nothing for absences and is unknown while unmarked', () => {
    expect(creditedMinutes(180, draft({ status: 'absent_excused' }))).toBe(0);
    expect(creditedMinutes(180, draft({ status: 'absent_unexcused' }))).toBe(0);
    expect(creditedMinutes(180, draft({}))).toBeNull();
  });
  it('never goes below zero', () => {
    expect(creditedMinutes(60, draft({ status: 'late', lateMinutes: 90 }))).toBe(0);
  });
});

describe('countMarked and markAllPresent', () => {
  const members = [member(A, null), member(B, { status: 'absent_unexcused' }), member(C, null)];

  it('counts saved and chosen marks', () => {
    expect(countMarked(members, {})).toBe(1);
    expect(countMarked(members, { [A]: draft({ status: 'late', lateMinutes: 5 }) })).toBe(2);
  });

  it('marks only the unmarked members present', () => {
    const edits = markAllPresent(members, { [A]: draft({ status: 'late', lateMinutes: 5 }) });
    expect(edits[A]?.status).toBe('late');
    expect(edits[B]).toBeUndefined();
    expect(currentDraft(members[1]!, edits).status).toBe('absent_unexcused');
    expect(edits[C]?.status).toBe('present');
    expect(countMarked(members, edits)).toBe(3);
  });

  it('leaves locked members alone', () => {
    const locked = [member(A, { status: 'absent_unexcused', locked: true })];
    expect(markAllPresent(locked, {})).toEqual({});
  });
});

describe('buildMarks', () => {
  it('sends only changed marks, with the fields their status uses', () => {
    const members = [member(A, null), member(B, { status: 'present' }), member(C, null)];
    const marks = buildMarks(members, {
      [A]: draft({ status: 'late', lateMinutes: 12, leftEarlyMinutes: 4, absenceReason: 'x' }),
      [B]: draft({ status: 'present' }), // same as saved
      [C]: draft({ status: 'absent_excused', absenceReason: '  sick  ', telehealth: true }),
    });
    expect(marks).toEqual([
      { patientId: A, status: 'late', telehealth: false, lateMinutes: 12 },
      { patientId: C, status: 'absent_excused', telehealth: true, absenceReason: 'sick' },
    ]);
  });

  it('sends a change of telehealth or minutes on a saved mark', () => {
    const members = [member(A, { status: 'late', lateMinutes: 10 })];
    expect(isChanged(members[0]!, { [A]: draft({ status: 'late', lateMinutes: 10 }) })).toBe(false);
    expect(buildMarks(members, { [A]: draft({ status: 'late', lateMinutes: 20 }) })).toEqual([
      { patientId: A, status: 'late', telehealth: false, lateMinutes: 20 },
    ]);
    expect(
      buildMarks(members, { [A]: draft({ status: 'late', lateMinutes: 10, telehealth: true }) }),
    ).toEqual([{ patientId: A, status: 'late', telehealth: true, lateMinutes: 10 }]);
  });

  it('never sends locked members or unmarked ones', () => {
    const members = [member(A, { status: 'present', locked: true }), member(B, null)];
    expect(buildMarks(members, { [A]: draft({ status: 'absent_unexcused' }) })).toEqual([]);
    expect(buildMarks(members, { [B]: draft({}) })).toEqual([]);
  });
});

describe('validateDraft', () => {
  it('needs the minutes of late and left-early statuses', () => {
    expect(validateDraft(draft({ status: 'late' }), 180).lateMinutes).toBeDefined();
    expect(validateDraft(draft({ status: 'late', lateMinutes: 0 }), 180).lateMinutes).toBeDefined();
    expect(validateDraft(draft({ status: 'late', lateMinutes: 5 }), 180)).toEqual({});
    expect(validateDraft(draft({ status: 'left_early' }), 180).leftEarlyMinutes).toBeDefined();
    const both = validateDraft(draft({ status: 'late_and_left_early', lateMinutes: 5 }), 180);
    expect(both.leftEarlyMinutes).toBeDefined();
    expect(both.lateMinutes).toBeUndefined();
  });
  it('rejects minutes that reach the session length', () => {
    expect(validateDraft(draft({ status: 'late', lateMinutes: 180 }), 180).lateMinutes).toBeDefined();
    expect(
      validateDraft(draft({ status: 'late_and_left_early', lateMinutes: 90, leftEarlyMinutes: 90 }), 180)
        .leftEarlyMinutes,
    ).toBeDefined();
  });
  it('needs a reason for an excused absence', () => {
    expect(
      validateDraft(draft({ status: 'absent_excused', absenceReason: ' ' }), 180).absenceReason,
    ).toBeDefined();
    expect(validateDraft(draft({ status: 'absent_excused', absenceReason: 'Flu' }), 180)).toEqual({});
  });
  it('checks only changed members', () => {
    const members = [member(A, null), member(B, null)];
    expect(validateEdits(members, { [A]: draft({ status: 'late' }) }, 180)).toEqual({
      [A]: { lateMinutes: 'Enter whole minutes, at least 1.' },
    });
  });
});

describe('mapServerErrors', () => {
  const marks = [
    { patientId: A, status: 'present' as const, telehealth: false },
    { patientId: C, status: 'absent_excused' as const, telehealth: false },
  ];
  it('puts each error beside the member of the mark it names', () => {
    const mapped = mapServerErrors(
      [
        { path: 'marks.1.absenceReason', message: 'Required' },
        { path: '/marks/0', message: 'Not a member' },
        { path: 'changeReason', message: 'Give a reason' },
        { path: 'marks.7', message: 'Unknown' },
        { path: 'body.marks[0].lateMinutes', message: 'Too long' },
      ],
      marks,
    );
    expect(mapped.byPatient).toEqual({
      [C]: { absenceReason: 'Required' },
      [A]: { status: 'Not a member', lateMinutes: 'Too long' },
    });
    expect(mapped.changeReason).toBe('Give a reason');
    expect(mapped.other).toEqual(['Unknown']);
  });
});

describe('formatClock', () => {
  it('shows the clinic-local 24-hour time', () => {
    expect(formatClock('2026-05-04T22:05:00.000Z', 'America/New_York')).toBe('18:05');
    expect(formatClock('2026-05-04T09:00:00.000Z', 'UTC')).toBe('09:00');
  });
});
