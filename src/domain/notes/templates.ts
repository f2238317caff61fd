/**
 * Note bodies: the sections each kind of clinical note is written in, and two small helpers over a
 * body (a record of section key → text).
 *
 * Sources (see /work/shared/reference/clinical-facts.md §7.2):
 * - SOAP, DAP and BIRP sections [C] (TherapyNotes pre-built templates; confidantnotes).
 * - GIRP, the goal-led variant of BIRP [S] (upheal; ynote).
 * - Group notes in two layers, a shared group record with no member names plus an individualized
 *   note per member (participation, response, progress toward that member's goals, plan) [S]
 *   (therapyscribe; patientevity; clinicalnoteai; mentalnote).
 * - The medication-management narrative sections are our design [D]: a SOAP-like narrative with
 *   side effects and adherence called out; vitals and medication changes are structured data
 *   (vitals.ts, medications.ts).
 */

export const NOTE_TEMPLATES = ['dap', 'soap', 'birp', 'girp'] as const;
export type NoteTemplate = (typeof NOTE_TEMPLATES)[number];

/** One part of a note body: `key` in the stored body, `label` shown as the heading, `hint` as help text. */
export interface NoteSection {
  key: string;
  label: string;
  hint: string;
}

const sections = (...list: [key: string, label: string, hint: string][]): readonly NoteSection[] =>
  Object.freeze(list.map(([key, label, hint]) => Object.freeze({ key, label, hint })));

const PLAN_HINT = 'Next steps, homework and the next session';

/**
 * Therapy note templates (clinical-facts §7.2): DAP = data, assessment, plan; SOAP = subjective,
 * objective, assessment, plan; BIRP = behavior, intervention, response, plan; GIRP = goal,
 * intervention, response, plan.
 * SOAP/DAP/BIRP [C]; GIRP [S].
 */
export const TEMPLATE_SECTIONS: Readonly<Record<NoteTemplate, readonly NoteSection[]>> = Object.freeze({
  dap: sections(
    ['data', 'Data', 'What the patient reported and what you observed, including measures'],
    ['assessment', 'Assessment', 'Your clinical interpretation and progress toward goals'],
    ['plan', 'Plan', PLAN_HINT],
  ),
  soap: sections(
    ['subjective', 'Subjective', "The patient's own report, in their words where useful"],
    ['objective', 'Objective', 'What you observed, and measurable data such as scores'],
    ['assessment', 'Assessment', 'Your clinical interpretation and progress toward goals'],
    ['plan', 'Plan', PLAN_HINT],
  ),
  birp: sections(
    ['behavior', 'Behavior', 'How the patient presented: mood, affect, behavior, what they reported'],
    ['intervention', 'Intervention', 'Techniques and interventions you used'],
    ['response', 'Response', 'How the patient responded to the interventions'],
    ['plan', 'Plan', PLAN_HINT],
  ),
  girp: sections(
    ['goal', 'Goal', 'The treatment plan goal this session addressed'],
    ['intervention', 'Intervention', 'Techniques and interventions you used toward the goal'],
    ['response', 'Response', 'How the patient responded, and progress toward the goal'],
    ['plan', 'Plan', PLAN_HINT],
  ),
});

export const TEMPLATE_LABELS: Readonly<Record<NoteTemplate, string>> = Object.freeze({
  dap: 'DAP',
  soap: 'SOAP',
  birp: 'BIRP',
  girp: 'GIRP',
});

/**
 * The group note's shared part, written once: keys 'topic', 'interventions', 'process' (group
 * process/dynamics, no member names). [S] clinical-facts §7.2 (group-level record).
 */
export const GROUP_SHARED_SECTIONS: readonly NoteSection[] = sections(
  ['topic', 'Topic', 'The theme or curriculum module covered today'],
  ['interventions', 'Interventions', 'Techniques and activities the facilitators used'],
  ['process', 'Group process', 'Group dynamics and themes; name no member'],
);

/**
 * Each present member's individualized part: keys 'participation', 'response', 'progress' (toward
 * their own plan goals), 'plan'. [S] clinical-facts §7.2 (individualized note per member).
 */
export const MEMBER_SECTIONS: readonly NoteSection[] = sections(
  ['participation', 'Participation', 'How this member took part today'],
  ['response', 'Response', 'How this member responded to the topic and interventions'],
  ['progress', 'Progress', "Progress toward this member's own treatment plan goals"],
  ['plan', 'Plan', 'Next steps for this member'],
);

/**
 * Medication-management narrative: keys 'subjective', 'sideEffects', 'adherence', 'assessment',
 * 'plan' (vitals and medication changes are structured, see vitals.ts and medications.ts). [D]
 */
export const MEDICATION_SECTIONS: readonly NoteSection[] = sections(
  ['subjective', 'Subjective', 'How the patient reports doing since the last visit'],
  ['sideEffects', 'Side effects', 'Side effects reported or observed, or none'],
  ['adherence', 'Adherence', 'How the patient has been taking their medications'],
  ['assessment', 'Assessment', 'Your clinical assessment of response and risk'],
  ['plan', 'Plan', 'Medication plan, labs, follow-up'],
);

type Body = Readonly<Record<string, string | undefined | null>>;

function checkSections(list: readonly NoteSection[]): void {
  const rawList: unknown = list;
  if (!Array.isArray(rawList)) throw new Error('Invalid sections: expected an array of note sections.');
  const seen = new Set<string>();
  list.forEach((s: unknown, i) => {
    if (typeof s !== 'object' || s === null) throw new Error(`Invalid section at ${i}: expected an object.`);
    const { key, label } = s as Partial<NoteSection>;
    if (typeof key !== 'string' || key.trim() === '') {
      throw new Error(`Invalid section at ${i}: key must be a non-empty string.`);
    }
    if (typeof label !== 'string') throw new Error(`Invalid section "${key}": label must be a string.`);
    if (seen.has(key)) throw new Error(`Invalid sections: key "${key}" appears more than once.`);
    seen.add(key);
  });
}

/** The trimmed text of one section; throws when the body holds something other than text there. */
function textOf(body: Body, key: string): string {
  const value: unknown = Object.prototype.hasOwnProperty.call(body, key) ? body[key] : undefined;
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') {
    throw new Error(`Invalid note body: section "${key}" must be text (got ${typeof value}).`);
  }
  return value.trim();
}

function checkBody(body: unknown): asserts body is Body {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('Invalid note body: expected an object of section texts.');
  }
}

/**
 * Keys whose text is empty after trimming, in section order. `body` may have extra keys (ignored)
 * and missing keys (= empty). Throws on malformed sections (empty or duplicate keys), a body that
 * is not an object, or a section value that is not text.
 */
export function missingSections(sections: readonly NoteSection[], body: Body): string[] {
  checkSections(sections);
  checkBody(body);
  return sections.filter((s) => textOf(body, s.key) === '').map((s) => s.key);
}

/**
 * Section texts joined in section order as "Label: text" lines (one per section, texts trimmed),
 * skipping empty ones; used for similarity, search and PDF. Same validation as missingSections.
 */
export function sectionsText(sections: readonly NoteSection[], body: Body): string {
  checkSections(sections);
  checkBody(body);
  return sections
    .map((s) => [s.label, textOf(body, s.key)] as const)
    .filter(([, text]) => text !== '')
    .map(([label, text]) => `${label}: ${text}`)
    .join('\n');
}
