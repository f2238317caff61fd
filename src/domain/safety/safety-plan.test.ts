import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CRISIS_LINE_988,
  looksLikePhone,
  normalizeSafetyPlan,
  SAFETY_PLAN_REVIEW_REASON_LABELS,
  SAFETY_PLAN_REVIEW_REASONS,
  SAFETY_PLAN_SECTIONS,
  safetyPlanProblems,
  safetyPlanReview,
  type SafetyContact,
  type SafetyPlanContent,
} from './safety-plan.js';

const contact = (name: string, phone: string | null = null, note: string | null = null): SafetyContact => ({
  name,
  phone,
  note,
});

function plan(): SafetyPlanContent {
  return {
    warningSigns: ['Not sleeping', 'Staying in my room'],
    copingStrategies: ['Go for a walk'],
    distractions: [contact('Coffee shop on Main St')],
    helpContacts: [contact('My sister Ana', '(555) 123-4567', 'Evenings')],
    professionals: [{ ...CRISIS_LINE_988 }, contact('Dr. Lee', '+1 555 987 6543')],
    environmentSafety: ['Ask Ana to keep my medicines'],
    reasonsForLiving: ['My cat'],
  };
}

const empty = (): SafetyPlanContent => ({
  warningSigns: [],
  copingStrategies: [],
  distractions: [],
  helpContacts: [],
  professionals: [],
  environmentSafety: [],
  reasonsForLiving: [],
});

describe('SAFETY_PLAN_SECTIONS', () => {
  it('has the six steps then reasons for living, in order, each with a title and a prompt', () => {
    expect(SAFETY_PLAN_SECTIONS.map((s) => s.key)).toEqual([
      'warningSigns',
      'copingStrategies',
      'distractions',
      'helpContacts',
      'professionals',
      'environmentSafety',
      'reasonsForLiving',
    ]);
    expect(new Set(SAFETY_PLAN_SECTIONS.map((s) => s.key)).size).toBe(Object.keys(empty()).length);
    for (const s of SAFETY_PLAN_SECTIONS) {
      expect(s.title.trim()).not.toBe('');
      expect(s.prompt.trim()).not.toBe('');
    }
  });

  it('uses our own words, not the licensed form’s step titles', () => {
    const text = SAFETY_PLAN_SECTIONS.map((s) => `${s.title} ${s.prompt}`)
      .join(' ')
      .toLowerCase();
    for (const phrase of [
      'internal coping strategies',
      'social settings that provide distraction',
      'people whom i can ask for help',
      'professionals or agencies i can contact during a crisis',
      'making the environment safe',
      'worth living for',
      'warning signs (thoughts, images',
      'step 1',
    ]) {
      expect(text).not.toContain(phrase);
    }
  });

  it('is frozen', () => {
    expect(Object.isFrozen(SAFETY_PLAN_SECTIONS)).toBe(true);
    expect(Object.isFrozen(SAFETY_PLAN_SECTIONS[0])).toBe(true);
  });
});

describe('CRISIS_LINE_988', () => {
  it('is the 988 Suicide & Crisis Lifeline, call or text, frozen', () => {
    expect(CRISIS_LINE_988.name).toBe('988 Suicide & Crisis Lifeline');
    expect(CRISIS_LINE_988.phone).toBe('988');
    expect(CRISIS_LINE_988.note).toMatch(/^Call or text 988/);
    expect(Object.isFrozen(CRISIS_LINE_988)).toBe(true);
    expect(looksLikePhone(CRISIS_LINE_988.phone!)).toBe(true);
  });
});

