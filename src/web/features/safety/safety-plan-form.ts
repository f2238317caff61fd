import type { SafetyPlanDto, SaveSafetyPlanBody } from '../../../contracts/safety-plans.js';
import {
  CRISIS_LINE_988,
  SAFETY_PLAN_REVIEW_REASON_LABELS,
  SAFETY_PLAN_REVIEW_REASONS,
  normalizeSafetyPlan,
  safetyPlanProblems,
  type SafetyContact,
  type SafetyPlanContent,
  type SafetyPlanReviewReason,
  type SafetyPlanSectionKey,
} from '../../../domain/safety/safety-plan.js';
import { fieldKey } from '../notes/field-errors.js';

export const TEXT_SECTION_KEYS = [
  'warningSigns',
  'copingStrategies',
  'environmentSafety',
  'reasonsForLiving',
] as const satisfies readonly SafetyPlanSectionKey[];
export const CONTACT_SECTION_KEYS = [
  'distractions',
  'helpContacts',
  'professionals',
] as const satisfies readonly SafetyPlanSectionKey[];
export type TextSectionKey = (typeof TEXT_SECTION_KEYS)[number];
export type ContactSectionKey = (typeof CONTACT_SECTION_KEYS)[number];

/** The most entries a section holds (the contract's limit). */
export const MAX_ENTRIES = 20;
export const MAX_TEXT_LENGTH = 500;
export const MAX_NAME_LENGTH = 200;
export const MAX_PHONE_LENGTH = 40;

/** One line of a text section as the editor holds it; `id` keeps React keys and focus stable. */
export interface TextRow {
  id: string;
  text: string;
}

/** One person, place or service; `fixed` marks the 988 Lifeline, which cannot be removed or edited. */
export interface ContactRow {
  id: string;
  name: string;
  phone: string;
  note: string;
  fixed: boolean;
}

export type SafetyPlanForm = { [K in TextSectionKey]: TextRow[] } & {
  [K in ContactSectionKey]: ContactRow[];
};

export function isContactSection(key: SafetyPlanSectionKey): key is ContactSectionKey {
  return (CONTACT_SECTION_KEYS as readonly string[]).includes(key);
}

/** What one entry of a section is called, for buttons: "Add warning sign", "Remove warning sign 2". */
export const ENTRY_NOUNS: Readonly<Record<SafetyPlanSectionKey, string>> = {
  warningSigns: 'warning sign',
  copingStrategies: 'thing to do on my own',
  distractions: 'person or place',
  helpContacts: 'person to reach out to',
  professionals: 'care team contact',
  environmentSafety: 'safety step',
  reasonsForLiving: 'reason',
};

/** "warning sign 2": entries are numbered from 1 as a person counts them. */
export function entryName(key: SafetyPlanSectionKey, index: number): string {
  return `${ENTRY_NOUNS[key]} ${index + 1}`;
}

let lastRowId = 0;
const rowId = () => `safety-plan-row-${++lastRowId}`;

const textRow = (text = ''): TextRow => ({ id: rowId(), text });
const contactRow = (contact?: SafetyContact, fixed = false): ContactRow => ({
  id: rowId(),
  name: contact?.name ?? '',
  phone: contact?.phone ?? '',
  note: contact?.note ?? '',
  fixed,
});

const is988 = (row: Pick<ContactRow, 'phone'>) => row.phone.replace(/\D/g, '') === '988';

/**
 * The editor's state for a plan: the content normalized (988 first among the professionals, and
 * fixed), and one empty line in any section with nothing to edit, ready to type into.
 */
export function formFromContent(content: SafetyPlanContent): SafetyPlanForm {
  const clean = normalizeSafetyPlan(content);
  const texts = (list: string[]) => (list.length ? list.map((t) => textRow(t)) : [textRow()]);
  const contacts = (list: SafetyContact[]) => (list.length ? list.map((c) => contactRow(c)) : [contactRow()]);
  const [lifeline = CRISIS_LINE_988, ...others] = clean.professionals;
  return {
    warningSigns: texts(clean.warningSigns),
    copingStrategies: texts(clean.copingStrategies),
    distractions: contacts(clean.distractions),
    helpContacts: contacts(clean.helpContacts),
    professionals: [contactRow(lifeline, true), ...contacts(others)],
    environmentSafety: texts(clean.environmentSafety),
    reasonsForLiving: texts(clean.reasonsForLiving),
  };
}

