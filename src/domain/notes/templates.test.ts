import { describe, expect, it } from 'vitest';
import {
  GROUP_SHARED_SECTIONS,
  MEDICATION_SECTIONS,
  MEMBER_SECTIONS,
  NOTE_TEMPLATES,
  TEMPLATE_LABELS,
  TEMPLATE_SECTIONS,
  missingSections,
  sectionsText,
  type NoteSection,
} from './templates.js';

const keys = (s: readonly NoteSection[]): string[] => s.map((x) => x.key);

describe('templates (data)', () => {
  it('lists the four therapy templates', () => {
    expect(NOTE_TEMPLATES).toEqual(['dap', 'soap', 'birp', 'girp']);
  });
  it('has the sourced sections for each template, in order (clinical-facts §7.2)', () => {
    expect(keys(TEMPLATE_SECTIONS.dap)).toEqual(['data', 'assessment', 'plan']);
    expect(keys(TEMPLATE_SECTIONS.soap)).toEqual(['subjective', 'objective', 'assessment', 'plan']);
    expect(keys(TEMPLATE_SECTIONS.birp)).toEqual(['behavior', 'intervention', 'response', 'plan']);
    expect(keys(TEMPLATE_SECTIONS.girp)).toEqual(['goal', 'intervention', 'response', 'plan']);
  });
  it('labels the templates in capitals', () => {
    expect(TEMPLATE_LABELS).toEqual({ dap: 'DAP', soap: 'SOAP', birp: 'BIRP', girp: 'GIRP' });
  });
  it('group shared part: topic, interventions, process', () => {
    expect(keys(GROUP_SHARED_SECTIONS)).toEqual(['topic', 'interventions', 'process']);
    expect(GROUP_SHARED_SECTIONS.find((s) => s.key === 'process')!.hint).toMatch(/no member/i);
  });
  it('member part: participation, response, progress, plan', () => {
    expect(keys(MEMBER_SECTIONS)).toEqual(['participation', 'response', 'progress', 'plan']);
    expect(MEMBER_SECTIONS[0]).toEqual({
      key: 'participation',
      label: 'Participation',
      hint: 'How this member took part today',
    });
    expect(MEMBER_SECTIONS.find((s) => s.key === 'progress')!.hint).toMatch(/goal/i);
  });
  it('medication narrative: subjective, sideEffects, adherence, assessment, plan', () => {
    expect(keys(MEDICATION_SECTIONS)).toEqual([
      'subjective',
      'sideEffects',
      'adherence',
      'assessment',
      'plan',
    ]);
  });
  it('every section list has unique keys and non-empty labels and hints', () => {
    const all = [
      ...Object.values(TEMPLATE_SECTIONS),
      GROUP_SHARED_SECTIONS,
      MEMBER_SECTIONS,
      MEDICATION_SECTIONS,
    ];
    for (const list of all) {
      expect(new Set(keys(list)).size).toBe(list.length);
      for (const s of list) {
        expect(s.label.trim()).not.toBe('');
        expect(s.hint.trim()).not.toBe('');
        expect(s.key).toMatch(/^[a-z][A-Za-z]*$/);
      }
    }
  });
  it('is frozen so callers cannot change the shared data', () => {
    expect(Object.isFrozen(TEMPLATE_SECTIONS)).toBe(true);
    expect(Object.isFrozen(TEMPLATE_SECTIONS.soap)).toBe(true);
    expect(Object.isFrozen(TEMPLATE_SECTIONS.soap[0])).toBe(true);
    expect(Object.isFrozen(MEMBER_SECTIONS)).toBe(true);
    expect(Object.isFrozen(TEMPLATE_LABELS)).toBe(true);
  });
});