describe('normalizeSafetyPlan', () => {
  it('puts 988 first among the professionals when it is missing', () => {
    const p = plan();
    p.professionals = [contact('Dr. Lee', '555 987 6543')];
    expect(normalizeSafetyPlan(p).professionals).toEqual([
      CRISIS_LINE_988,
      contact('Dr. Lee', '555 987 6543'),
    ]);
    expect(normalizeSafetyPlan(empty()).professionals).toEqual([CRISIS_LINE_988]);
  });

  it('keeps 988 exactly once, first, replacing any entry with the number 988 however written', () => {
    const p = plan();
    p.professionals = [
      contact('Dr. Lee', '555 987 6543'),
      contact('Crisis line', ' 9-8-8 ', 'my note'),
      { ...CRISIS_LINE_988 },
      contact('Old lifeline', '1-800-273-8255'),
    ];
    expect(normalizeSafetyPlan(p).professionals).toEqual([
      CRISIS_LINE_988,
      contact('Dr. Lee', '555 987 6543'),
      contact('Old lifeline', '1-800-273-8255'),
    ]);
  });

  it('does not treat a number that only contains 988 as the Lifeline', () => {
    const p = plan();
    p.professionals = [contact('Clinic', '555-988-1234')];
    expect(normalizeSafetyPlan(p).professionals).toEqual([
      CRISIS_LINE_988,
      contact('Clinic', '555-988-1234'),
    ]);
  });

  it('trims strings, drops blank entries and blank contacts, and makes blank phones and notes null', () => {
    const p: SafetyPlanContent = {
      warningSigns: ['  Not sleeping ', '', '   '],
      copingStrategies: ['\tMusic\n'],
      distractions: [contact('  ', ' ', ''), contact(' Park ', '  ', ' ')],
      helpContacts: [contact('', '555 1234'), contact(' Ana ', ' 555 123 4567 ', '  Evenings ')],
      professionals: [],
      environmentSafety: [' Lock the cabinet '],
      reasonsForLiving: ['', 'My kids '],
    };
    expect(normalizeSafetyPlan(p)).toEqual({
      warningSigns: ['Not sleeping'],
      copingStrategies: ['Music'],
      distractions: [contact('Park')],
      helpContacts: [contact('', '555 1234'), contact('Ana', '555 123 4567', 'Evenings')],
      professionals: [CRISIS_LINE_988],
      environmentSafety: ['Lock the cabinet'],
      reasonsForLiving: ['My kids'],
    });
  });

  it('does not mutate its input and returns a fresh 988 entry', () => {
    const p = plan();
    p.warningSigns.push('  ');
    const copy = structuredClone(p);
    const out = normalizeSafetyPlan(p);
    expect(p).toEqual(copy);
    expect(out.professionals[0]).not.toBe(CRISIS_LINE_988);
    expect(Object.isFrozen(out.professionals[0])).toBe(false);
  });

  it('is idempotent and always has 988 once, first (property)', () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom(' ', '', ' 988 ', 'a'));
    const c = fc.record({
      name: text,
      phone: fc.option(fc.oneof(text, fc.constantFrom('988', '(988)', '555 0100')), { nil: null }),
      note: fc.option(text, { nil: null }),
    });
    const content = fc.record({
      warningSigns: fc.array(text, { maxLength: 4 }),
      copingStrategies: fc.array(text, { maxLength: 4 }),
      distractions: fc.array(c, { maxLength: 3 }),
      helpContacts: fc.array(c, { maxLength: 3 }),
      professionals: fc.array(c, { maxLength: 4 }),
      environmentSafety: fc.array(text, { maxLength: 4 }),
      reasonsForLiving: fc.array(text, { maxLength: 4 }),
    });
    fc.assert(
      fc.property(content, (p) => {
        const once = normalizeSafetyPlan(p);
        expect(normalizeSafetyPlan(once)).toEqual(once);
        expect(once.professionals[0]).toEqual(CRISIS_LINE_988);
        expect(once.professionals.filter((x) => x.phone?.replace(/\D/g, '') === '988')).toHaveLength(1);
        for (const s of [...once.warningSigns, ...once.copingStrategies, ...once.reasonsForLiving]) {
          expect(s).toBe(s.trim());
          expect(s).not.toBe('');
        }
      }),
    );
  });
});

describe('looksLikePhone', () => {
  it.each([
    '988',
    '911',
    '555 1234',
    '(555) 123-4567',
    '+1 555 987 6543',
    '+44 20 7946 0958',
    '1-800-273-8255',
  ])('accepts %s', (phone) => expect(looksLikePhone(phone)).toBe(true));

  it.each([
    '',
    '12',
    'call me',
    '555.123.4567',
    '555-1234 ext 2',
    '123456789012345678901',
    '+-()',
    '555#1234',
  ])('rejects %j', (phone) => expect(looksLikePhone(phone)).toBe(false));

  it('accepts exactly 3 to 20 digits', () => {
    expect(looksLikePhone('1'.repeat(20))).toBe(true);
    expect(looksLikePhone('1'.repeat(21))).toBe(false);
    expect(looksLikePhone('1 2')).toBe(false);
    expect(looksLikePhone('1 2 3')).toBe(true);
  });
});

