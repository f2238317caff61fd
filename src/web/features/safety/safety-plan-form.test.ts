import { describe, expect, it } from 'vitest';
import { CRISIS_LINE_988, type SafetyPlanContent } from '../../../domain/safety/safety-plan.js';
import {
  MAX_ENTRIES,
  addEntry,
  contentOf,
  defaultReason,
  entryName,
  formFromContent,
  formProblems,
  initialForm,
  reasonLabel,
  removeEntry,
  saveBody,
  saveContent,
  sectionErrors,
  serverPlanErrors,
  setContact,
  setText,
  type SafetyPlanForm,
} from './safety-plan-form.js';

const EMPTY: SafetyPlanContent = {
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpContacts: [],
  professionals: [],
  environmentSafety: [],
  reasonsForLiving: [],
};

const PLAN: SafetyPlanContent = {
  warningSigns: ['Not sleeping', 'Skipping meals'],
  copingStrategies: ['Walk the dog'],
  distractions: [{ name: 'Coffee shop on Main St', phone: null, note: null }],
  helpContacts: [{ name: 'Sam (sister)', phone: '555-0100', note: 'Evenings' }],
  professionals: [{ ...CRISIS_LINE_988 }, { name: 'Dr. Lee', phone: '555-0199', note: null }],
  environmentSafety: ['Brother keeps the pills'],
  reasonsForLiving: ['My kids'],
};

/** The form without row ids, to compare shapes. */
const shape = (form: SafetyPlanForm) =>
  Object.fromEntries(
    Object.entries(form).map(([key, rows]) => [
      key,
      (rows as { id: string }[]).map(({ id: _id, ...rest }) => rest),
    ]),
  );

