/**
 * A patient's safety plan: six sections plus reasons for living, written with the patient in their
 * own words, versioned, and reviewed when risk changes.
 *
 * Sources (clinical-facts.md):
 * - §4.1 [C]: a safety plan is a written, prioritized list of coping strategies and supports in the
 *   patient's own words, in six steps used in order — warning signs; coping alone; people and
 *   settings for distraction; people who can help; professionals, agencies and crisis lines;
 *   making the environment safe (reducing access to lethal means). The current published form ends
 *   with what is worth living for [S].
 * - §4.1 [U]: the Stanley-Brown form's licence is unconfirmed, so per the sheet's [D] the titles
 *   and prompts here are our own plain-language wording, not the form's.
 * - §4.2 [C]: 988 Suicide & Crisis Lifeline, nationwide since 2022-07-16, call, text or chat;
 *   veterans press 1. [D] 988 is shown in every safety plan, and a plan is reviewed when risk
 *   changes (a new safety alert).
 */

export interface SafetyContact {
  name: string;
  phone: string | null;
  note: string | null;
}

export interface SafetyPlanContent {
  /** Thoughts, feelings, situations that signal a crisis may be coming. */
  warningSigns: string[];
  /** Things I can do on my own. */
  copingStrategies: string[];
  /** People and places that take my mind off things. */
  distractions: SafetyContact[];
  /** People I can ask for help. */
  helpContacts: SafetyContact[];
  /** Clinicians, agencies, crisis lines. */
  professionals: SafetyContact[];
  /** Making my surroundings safer (e.g. means restriction). */
  environmentSafety: string[];
  reasonsForLiving: string[];
}

export type SafetyPlanSectionKey = keyof SafetyPlanContent;

export interface SafetyPlanSection {
  key: SafetyPlanSectionKey;
  title: string;
  prompt: string;
}

/** The sections in the order they are filled in, in our own patient-facing words (§4.1). */
export const SAFETY_PLAN_SECTIONS: readonly SafetyPlanSection[] = Object.freeze(
  [
    {
      key: 'warningSigns',
      title: 'Signs that a hard time is starting',
      prompt: 'What thoughts, feelings, places or situations tell you that things are starting to get worse?',
    },
    {
      key: 'copingStrategies',
      title: 'What I can do on my own',
      prompt:
        'What helps you feel a little calmer or better without needing anyone else? For example, a walk, music or slow breathing.',
    },
    {
      key: 'distractions',
      title: 'People and places that take my mind off things',
      prompt:
        'Who could you spend time with, or where could you go, to think about something else for a while? You do not have to talk about how you feel.',
    },
    {
      key: 'helpContacts',
      title: 'People I can reach out to',
      prompt: 'Who could you tell that you are struggling, and ask to help? Add a phone number if you can.',
    },
    {
      key: 'professionals',
      title: 'My care team and crisis lines',
      prompt:
        'Clinicians, services and crisis lines you can contact when things get hard. The 988 Suicide & Crisis Lifeline is always on this list.',
    },
    {
      key: 'environmentSafety',
      title: 'Making my space safer',
      prompt:
        'What could you do, or who could help you, to put away, lock up or remove things you might use to hurt yourself?',
    },
    {
      key: 'reasonsForLiving',
      title: 'What keeps me going',
      prompt: 'The people, plans, hopes and things that matter most to you.',
    },
  ].map((s) => Object.freeze(s as SafetyPlanSection)),
);

/**
 * 988 Suicide & Crisis Lifeline (clinical-facts.md §4.2 [C]: call, text or chat, nationwide;
 * veterans press 1). Round-the-clock availability is not on the fact sheet, so the note does not
 * claim it.
 */
export const CRISIS_LINE_988: Readonly<SafetyContact> = Object.freeze({
  name: '988 Suicide & Crisis Lifeline',
  phone: '988',
  note: 'Call or text 988. Veterans, press 1.',
});

/** Why a new version of a safety plan was written. */
export const SAFETY_PLAN_REVIEW_REASONS = ['initial', 'risk_change', 'routine', 'patient_request'] as const;
export type SafetyPlanReviewReason = (typeof SAFETY_PLAN_REVIEW_REASONS)[number];

export const SAFETY_PLAN_REVIEW_REASON_LABELS: Readonly<Record<SafetyPlanReviewReason, string>> =
  Object.freeze({
    initial: 'First plan',
    risk_change: 'Risk changed',
    routine: 'Routine review',
    patient_request: 'Patient asked to update it',
  });

const TEXT_SECTIONS = ['warningSigns', 'copingStrategies', 'environmentSafety', 'reasonsForLiving'] as const;
const CONTACT_SECTIONS = ['distractions', 'helpContacts', 'professionals'] as const;

/** Digits, spaces, +, -, ( and ) only, with 3 to 20 digits. */
const PHONE_CHARS = /^[\d\s+\-()]+$/;
const MIN_PHONE_DIGITS = 3;
const MAX_PHONE_DIGITS = 20;

const digitsOf = (phone: string) => phone.replace(/\D/g, '');