describe('safetyPlanProblems', () => {
  it('accepts a complete plan, and one with empty contact sections', () => {
    expect(safetyPlanProblems(plan())).toEqual([]);
    const p = plan();
    p.distractions = [];
    p.helpContacts = [];
    p.professionals = [];
    expect(safetyPlanProblems(p)).toEqual([]);
  });

  it('needs a warning sign, a coping strategy, a safety step and a reason for living', () => {
    expect(safetyPlanProblems(empty())).toEqual([
      { path: 'warningSigns', message: 'Add at least one warning sign.' },
      { path: 'copingStrategies', message: 'Add at least one thing the patient can do on their own.' },
      {
        path: 'environmentSafety',
        message: 'Add at least one step to make the patient’s surroundings safer.',
      },
      { path: 'reasonsForLiving', message: 'Add at least one reason for living.' },
    ]);
  });

  it.each(['warningSigns', 'copingStrategies', 'environmentSafety', 'reasonsForLiving'] as const)(
    'does not count blank entries in %s',
    (key) => {
      const p = plan();
      p[key] = ['', '   '];
      expect(safetyPlanProblems(p).map((r) => r.path)).toEqual([key]);
    },
  );

  it('needs a name for each contact that has anything in it', () => {
    const p = plan();
    p.helpContacts = [
      contact('Ana'),
      contact('  ', '555 1234'),
      contact('', null, null),
      contact('', null, 'x'),
    ];
    expect(safetyPlanProblems(p)).toEqual([
      { path: 'helpContacts.1.name', message: 'People to reach out to, entry 2 needs a name.' },
      { path: 'helpContacts.3.name', message: 'People to reach out to, entry 4 needs a name.' },
    ]);
  });

  it('checks phone numbers in every contact section', () => {
    const p = plan();
    p.distractions = [contact('Gym', 'not a phone')];
    p.helpContacts = [contact('Ana', '  '), contact('Ben', '55')];
    p.professionals = [contact('Dr. Lee', '555-1234'), contact('Clinic', '555.1234')];
    expect(safetyPlanProblems(p)).toEqual([
      {
        path: 'distractions.0.phone',
        message:
          'People and places, entry 1 has a phone number that does not look right: use digits (3 to 20), spaces, +, - and brackets only.',
      },
      {
        path: 'helpContacts.1.phone',
        message: expect.stringMatching(/^People to reach out to, entry 2 has a phone/),
      },
      {
        path: 'professionals.1.phone',
        message: expect.stringMatching(/^Care team and crisis lines, entry 2 has a phone/),
      },
    ]);
  });

  it('is satisfied by what normalizeSafetyPlan returns for a valid plan', () => {
    expect(safetyPlanProblems(normalizeSafetyPlan(plan()))).toEqual([]);
  });
});

describe('safetyPlanReview', () => {
  const at = (iso: string) => new Date(iso);

  it('is needed when there is no plan, with or without an alert', () => {
    const expected = { needed: true, reason: 'There is no safety plan yet.', reasonCode: 'initial' };
    expect(safetyPlanReview({ latestVersionAt: null, latestAlertAt: null })).toEqual(expected);
    expect(safetyPlanReview({ latestVersionAt: null, latestAlertAt: at('2026-11-01T10:00:00Z') })).toEqual(
      expected,
    );
  });

  it('is needed when a safety alert was raised after the latest version', () => {
    expect(
      safetyPlanReview({
        latestVersionAt: at('2026-11-01T10:00:00Z'),
        latestAlertAt: at('2026-11-01T10:00:00.001Z'),
      }),
    ).toEqual({
      needed: true,
      reason: 'A safety alert was raised after the plan was last updated.',
      reasonCode: 'risk_change',
    });
  });

  it('is not needed without an alert, or with one raised before or at the latest version', () => {
    const none = { needed: false, reason: null, reasonCode: null };
    const v = at('2026-11-01T10:00:00Z');
    expect(safetyPlanReview({ latestVersionAt: v, latestAlertAt: null })).toEqual(none);
    expect(safetyPlanReview({ latestVersionAt: v, latestAlertAt: at('2026-10-31T09:00:00Z') })).toEqual(none);
    expect(safetyPlanReview({ latestVersionAt: v, latestAlertAt: at('2026-11-01T10:00:00Z') })).toEqual(none);
  });

  it('throws on an invalid date', () => {
    expect(() => safetyPlanReview({ latestVersionAt: new Date('nope'), latestAlertAt: null })).toThrow(
      /latestVersionAt/,
    );
    expect(() => safetyPlanReview({ latestVersionAt: null, latestAlertAt: new Date(Number.NaN) })).toThrow(
      /latestAlertAt/,
    );
  });

  it('returns reason codes from SAFETY_PLAN_REVIEW_REASONS, each labelled', () => {
    expect(SAFETY_PLAN_REVIEW_REASONS).toEqual(['initial', 'risk_change', 'routine', 'patient_request']);
    expect(Object.keys(SAFETY_PLAN_REVIEW_REASON_LABELS)).toEqual([...SAFETY_PLAN_REVIEW_REASONS]);
    expect(SAFETY_PLAN_REVIEW_REASONS).toContain(
      safetyPlanReview({ latestVersionAt: null, latestAlertAt: null }).reasonCode,
    );
  });
});