describe('safety plan form state', () => {
  it('opens an existing plan as written, with 988 fixed first among the professionals', () => {
    const form = formFromContent(PLAN);
    expect(form.warningSigns.map((r) => r.text)).toEqual(['Not sleeping', 'Skipping meals']);
    expect(form.professionals[0]).toMatchObject({ ...CRISIS_LINE_988, fixed: true });
    expect(form.professionals[1]).toMatchObject({
      name: 'Dr. Lee',
      phone: '555-0199',
      note: '',
      fixed: false,
    });
    expect(saveContent(form).content).toEqual(PLAN);
  });

  it('starts a new plan from the template with one empty line to type in each section', () => {
    const form = initialForm({
      current: null,
      template: { ...EMPTY, professionals: [{ ...CRISIS_LINE_988 }] },
    });
    expect(shape(form)).toEqual({
      warningSigns: [{ text: '' }],
      copingStrategies: [{ text: '' }],
      distractions: [{ name: '', phone: '', note: '', fixed: false }],
      helpContacts: [{ name: '', phone: '', note: '', fixed: false }],
      professionals: [
        { ...CRISIS_LINE_988, fixed: true },
        { name: '', phone: '', note: '', fixed: false },
      ],
      environmentSafety: [{ text: '' }],
      reasonsForLiving: [{ text: '' }],
    });
  });

  it('adds 988 when stored content lacks it, and lists it only once', () => {
    const form = formFromContent({
      ...EMPTY,
      professionals: [
        { name: 'Dr. Lee', phone: null, note: null },
        { name: 'Lifeline', phone: '9 8 8', note: null },
      ],
    });
    expect(form.professionals.map((r) => r.name)).toEqual([CRISIS_LINE_988.name, 'Dr. Lee']);
    expect(form.professionals.filter((r) => r.fixed)).toHaveLength(1);
  });

  it('gives every row a distinct id', () => {
    const form = formFromContent(PLAN);
    const ids = Object.values(form).flatMap((rows: { id: string }[]) => rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('adds empty entries at the end, up to the limit', () => {
    let form = formFromContent(PLAN);
    form = addEntry(form, 'warningSigns');
    form = addEntry(form, 'helpContacts');
    expect(form.warningSigns.at(-1)?.text).toBe('');
    expect(form.helpContacts.at(-1)).toMatchObject({ name: '', phone: '', note: '', fixed: false });
    for (let i = 0; i < 30; i++) form = addEntry(form, 'reasonsForLiving');
    expect(form.reasonsForLiving).toHaveLength(MAX_ENTRIES);
  });

  it('removes the chosen entry and never the 988 Lifeline', () => {
    let form = addEntry(formFromContent(PLAN), 'professionals');
    form = removeEntry(form, 'professionals', 0);
    expect(form.professionals).toHaveLength(3);
    expect(form.professionals[0]?.fixed).toBe(true);
    form = removeEntry(form, 'professionals', 1);
    expect(form.professionals.map((r) => r.name)).toEqual([CRISIS_LINE_988.name, '']);
    form = removeEntry(removeEntry(form, 'professionals', 1), 'professionals', 1);
    expect(form.professionals.map((r) => r.name)).toEqual([CRISIS_LINE_988.name]);
    expect(saveContent(form).content.professionals).toEqual([CRISIS_LINE_988]);

    const signs = removeEntry(form, 'warningSigns', 0);
    expect(signs.warningSigns.map((r) => r.text)).toEqual(['Skipping meals']);
  });

  it('edits text and contacts but not the 988 entry', () => {
    let form = formFromContent(PLAN);
    form = setText(form, 'warningSigns', 1, 'Staying in bed');
    form = setContact(form, 'helpContacts', 0, { phone: '555-0111' });
    form = setContact(form, 'professionals', 0, { name: 'Something else', phone: '' });
    expect(form.warningSigns[1]?.text).toBe('Staying in bed');
    expect(form.helpContacts[0]).toMatchObject({ name: 'Sam (sister)', phone: '555-0111' });
    expect(form.professionals[0]).toMatchObject({ ...CRISIS_LINE_988, fixed: true });
  });

  it('saves without blank lines, trimmed, with 988 first, remembering which row each entry came from', () => {
    let form = formFromContent(EMPTY);
    form = setText(form, 'warningSigns', 0, '');
    form = addEntry(form, 'warningSigns');
    form = setText(form, 'warningSigns', 1, '  Pacing at night ');
    form = addEntry(form, 'helpContacts');
    form = setContact(form, 'helpContacts', 1, { name: ' Ana ', phone: ' ', note: 'neighbour' });
    form = setContact(form, 'professionals', 1, { name: 'Crisis line', phone: '988' });
    const { content, rows } = saveContent(form);
    expect(content.warningSigns).toEqual(['Pacing at night']);
    expect(rows.warningSigns).toEqual([1]);
    expect(content.helpContacts).toEqual([{ name: 'Ana', phone: null, note: 'neighbour' }]);
    expect(rows.helpContacts).toEqual([1]);
    expect(content.professionals).toEqual([CRISIS_LINE_988]);
    expect(rows.professionals).toEqual([0]);
    expect(content.distractions).toEqual([]);
  });

  it('builds the POST body with the reason and the alert', () => {
    const { body } = saveBody(formFromContent(PLAN), 'risk_change', '2b1c7b3e-4a55-4b0e-9d3c-2f1a0e6b7c8d');
    expect(body).toEqual({
      content: PLAN,
      reason: 'risk_change',
      safetyAlertId: '2b1c7b3e-4a55-4b0e-9d3c-2f1a0e6b7c8d',
    });
  });

  it('round-trips content through the form', () => {
    expect(contentOf(formFromContent(PLAN))).toEqual({
      ...PLAN,
      distractions: [{ name: 'Coffee shop on Main St', phone: null, note: null }],
    });
  });
});

describe('safety plan problems and errors', () => {
  it('shows the domain problems on the rows on screen, blank lines included', () => {
    let form = formFromContent(EMPTY);
    form = addEntry(form, 'helpContacts');
    form = setContact(form, 'helpContacts', 1, { phone: 'call me' });
    const problems = formProblems(form);
    expect(Object.keys(problems).sort()).toEqual(
      [
        'copingStrategies',
        'environmentSafety',
        'helpContacts.1.name',
        'helpContacts.1.phone',
        'reasonsForLiving',
        'warningSigns',
      ].sort(),
    );
    expect(sectionErrors(problems, 'helpContacts')).toHaveLength(2);
    expect(sectionErrors(problems, 'distractions')).toEqual([]);
  });

  it('has no problems for a complete plan', () => {
    expect(formProblems(formFromContent(PLAN))).toEqual({});
  });

  it('maps server paths back to the rows they were sent from', () => {
    let form = formFromContent(EMPTY);
    form = addEntry(form, 'helpContacts');
    form = setContact(form, 'helpContacts', 1, { name: 'Ana', phone: '12' });
    form = addEntry(form, 'professionals');
    form = setContact(form, 'professionals', 2, { name: 'Dr. Lee' });
    const { rows } = saveContent(form);
    expect(
      serverPlanErrors(
        [
          { path: 'content.warningSigns', message: 'Add a warning sign.' },
          { path: '/content/helpContacts/0/phone', message: 'Bad phone.' },
          { path: 'body.content.professionals[1].name', message: 'Too long.' },
          { path: 'content.professionals.0', message: 'Keep 988.' },
          { path: 'content.distractions.4.name', message: 'Unknown row.' },
          { path: 'reason', message: 'Choose a reason.' },
          { path: 'content', message: 'Whole plan.' },
        ],
        rows,
      ),
    ).toEqual({
      warningSigns: 'Add a warning sign.',
      'helpContacts.1.phone': 'Bad phone.',
      'professionals.2.name': 'Too long.',
      'professionals.0': 'Keep 988.',
      distractions: 'Unknown row.',
      reason: 'Choose a reason.',
      content: 'Whole plan.',
    });
  });
});

describe('safety plan reasons and names', () => {
  const current = { current: { id: 'x' } as never };
  it('defaults the reason from the plan, its review and the alert', () => {
    expect(defaultReason({ current: null, review: { needed: true, reason: 'No plan' } }, null)).toBe(
      'initial',
    );
    expect(defaultReason({ current: null, review: { needed: true, reason: null } }, 'alert-id')).toBe(
      'initial',
    );
    expect(defaultReason({ ...current, review: { needed: true, reason: 'Risk changed' } }, null)).toBe(
      'risk_change',
    );
    expect(defaultReason({ ...current, review: { needed: false, reason: null } }, 'alert-id')).toBe(
      'risk_change',
    );
    expect(defaultReason({ ...current, review: { needed: false, reason: null } }, null)).toBe('routine');
  });

  it('labels reasons and entries in plain words', () => {
    expect(reasonLabel('initial')).toBe('First plan');
    expect(reasonLabel('something_new')).toBe('something_new');
    expect(entryName('warningSigns', 1)).toBe('warning sign 2');
  });
});
