import { describe, expect, it } from 'vitest';
import type { GroupNoteDto } from '../../../contracts/notes.js';
import {
  chosenToSign,
  draftFromGroupNote,
  groupSaveBody,
  isComplete,
  mapGroupSignErrors,
  missingLabels,
  similarNames,
  similarPairsOf,
  type GroupMember,
} from './group-note.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const D = '44444444-4444-4444-8444-444444444444';

const member = (patientId: string, name: string, patch: Partial<GroupMember> = {}): GroupMember => ({
  patientId,
  name,
  mrn: 'MRN-1',
  attendance: 'present',
  minutes: 50,
  present: true,
  noteId: null,
  status: null,
  body: {},
  risk: null,
  riskDetail: null,
  missing: ['participation', 'response', 'progress', 'plan'],
  namesOtherMembers: [],
  lateEntry: false,
  signedAt: null,
  goalIds: [],
  planGoals: [],
  ...patch,
});

const full = { participation: 'p', response: 'r', progress: 'g', plan: 'n' };

const note = (patch: Partial<GroupNoteDto> = {}): GroupNoteDto => ({
  sessionId: '55555555-5555-4555-8555-555555555555',
  title: 'Skills group',
  date: '2026-11-27',
  start: '09:00',
  end: '09:50',
  curriculumModule: 'Distress tolerance',
  shared: {},
  sharedLocked: false,
  sharedNamesMembers: false,
  members: [
    member(A, 'Ana Diaz', { body: full, risk: 'none', noteId: A, status: 'draft' }),
    member(B, 'Ben Ode'),
    member(C, 'Cy Park', { attendance: 'absent_unexcused', present: false }),
    member(D, 'Di Lu', { body: full, risk: 'none', status: 'signed', noteId: D }),
  ],
  similar: [],
  suggestedCode: null,
  ...patch,
});

describe('draftFromGroupNote', () => {
  it('prefills the topic from the curriculum module when it is empty', () => {
    expect(draftFromGroupNote(note()).shared.topic).toBe('Distress tolerance');
    expect(draftFromGroupNote(note({ shared: { topic: 'Own topic' } })).shared.topic).toBe('Own topic');
    expect(draftFromGroupNote(note({ sharedLocked: true })).shared.topic).toBeUndefined();
  });

  it('holds each member with an empty detail for no detail', () => {
    expect(draftFromGroupNote(note()).members[A]).toEqual({
      body: full,
      risk: 'none',
      riskDetail: '',
      goalIds: [],
    });
  });
});

describe('groupSaveBody', () => {
  it('sends the editable members only, and the detail only for a concern', () => {
    const draft = draftFromGroupNote(note());
    draft.members[B] = { body: { plan: 'x' }, risk: 'none', riskDetail: 'stale' };
    const body = groupSaveBody(note(), draft);
    expect(body.members.map((m) => m.patientId)).toEqual([A, B]);
    expect(body.members[1]).toEqual({ patientId: B, body: { plan: 'x' }, risk: 'none', riskDetail: null });
    expect(body.shared.topic).toBe('Distress tolerance');
  });

  it('sends a locked shared part as the server has it', () => {
    const locked = note({ sharedLocked: true, shared: { topic: 'Signed topic' } });
    const draft = draftFromGroupNote(locked);
    draft.shared = { topic: 'Edited' };
    expect(groupSaveBody(locked, draft).shared).toEqual({ topic: 'Signed topic' });
  });
});

describe('completeness and choice', () => {
  it('names the missing sections by label', () => {
    expect(missingLabels({ body: { participation: ' ', plan: 'x' }, risk: null, riskDetail: '' })).toEqual([
      'Participation',
      'Response',
      'Progress',
    ]);
  });

  it('needs the risk check, and its detail for a concern', () => {
    expect(isComplete({ body: full, risk: null, riskDetail: '' })).toBe(false);
    expect(isComplete({ body: full, risk: 'concern', riskDetail: ' ' })).toBe(false);
    expect(isComplete({ body: full, risk: 'concern', riskDetail: 'Said x' })).toBe(true);
    expect(isComplete({ body: full, risk: 'none', riskDetail: '' })).toBe(true);
  });

  it('checks complete editable members by default and follows the person’s choices', () => {
    const n = note();
    const draft = draftFromGroupNote(n);
    expect(chosenToSign(n, draft, {})).toEqual([A]);
    expect(chosenToSign(n, draft, { [A]: false, [B]: true, [D]: true })).toEqual([B]);
  });
});

describe('mapGroupSignErrors', () => {
  it('puts each error beside its member, section or the shared part', () => {
    const mapped = mapGroupSignErrors([
      { path: 'shared.topic', message: 'Write this part of the group note.' },
      { path: 'shared', message: 'The group part names a member.' },
      { path: `members.${A}.progress`, message: 'Write progress.' },
      { path: `members.${A}.risk`, message: 'Record the risk check.' },
      { path: `members.${B}`, message: 'Names another member.' },
      { path: 'attestation', message: 'Confirm the attestation to sign.' },
    ]);
    expect(mapped.shared).toEqual({
      topic: 'Write this part of the group note.',
      general: 'The group part names a member.',
    });
    expect(mapped.members[A]).toEqual({ progress: 'Write progress.', risk: 'Record the risk check.' });
    expect(mapped.members[B]).toEqual({ general: 'Names another member.' });
    expect(mapped.other).toEqual(['Confirm the attestation to sign.']);
  });
});

describe('similar notes', () => {
  it('reads the pairs of a problem and names each member’s twins', () => {
    const pairs = similarPairsOf({ code: 'similar_notes', similar: [{ a: A, b: B, similarity: 0.97 }, 'x'] });
    expect(pairs).toEqual([{ a: A, b: B }]);
    expect(similarPairsOf({ code: 'other' })).toEqual([]);
    expect(similarNames(note().members, pairs)).toEqual({ [A]: ['Ben Ode'], [B]: ['Ana Diaz'] });
  });
});
