import type { GroupNoteDto, SaveGroupNoteBody } from '../../../contracts/notes.js';
import { MEMBER_SECTIONS, missingSections } from '../../../domain/notes/index.js';
import { errorsByKey } from './field-errors.js';

export type GroupMember = GroupNoteDto['members'][number];
export type RiskCheck = 'none' | 'concern';
export type Sections = Record<string, string>;

/** A risk check as the form holds it: detail is '' while empty. */
export interface RiskDraft {
  risk: RiskCheck | null;
  riskDetail: string;
}

export interface MemberDraft extends RiskDraft {
  body: Sections;
  /** Treatment-plan goals worked on; absent until the note has any to pick from. */
  goalIds?: string[];
}

/** The group note as the form holds it: the shared part and each member's part by patient id. */
export interface GroupDraft {
  shared: Sections;
  members: Record<string, MemberDraft>;
}

/** A member whose note can still be written: present, and not yet signed. */
export function isEditable(member: GroupMember): boolean {
  return member.present && (member.status === null || member.status === 'draft');
}

/** The form's first state: what the server has, the topic taken from the curriculum module when empty. */
export function draftFromGroupNote(note: GroupNoteDto): GroupDraft {
  const shared: Sections = { ...note.shared };
  if (!note.sharedLocked && !shared.topic?.trim() && note.curriculumModule)
    shared.topic = note.curriculumModule;
  const members: Record<string, MemberDraft> = {};
  for (const m of note.members) {
    members[m.patientId] = {
      body: { ...m.body },
      risk: m.risk,
      riskDetail: m.riskDetail ?? '',
      goalIds: m.goalIds,
    };
  }
  return { shared, members };
}

/**
 * The PUT body: the whole draft for the members who can still be written. Signed members and
 * members no longer present are left out, so they keep their text; a locked shared part is sent
 * as the server has it.
 */
export function groupSaveBody(note: GroupNoteDto, draft: GroupDraft): SaveGroupNoteBody {
  return {
    shared: note.sharedLocked ? note.shared : draft.shared,
    members: note.members.filter(isEditable).map((m) => {
      const d = draft.members[m.patientId] ?? { body: {}, risk: null, riskDetail: '' };
      return {
        patientId: m.patientId,
        body: d.body,
        risk: d.risk,
        riskDetail: d.risk === 'concern' && d.riskDetail.trim() ? d.riskDetail : null,
        ...(d.goalIds ? { goalIds: d.goalIds } : {}),
      };
    }),
  };
}

/** Labels of the member sections still empty in a draft. */
export function missingLabels(draft: MemberDraft): string[] {
  const missing = new Set(missingSections(MEMBER_SECTIONS, draft.body));
  return MEMBER_SECTIONS.filter((s) => missing.has(s.key)).map((s) => s.label);
}

/** Every section written and the risk check recorded (with its detail for a concern). */
export function isComplete(draft: MemberDraft): boolean {
  if (missingLabels(draft).length > 0 || draft.risk === null) return false;
  return draft.risk === 'none' || draft.riskDetail.trim() !== '';
}

/** Patient ids to sign: the person's choice, else checked when the member's draft is complete. */
export function chosenToSign(
  note: GroupNoteDto,
  draft: GroupDraft,
  choices: Readonly<Record<string, boolean>>,
): string[] {
  return note.members
    .filter(isEditable)
    .filter((m) => {
      const d = draft.members[m.patientId];
      return choices[m.patientId] ?? (d !== undefined && isComplete(d));
    })
    .map((m) => m.patientId);
}

/** For each member, the names of the members whose text is nearly identical to theirs. */
export function similarNames(
  members: readonly Pick<GroupMember, 'patientId' | 'name'>[],
  pairs: readonly { a: string; b: string }[],
): Record<string, string[]> {
  const nameOf = new Map(members.map((m) => [m.patientId, m.name]));
  const result: Record<string, string[]> = {};
  for (const { a, b } of pairs) {
    const [nameA, nameB] = [nameOf.get(a), nameOf.get(b)];
    if (nameA && nameB) {
      (result[a] ??= []).push(nameB);
      (result[b] ??= []).push(nameA);
    }
  }
  return result;
}

/** Errors of one member: by section key, `risk`, `riskDetail`, or `general` for the whole note. */
export type MemberErrors = Record<string, string>;

export interface GroupSignErrors {
  /** By shared section key; `general` for the shared part as a whole. */
  shared: Record<string, string>;
  members: Record<string, MemberErrors>;
  /** Messages about no one field (the attestation, the request). */
  other: string[];
}

/**
 * The sign endpoint's field errors put beside what they are about: `shared.topic`, `shared`,
 * `members.<patientId>.progress`, `members.<patientId>.risk`, `members.<patientId>`.
 */
export function mapGroupSignErrors(
  fieldErrors: readonly { path: string; message: string }[],
): GroupSignErrors {
  const result: GroupSignErrors = { shared: {}, members: {}, other: [] };
  for (const [key, message] of Object.entries(errorsByKey(fieldErrors))) {
    const shared = /^shared(?:\.(\w+))?$/.exec(key);
    if (shared) {
      result.shared[shared[1] ?? 'general'] = message;
      continue;
    }
    const member = /^members\.([0-9a-f-]{36})(?:\.(\w+))?$/i.exec(key);
    if (member) {
      (result.members[member[1]!] ??= {})[member[2] ?? 'general'] = message;
      continue;
    }
    result.other.push(message);
  }
  return result;
}

/** The `similar` pairs of a 409 similar_notes problem, or [] when it has none. */
export function similarPairsOf(problem: unknown): { a: string; b: string }[] {
  const similar = (problem as { similar?: unknown } | null)?.similar;
  if (!Array.isArray(similar)) return [];
  return (similar as unknown[]).flatMap((p) => {
    const pair = p as { a?: unknown; b?: unknown } | null;
    return typeof pair?.a === 'string' && typeof pair.b === 'string' ? [{ a: pair.a, b: pair.b }] : [];
  });
}