/** True when `phone` looks like a phone number: digits, spaces, +, -, () and 3 to 20 digits. */
export function looksLikePhone(phone: string): boolean {
  const n = digitsOf(phone).length;
  return PHONE_CHARS.test(phone.trim()) && n >= MIN_PHONE_DIGITS && n <= MAX_PHONE_DIGITS;
}

/** Trimmed text; anything that is not a string (bad stored data) counts as blank. */
const text = (s: unknown): string => (typeof s === 'string' ? s.trim() : '');
const orNull = (s: unknown): string | null => text(s) || null;

function cleanContact(c: SafetyContact): SafetyContact {
  return { name: text(c.name), phone: orNull(c.phone), note: orNull(c.note) };
}

const isBlankContact = (c: SafetyContact) => c.name === '' && c.phone === null && c.note === null;
const is988 = (c: SafetyContact) => c.phone !== null && digitsOf(c.phone) === '988';

function cleanTexts(list: readonly string[]): string[] {
  return list.map(text).filter((s) => s !== '');
}

function cleanContacts(list: readonly SafetyContact[]): SafetyContact[] {
  return list.map(cleanContact).filter((c) => !isBlankContact(c));
}

/**
 * A copy of `content` with every string trimmed, blank entries (and contacts with no name, phone
 * or note) removed, blank phones and notes made `null`, and the 988 Lifeline listed exactly once,
 * first among the professionals (any other entry with the number 988 is replaced by it). Pure.
 */
export function normalizeSafetyPlan(content: SafetyPlanContent): SafetyPlanContent {
  return {
    warningSigns: cleanTexts(content.warningSigns),
    copingStrategies: cleanTexts(content.copingStrategies),
    distractions: cleanContacts(content.distractions),
    helpContacts: cleanContacts(content.helpContacts),
    professionals: [{ ...CRISIS_LINE_988 }, ...cleanContacts(content.professionals).filter((c) => !is988(c))],
    environmentSafety: cleanTexts(content.environmentSafety),
    reasonsForLiving: cleanTexts(content.reasonsForLiving),
  };
}

const MISSING: Record<(typeof TEXT_SECTIONS)[number], string> = {
  warningSigns: 'Add at least one warning sign.',
  copingStrategies: 'Add at least one thing the patient can do on their own.',
  environmentSafety: 'Add at least one step to make the patient’s surroundings safer.',
  reasonsForLiving: 'Add at least one reason for living.',
};

const CONTACT_SECTION_NAMES: Record<(typeof CONTACT_SECTIONS)[number], string> = {
  distractions: 'People and places',
  helpContacts: 'People to reach out to',
  professionals: 'Care team and crisis lines',
};

/**
 * What stops a safety plan being saved, with the path of each field ('helpContacts.1.phone').
 * Blank entries are ignored (saving drops them, see `normalizeSafetyPlan`); paths count entries as
 * given. Empty = savable.
 */
export function safetyPlanProblems(content: SafetyPlanContent): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  for (const key of TEXT_SECTIONS) {
    if (cleanTexts(content[key]).length === 0) out.push({ path: key, message: MISSING[key] });
  }
  for (const key of CONTACT_SECTIONS) {
    content[key].forEach((raw, i) => {
      const c = cleanContact(raw);
      if (isBlankContact(c)) return;
      const name = `${CONTACT_SECTION_NAMES[key]}, entry ${i + 1}`;
      if (c.name === '') out.push({ path: `${key}.${i}.name`, message: `${name} needs a name.` });
      if (c.phone !== null && !looksLikePhone(c.phone)) {
        out.push({
          path: `${key}.${i}.phone`,
          message: `${name} has a phone number that does not look right: use digits (3 to 20), spaces, +, - and brackets only.`,
        });
      }
    });
  }
  return out;
}

function checkInstant(value: Date | null, field: string): void {
  if (value !== null && (!(value instanceof Date) || Number.isNaN(value.getTime()))) {
    throw new Error(`Invalid ${field}: expected a valid date-time or null.`);
  }
}

/**
 * A plan needs review when risk changed after its latest version — a safety alert raised strictly
 * after it — or when there is no plan at all. `reason` is in plain words; `reasonCode` is the
 * matching SAFETY_PLAN_REVIEW_REASONS value for the new version. Throws on an invalid date.
 */
export function safetyPlanReview(input: { latestVersionAt: Date | null; latestAlertAt: Date | null }): {
  needed: boolean;
  reason: string | null;
  reasonCode: SafetyPlanReviewReason | null;
} {
  checkInstant(input.latestVersionAt, 'latestVersionAt');
  checkInstant(input.latestAlertAt, 'latestAlertAt');
  const { latestVersionAt, latestAlertAt } = input;
  if (latestVersionAt === null) {
    return { needed: true, reason: 'There is no safety plan yet.', reasonCode: 'initial' };
  }
  if (latestAlertAt !== null && latestAlertAt.getTime() > latestVersionAt.getTime()) {
    return {
      needed: true,
      reason: 'A safety alert was raised after the plan was last updated.',
      reasonCode: 'risk_change',
    };
  }
  return { needed: false, reason: null, reasonCode: null };
}