describe('missingSections', () => {
  it('lists every key of an empty body, in section order', () => {
    expect(missingSections(MEMBER_SECTIONS, {})).toEqual(['participation', 'response', 'progress', 'plan']);
  });
  it('treats missing, null, undefined, empty and whitespace-only texts as missing', () => {
    expect(
      missingSections(TEMPLATE_SECTIONS.soap, {
        subjective: null,
        objective: undefined,
        assessment: '  \n\t ',
      }),
    ).toEqual(['subjective', 'objective', 'assessment', 'plan']);
  });
  it('returns nothing when every section has text; ignores extra keys', () => {
    expect(
      missingSections(TEMPLATE_SECTIONS.dap, {
        data: 'a',
        assessment: 'b',
        plan: 'c',
        extra: '',
        other: null,
      }),
    ).toEqual([]);
  });
  it('keeps section order, not body order', () => {
    expect(
      missingSections(TEMPLATE_SECTIONS.birp, { plan: '', behavior: '', intervention: 'x', response: 'y' }),
    ).toEqual(['behavior', 'plan']);
  });
  it('does not read inherited properties as section text', () => {
    const body = Object.create({ data: 'inherited' }) as Record<string, string>;
    expect(missingSections(TEMPLATE_SECTIONS.dap, body)).toEqual(['data', 'assessment', 'plan']);
    expect(missingSections([{ key: 'toString', label: 'T', hint: '' }], {})).toEqual(['toString']);
  });
  it('accepts an empty section list', () => {
    expect(missingSections([], { a: 'x' })).toEqual([]);
  });
  it('throws on a body that is not an object', () => {
    for (const bad of [null, undefined, 'text', 3, ['a']]) {
      expect(() => missingSections(MEMBER_SECTIONS, bad as never)).toThrow(/body/);
    }
  });
  it('throws on a section value that is not text', () => {
    expect(() => missingSections(MEMBER_SECTIONS, { participation: 5 as never })).toThrow(
      /participation.*text/,
    );
    expect(() => missingSections(MEMBER_SECTIONS, { plan: {} as never })).toThrow(/plan/);
  });
  it('throws on malformed sections', () => {
    expect(() => missingSections('x' as never, {})).toThrow(/sections/);
    expect(() => missingSections([null as never], {})).toThrow(/section at 0/);
    expect(() => missingSections([{ key: ' ', label: 'L', hint: '' }], {})).toThrow(/key/);
    expect(() => missingSections([{ key: 'a', label: 1 as never, hint: '' }], {})).toThrow(/label/);
    expect(() =>
      missingSections(
        [
          { key: 'a', label: 'A', hint: '' },
          { key: 'a', label: 'B', hint: '' },
        ],
        {},
      ),
    ).toThrow(/"a" appears more than once/);
  });
});

describe('sectionsText', () => {
  it('joins "Label: text" lines in section order, trimmed, skipping empty ones', () => {
    expect(
      sectionsText(MEMBER_SECTIONS, {
        plan: ' Practice the skill daily. ',
        participation: 'Engaged throughout.',
        response: '   ',
        progress: null,
      }),
    ).toBe('Participation: Engaged throughout.\nPlan: Practice the skill daily.');
  });
  it('uses labels, not keys', () => {
    expect(sectionsText(MEDICATION_SECTIONS, { sideEffects: 'None reported.' })).toBe(
      'Side effects: None reported.',
    );
    expect(sectionsText(GROUP_SHARED_SECTIONS, { process: 'Cohesive.' })).toBe('Group process: Cohesive.');
  });
  it('keeps inner line breaks of a section', () => {
    expect(sectionsText(TEMPLATE_SECTIONS.dap, { data: 'line one\nline two' })).toBe(
      'Data: line one\nline two',
    );
  });
  it('is empty for an empty body, and ignores extra keys', () => {
    expect(sectionsText(TEMPLATE_SECTIONS.soap, {})).toBe('');
    expect(sectionsText(TEMPLATE_SECTIONS.soap, { other: 'not a section' })).toBe('');
  });
  it('covers a whole SOAP note', () => {
    expect(
      sectionsText(TEMPLATE_SECTIONS.soap, { subjective: 'S', objective: 'O', assessment: 'A', plan: 'P' }),
    ).toBe('Subjective: S\nObjective: O\nAssessment: A\nPlan: P');
  });
  it('validates like missingSections', () => {
    expect(() => sectionsText(MEMBER_SECTIONS, null as never)).toThrow(/body/);
    expect(() => sectionsText(MEMBER_SECTIONS, { plan: 1 as never })).toThrow(/plan/);
    expect(() => sectionsText([{ key: '', label: 'x', hint: '' }], {})).toThrow(/key/);
  });
});
