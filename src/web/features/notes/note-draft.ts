import { NOTE_KIND_LABELS, type NoteDto, type SaveNoteBody } from '../../../contracts/notes.js';
import {
  MEDICATION_SECTIONS,
  MEMBER_SECTIONS,
  TEMPLATE_LABELS,
  TEMPLATE_SECTIONS,
  VITAL_RANGES,
  checkMedicationChanges,
  checkVitals,
  type MedicationChangeKind,
  type NoteSection,
  type Vitals,
} from '../../../domain/notes/index.js';
import { errorsByKey } from './field-errors.js';
import type { RiskDraft, Sections } from './group-note.js';

export type VitalField = keyof typeof VITAL_RANGES;
export const VITAL_FIELDS = Object.keys(VITAL_RANGES) as VitalField[];

export interface AttendeeRow {
  name: string;
  relationship: string;
}

/** One medication change as the form holds it: text fields are '' while empty. */
export interface MedicationRow {
  kind: MedicationChangeKind;
  name: string;
  dose: string;
  route: string;
  frequency: string;
  reason: string;
}

export interface MedicationDraft {
  changes: MedicationRow[];
  vitals: Record<VitalField, number | ''>;
}

export interface NoteDraft extends RiskDraft {
  body: Sections;
  attendees: AttendeeRow[];
  /** Medication-management notes only. */
  medication: MedicationDraft | null;
  /** Treatment-plan goals worked on. */
  goalIds?: string[];
}

export const EMPTY_MEDICATION_ROW: MedicationRow = {
  kind: 'start',
  name: '',
  dose: '',
  route: '',
  frequency: '',
  reason: '',
};

/** The sections a note is written in. */
export function sectionsOf(template: NoteDto['template']): readonly NoteSection[] {
  if (template === 'group') return MEMBER_SECTIONS;
  if (template === 'medication') return MEDICATION_SECTIONS;
  return TEMPLATE_SECTIONS[template];
}

/** "Individual therapy note (DAP)"; group and medication notes have no template letters. */
export function noteTitle(note: Pick<NoteDto, 'kind' | 'template'>): string {
  const kind = NOTE_KIND_LABELS[note.kind];
  return note.template === 'group' || note.template === 'medication'
    ? kind
    : `${kind} (${TEMPLATE_LABELS[note.template]})`;
}

export function draftFromNote(note: NoteDto): NoteDraft {
  const vitals = note.medication?.vitals ?? {};
  return {
    body: { ...note.body },
    risk: note.risk,
    riskDetail: note.riskDetail ?? '',
    attendees: note.attendees.map((a) => ({ ...a })),
    goalIds: note.goalIds,
    medication: note.medication
      ? {
          changes: note.medication.changes.map((c) => ({
            kind: c.kind,
            name: c.name,
            dose: c.dose ?? '',
            route: c.route ?? '',
            frequency: c.frequency ?? '',
            reason: c.reason ?? '',
          })),
          vitals: Object.fromEntries(
            VITAL_FIELDS.map((f) => [f, vitals[f] ?? '']),
          ) as MedicationDraft['vitals'],
        }
      : null,
  };
}

const text = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const isBlankRow = (row: MedicationRow) =>
  [row.name, row.dose, row.route, row.frequency, row.reason].every((v) => v.trim() === '');

/** Indexes of the rows a save sends: a row without a name is kept on screen only. */
export function sentChangeRows(medication: MedicationDraft): number[] {
  return medication.changes.flatMap((row, i) => (row.name.trim() === '' ? [] : [i]));
}

function vitalsOf(draft: MedicationDraft['vitals']): Vitals {
  return Object.fromEntries(VITAL_FIELDS.map((f) => [f, draft[f] === '' ? null : draft[f]]));
}

/**
 * The PUT body: sections and risk, the attendees of a family note (complete rows only) and the
 * changes and vitals of a medication note (rows with a name only). Half-written rows stay on screen.
 */
export function noteSaveBody(note: Pick<NoteDto, 'kind'>, draft: NoteDraft): SaveNoteBody {
  const body: SaveNoteBody = {
    body: draft.body,
    risk: draft.risk,
    riskDetail: draft.risk === 'concern' ? text(draft.riskDetail) : null,
  };
  if (draft.goalIds) body.goalIds = draft.goalIds;
  if (note.kind === 'family') {
    body.attendees = draft.attendees
      .filter((a) => a.name.trim() !== '' && a.relationship.trim() !== '')
      .map((a) => ({ name: a.name.trim(), relationship: a.relationship.trim() }));
  }
  if (draft.medication) {
    const vitals = vitalsOf(draft.medication.vitals);
    body.medication = {
      changes: sentChangeRows(draft.medication).map((i) => {
        const row = draft.medication!.changes[i]!;
        return {
          kind: row.kind,
          name: row.name.trim(),
          dose: text(row.dose),
          route: text(row.route),
          frequency: text(row.frequency),
          reason: text(row.reason),
        };
      }),
      vitals: Object.values(vitals).every((v) => v === null) ? null : vitals,
    };
  }
  return body;
}

/**
 * What the medication rules say about the draft as typed, keyed `changes.<row>.<field>` and
 * `vitals.<field>`. Rows not yet started (all blank) say nothing.
 */
export function medicationMessages(medication: MedicationDraft): Record<string, string> {
  const result: Record<string, string> = {};
  const rows = medication.changes.map((row, i) => [row, i] as const).filter(([row]) => !isBlankRow(row));
  const errors = checkMedicationChanges(rows.map(([row]) => row));
  for (const [key, message] of Object.entries(errors)) {
    const match = /^changes\.(\d+)\.(\w+)$/.exec(key);
    const row = match ? rows[Number(match[1])]?.[1] : undefined;
    if (match && row !== undefined) result[`changes.${row}.${match[2]}`] = message;
  }
  for (const [key, message] of Object.entries(checkVitals(vitalsOf(medication.vitals)))) {
    result[`vitals.${key}`] = message;
  }
  return result;
}

export interface NoteErrors {
  /** By form key: `body.<section>`, `risk`, `riskDetail`, `attendees`, `changes.<row>.<field>`, `vitals.<field>`. */
  fields: Record<string, string>;
  other: string[];
}

const FORM_KEY = /^(body\.\w+|risk|riskDetail|attendees)$/;

/** The sign endpoint's errors by form key; medication rows are mapped back from the rows sent. */
export function mapNoteErrors(
  fieldErrors: readonly { path: string; message: string }[],
  draft: NoteDraft,
): NoteErrors {
  const result: NoteErrors = { fields: {}, other: [] };
  const sent = draft.medication ? sentChangeRows(draft.medication) : [];
  for (const [key, message] of Object.entries(errorsByKey(fieldErrors))) {
    if (FORM_KEY.test(key)) {
      result.fields[key] = message;
      continue;
    }
    const change = /^medication\.changes\.(\d+)\.(\w+)$/.exec(key);
    const row = change ? sent[Number(change[1])] : undefined;
    if (change && row !== undefined) {
      result.fields[`changes.${row}.${change[2]}`] = message;
      continue;
    }
    const vital = /^medication\.vitals\.(\w+)$/.exec(key);
    if (vital) {
      result.fields[`vitals.${vital[1]}`] = message;
      continue;
    }
    result.other.push(message);
  }
  return result;
}
