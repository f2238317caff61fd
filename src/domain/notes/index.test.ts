import { describe, expect, it } from 'vitest';
import * as notes from './index.js';

describe('notes index', () => {
  it('re-exports every rule', () => {
    const names = [
      'NOTE_TEMPLATES',
      'TEMPLATE_SECTIONS',
      'TEMPLATE_LABELS',
      'GROUP_SHARED_SECTIONS',
      'MEMBER_SECTIONS',
      'MEDICATION_SECTIONS',
      'missingSections',
      'sectionsText',
      'DEFAULT_SIMILARITY_THRESHOLD',
      'similarity',
      'nearDuplicates',
      'otherMembersNamed',
      'DEFAULT_SERVICE_CODES',
      'suggestServiceCode',
      'serviceTypeOf',
      'DEFAULT_LATE_ENTRY_HOURS',
      'isLateEntry',
      'MEDICATION_CHANGE_KINDS',
      'checkMedicationChanges',
      'applyMedicationChanges',
      'checkVitals',
    ];
    for (const n of names) expect(notes, n).toHaveProperty(n);
  });
  it('a member note flow: text from sections, names and clones checked', () => {
    const body = {
      participation: 'Engaged.',
      response: 'Calm.',
      progress: 'Attending all groups.',
      plan: 'Continue.',
    };
    expect(notes.missingSections(notes.MEMBER_SECTIONS, body)).toEqual([]);
    const text = notes.sectionsText(notes.MEMBER_SECTIONS, body);
    expect(notes.otherMembersNamed(text, 'a', [{ id: 'b', givenName: 'Calm', familyName: 'Z' }])).toEqual([
      'b',
    ]);
    expect(
      notes.nearDuplicates([
        { id: 'a', text },
        { id: 'b', text },
      ]),
    ).toEqual([{ a: 'a', b: 'b', similarity: 1 }]);
  });
});
