import { describe, expect, it } from 'vitest';
import type { NoteDto } from '../../../contracts/notes.js';
import {
  EMPTY_MEDICATION_ROW,
  draftFromNote,
  mapNoteErrors,
  medicationMessages,
  noteSaveBody,
  noteTitle,
  sectionsOf,
  type NoteDraft,
} from './note-draft.js';

const base = {
  body: {},
  risk: null,
  riskDetail: '',
  attendees: [],
  medication: null,
} satisfies NoteDraft;

const noVitals = { systolic: '', diastolic: '', heartRate: '', weightKg: '', heightCm: '' } as const;

describe('noteTitle and sectionsOf', () => {
  it('names the kind, with the template letters for therapy notes', () => {
    expect(noteTitle({ kind: 'individual', template: 'dap' })).toBe('Individual therapy note (DAP)');
    expect(noteTitle({ kind: 'medication_management', template: 'medication' })).toBe(
      'Medication management note',
    );
    expect(sectionsOf('soap').map((s) => s.key)).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    expect(sectionsOf('group').map((s) => s.key)).toContain('participation');
  });
});

describe('draftFromNote', () => {
  it('holds empty vitals as empty fields and missing texts as empty strings', () => {
    const note = {
      body: { data: 'x' },
      risk: 'concern',
      riskDetail: null,
      attendees: [{ name: 'Sam', relationship: 'Mother' }],
      medication: { changes: [{ kind: 'stop', name: 'Zoloft', reason: 'Rash' }], vitals: { systolic: 120 } },
    } as unknown as NoteDto;
    const draft = draftFromNote(note);
    expect(draft.riskDetail).toBe('');
    expect(draft.medication?.changes[0]).toEqual({
      kind: 'stop',
      name: 'Zoloft',
      dose: '',
      route: '',
      frequency: '',
      reason: 'Rash',
    });
    expect(draft.medication?.vitals).toEqual({ ...noVitals, systolic: 120 });
  });
});

describe('noteSaveBody', () => {
  it('sends complete attendee rows of a family note only', () => {
    const body = noteSaveBody(
      { kind: 'family' },
      {
        ...base,
        attendees: [
          { name: ' Sam ', relationship: 'Mother' },
          { name: 'Half', relationship: '' },
        ],
      },
    );
    expect(body.attendees).toEqual([{ name: 'Sam', relationship: 'Mother' }]);
    expect(noteSaveBody({ kind: 'individual' }, base).attendees).toBeUndefined();
  });

  it('sends named medication rows with blanks as null, and no vitals when none are given', () => {
    const body = noteSaveBody(
      { kind: 'medication_management' },
      {
        ...base,
        risk: 'none',
        riskDetail: 'left over',
        medication: {
          changes: [{ ...EMPTY_MEDICATION_ROW, name: 'Sertraline', dose: '50 mg' }, EMPTY_MEDICATION_ROW],
          vitals: { ...noVitals },
        },
      },
    );
    expect(body.riskDetail).toBeNull();
    expect(body.medication).toEqual({
      changes: [
        { kind: 'start', name: 'Sertraline', dose: '50 mg', route: null, frequency: null, reason: null },
      ],
      vitals: null,
    });
  });
});

describe('medicationMessages', () => {
  it('checks started rows and vitals, keyed by the row on screen', () => {
    const messages = medicationMessages({
      changes: [EMPTY_MEDICATION_ROW, { ...EMPTY_MEDICATION_ROW, kind: 'stop', name: 'Zoloft' }],
      vitals: { ...noVitals, systolic: 120 },
    });
    expect(messages).toEqual({
      'changes.1.reason': 'Give the reason for stopping.',
      'vitals.diastolic': 'Give both blood-pressure values, or neither.',
    });
  });
});

describe('mapNoteErrors', () => {
  it('maps sections, risk and medication rows back to the form', () => {
    const draft: NoteDraft = {
      ...base,
      medication: {
        changes: [EMPTY_MEDICATION_ROW, { ...EMPTY_MEDICATION_ROW, name: 'Zoloft' }],
        vitals: { ...noVitals },
      },
    };
    const mapped = mapNoteErrors(
      [
        { path: 'body.data', message: 'Write this section.' },
        { path: 'risk', message: 'Record the risk check.' },
        { path: 'medication.changes.0.dose', message: 'Give the starting dose.' },
        { path: 'medication.vitals.systolic', message: 'Too high.' },
        { path: 'attestation', message: 'Confirm.' },
      ],
      draft,
    );
    expect(mapped.fields).toEqual({
      'body.data': 'Write this section.',
      risk: 'Record the risk check.',
      'changes.1.dose': 'Give the starting dose.',
      'vitals.systolic': 'Too high.',
    });
    expect(mapped.other).toEqual(['Confirm.']);
  });
});