/** The editor's starting point: the current version, or else the server's template. */
export function initialForm(plan: Pick<SafetyPlanDto, 'current' | 'template'>): SafetyPlanForm {
  return formFromContent(plan.current?.content ?? plan.template);
}

/** True when the section can take another entry. */
export function canAdd(form: SafetyPlanForm, key: SafetyPlanSectionKey): boolean {
  return form[key].length < MAX_ENTRIES;
}

/** A new empty entry at the end of the section (nothing past MAX_ENTRIES). */
export function addEntry(form: SafetyPlanForm, key: SafetyPlanSectionKey): SafetyPlanForm {
  if (!canAdd(form, key)) return form;
  if (isContactSection(key)) return { ...form, [key]: [...form[key], contactRow()] };
  return { ...form, [key]: [...form[key], textRow()] };
}

/** The section without entry `index`; the fixed 988 entry stays whatever is asked. */
export function removeEntry(form: SafetyPlanForm, key: SafetyPlanSectionKey, index: number): SafetyPlanForm {
  if (isContactSection(key)) {
    const rows = form[key];
    if (rows[index]?.fixed !== false) return form;
    return { ...form, [key]: rows.filter((_, i) => i !== index) };
  }
  return { ...form, [key]: form[key].filter((_, i) => i !== index) };
}

export function setText(
  form: SafetyPlanForm,
  key: TextSectionKey,
  index: number,
  text: string,
): SafetyPlanForm {
  return { ...form, [key]: form[key].map((row, i) => (i === index ? { ...row, text } : row)) };
}

export function setContact(
  form: SafetyPlanForm,
  key: ContactSectionKey,
  index: number,
  patch: Partial<Pick<ContactRow, 'name' | 'phone' | 'note'>>,
): SafetyPlanForm {
  return {
    ...form,
    [key]: form[key].map((row, i) => (i === index && !row.fixed ? { ...row, ...patch } : row)),
  };
}

const toContact = (row: ContactRow): SafetyContact => ({
  name: row.name,
  phone: row.phone.trim() === '' ? null : row.phone,
  note: row.note.trim() === '' ? null : row.note,
});

/** The form as plan content, every line kept (blank ones too), so paths match what is on screen. */
export function contentOf(form: SafetyPlanForm): SafetyPlanContent {
  return {
    warningSigns: form.warningSigns.map((r) => r.text),
    copingStrategies: form.copingStrategies.map((r) => r.text),
    distractions: form.distractions.map(toContact),
    helpContacts: form.helpContacts.map(toContact),
    professionals: form.professionals.map((r) => (r.fixed ? { ...CRISIS_LINE_988 } : toContact(r))),
    environmentSafety: form.environmentSafety.map((r) => r.text),
    reasonsForLiving: form.reasonsForLiving.map((r) => r.text),
  };
}

/** Which form row each sent entry came from, per section: `rows.helpContacts[0] === 2`. */
export type SentRows = Record<SafetyPlanSectionKey, number[]>;

const isBlankText = (row: TextRow) => row.text.trim() === '';
const isBlankContact = (row: ContactRow) =>
  !row.fixed && [row.name, row.phone, row.note].every((v) => v.trim() === '');

/**
 * The content a save sends: blank lines dropped, 988 once and first, text trimmed; with the form row
 * each entry came from, to put the server's field errors back on the right line.
 */
export function saveContent(form: SafetyPlanForm): { content: SafetyPlanContent; rows: SentRows } {
  const rows = {} as SentRows;
  const texts = (key: TextSectionKey) => {
    rows[key] = form[key].flatMap((row, i) => (isBlankText(row) ? [] : [i]));
    return rows[key].map((i) => form[key][i]!.text.trim());
  };
  const contacts = (key: ContactSectionKey) => {
    rows[key] = form[key].flatMap((row, i) =>
      isBlankContact(row) || (key === 'professionals' && !row.fixed && is988(row)) ? [] : [i],
    );
    if (key === 'professionals') {
      // 988 goes first whatever the form holds; the others keep their order.
      const lifeline = form.professionals.findIndex((row) => row.fixed);
      rows.professionals = [lifeline, ...rows.professionals.filter((i) => i !== lifeline)].filter(
        (i) => i >= 0,
      );
      if (lifeline < 0) rows.professionals.unshift(-1);
    }
    return rows[key].map((i): SafetyContact => {
      const row = form[key][i];
      if (!row || row.fixed) return { ...CRISIS_LINE_988 };
      const contact = toContact(row);
      return {
        name: contact.name.trim(),
        phone: contact.phone?.trim() ?? null,
        note: contact.note?.trim() ?? null,
      };
    });
  };
  const content: SafetyPlanContent = {
    warningSigns: texts('warningSigns'),
    copingStrategies: texts('copingStrategies'),
    distractions: contacts('distractions'),
    helpContacts: contacts('helpContacts'),
    professionals: contacts('professionals'),
    environmentSafety: texts('environmentSafety'),
    reasonsForLiving: texts('reasonsForLiving'),
  };
  return { content, rows };
}

/** Messages keyed by form path: `warningSigns` (the section), `helpContacts.2.phone`, `reason`. */
export type PlanErrors = Record<string, string>;

function addError(errors: PlanErrors, key: string, message: string) {
  errors[key] ??= message;
}

/** What stops the plan on screen being saved, keyed by the row it is on. Empty = ready to save. */
export function formProblems(form: SafetyPlanForm): PlanErrors {
  const errors: PlanErrors = {};
  for (const { path, message } of safetyPlanProblems(contentOf(form))) addError(errors, path, message);
  return errors;
}

/**
 * The server's field errors (`content.helpContacts.1.phone`, `/content/warningSigns`, `reason`) keyed
 * by form path, each entry index turned back into the row on screen it was sent from.
 */
export function serverPlanErrors(
  fieldErrors: readonly { path: string; message: string }[],
  rows: SentRows,
): PlanErrors {
  const errors: PlanErrors = {};
  for (const { path, message } of fieldErrors) {
    const key = fieldKey(path).replace(/^body\./, '');
    const match = /^content\.(\w+)(?:\.(\d+)(\..+)?)?$/.exec(key);
    if (!match) {
      addError(errors, key === 'content' ? 'content' : key, message);
      continue;
    }
    const [, section = '', index, rest = ''] = match;
    const sent = (rows as Partial<Record<string, number[]>>)[section];
    if (index === undefined || !sent) {
      addError(errors, section, message);
      continue;
    }
    const row = sent[Number(index)];
    addError(errors, row === undefined || row < 0 ? section : `${section}.${row}${rest}`, message);
  }
  return errors;
}

/** The errors about one section and its rows, in row order: shown together under the section. */
export function sectionErrors(errors: PlanErrors, key: SafetyPlanSectionKey): string[] {
  return Object.entries(errors)
    .filter(([path]) => path === key || path.startsWith(`${key}.`))
    .map(([, message]) => message);
}

/** The message for one field, if any: `fieldError(errors, 'helpContacts', 1, 'phone')`. */
export function fieldError(
  errors: PlanErrors,
  key: SafetyPlanSectionKey,
  index: number,
  field?: 'name' | 'phone' | 'note',
): string | undefined {
  const base = `${key}.${index}`;
  return field ? errors[`${base}.${field}`] : errors[base];
}

export const REASON_OPTIONS = SAFETY_PLAN_REVIEW_REASONS.map((value) => ({
  value,
  label: SAFETY_PLAN_REVIEW_REASON_LABELS[value],
}));

export function isReviewReason(value: string): value is SafetyPlanReviewReason {
  return (SAFETY_PLAN_REVIEW_REASONS as readonly string[]).includes(value);
}

/**
 * Why this version is being written, as first offered: a first plan is "initial"; a plan reopened
 * from a safety alert, or flagged for review, is a risk change; otherwise a routine review.
 */
export function defaultReason(
  plan: Pick<SafetyPlanDto, 'current' | 'review'>,
  alertId: string | null,
): SafetyPlanReviewReason {
  if (!plan.current) return 'initial';
  if (alertId || plan.review.needed) return 'risk_change';
  return 'routine';
}

/** "First plan" for a stored reason code; the code itself when it is one we do not know. */
export function reasonLabel(reason: string): string {
  return isReviewReason(reason) ? SAFETY_PLAN_REVIEW_REASON_LABELS[reason] : reason;
}

/** The POST body. */
export function saveBody(
  form: SafetyPlanForm,
  reason: SafetyPlanReviewReason,
  safetyAlertId: string | null,
): { body: SaveSafetyPlanBody; rows: SentRows } {
  const { content, rows } = saveContent(form);
  return { body: { content, reason, safetyAlertId }, rows };
}
