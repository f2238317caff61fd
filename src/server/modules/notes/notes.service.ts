import type { Kysely } from 'kysely';
import type {
  GroupNoteDto,
  NoteDto,
  NoteHeaderDto,
  NoteQueueDto,
  SaveGroupNoteBody,
  SaveNoteBody,
} from '../../../contracts/notes.js';
import type { SessionDto } from '../../../contracts/scheduling.js';
import { isAbsence, type AttendanceStatus } from '../../../domain/attendance/minutes.js';
import type { Role } from '../../../domain/identity/roles.js';
import {
  GROUP_SHARED_SECTIONS,
  MEDICATION_SECTIONS,
  MEMBER_SECTIONS,
  SERVICE_LABELS,
  TEMPLATE_SECTIONS,
  applyMedicationChanges,
  checkMedicationChanges,
  checkVitals,
  isLateEntry,
  missingSections,
  nearDuplicates,
  otherMembersNamed,
  sectionsText,
  serviceTypeOf,
  suggestServiceCode,
  type NoteSection,
  type NoteTemplate,
  type PersonName,
} from '../../../domain/notes/index.js';
import type { Actor, AuditLog } from '../../platform/audit/audit-log.js';
import { canonicalJson, contentSha256 as sha256 } from '../../platform/audit/canonical-json.js';
import { requireRole } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { Insertable } from 'kysely';
import type { DB, NotesTable } from '../../platform/db/schema.js';
import type { Db } from '../../platform/db/tx.js';
import { AppError, conflict, forbidden, invalid, type FieldError } from '../../platform/errors.js';
import { organizationsRepo, settingsOf } from '../organizations/index.js';
import type { PatientsService } from '../patients/index.js';
import type { SafetyService } from '../safety/index.js';
import type { SessionsService } from '../scheduling/index.js';
import { notesRepo, type MemberRow, type NoteRow } from './notes.repo.js';
import { notesQueueRepo } from './queue.repo.js';
import { currentGoals } from '../plans/index.js';

export type OrgActor = Actor & { organizationId: string; userId: string; roles: readonly Role[] };

/** Who writes and reads clinical notes: the clinical staff. The front desk and billing do not. */
export const NOTE_ROLES: Role[] = ['program_director', 'clinician', 'prescriber', 'intake'];

/** What the signer attests, stored with the signed content. */
export const ATTESTATION =
  'I attest that this note is accurate and complete and documents the service I provided.';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const nameOf = (m: Pick<MemberRow, 'preferred_name' | 'given_name' | 'family_name'>) =>
  `${m.preferred_name ?? m.given_name} ${m.family_name}`;
const personOf = (m: MemberRow): PersonName => ({
  id: m.patient_id,
  givenName: m.given_name,
  familyName: m.family_name,
  preferredName: m.preferred_name,
});
/** Each member's own text, in roster order (so flagged pairs read in the order of the roster). */
const memberTexts = (members: readonly MemberRow[], notes: readonly NoteRow[]) =>
  members.flatMap((m) => {
    const note = notes.find((n) => n.patient_id === m.patient_id);
    return note ? [{ id: m.patient_id, text: sectionsText(MEMBER_SECTIONS, note.body) }] : [];
  });

/**
 * A note's security labels: its episode's, and `part2` for a substance-use program's session
 * even before admission (an intake assessment), so every Part 2 record carries the label.
 */
const labelsOf = (m: MemberRow) => [
  ...new Set([...(m.sensitivity ?? []), ...(m.substance_use ? ['part2'] : [])]),
];

/** A draft is its author's work in progress: only they and program directors read it. */
export function assertMayRead(actor: OrgActor, note: { status: string; author_id: string }) {
  if (note.status === 'draft' && note.author_id !== actor.userId && !actor.roles.includes('program_director'))
    throw forbidden();
}

/** The shared part is nobody's own text: any member's name in it identifies that member. */
const namesAnyMember = (text: string, people: readonly PersonName[]) =>
  otherMembersNamed(text, 'the group', people).length > 0;
const present = (m: MemberRow) => m.attendance !== null && !isAbsence(m.attendance as AttendanceStatus);

/** Section text by key, keeping only the template's sections. */
function pick(sections: readonly NoteSection[], body: Record<string, string>, path: string) {
  const keys = new Set(sections.map((s) => s.key));
  for (const key of Object.keys(body))
    if (!keys.has(key)) throw invalid(`${path}.${key}`, 'That section is not part of this note.');
  const kept: Record<string, string> = {};
  for (const { key } of sections) if (body[key]) kept[key] = body[key];
  return kept;
}

/** Goals a note worked on: only goals of the patient's plan in force, each once. */
function planGoalIds(goals: readonly { id: string }[] | undefined, ids: readonly string[], path: string) {
  const known = new Set((goals ?? []).map((g) => g.id));
  const unknown = ids.findIndex((id) => !known.has(id));
  if (unknown >= 0)
    throw invalid(`${path}.${unknown}`, 'That goal is not in the patient’s current treatment plan.');
  return [...new Set(ids)];
}

export function sectionsOf(template: string): readonly NoteSection[] {
  if (template === 'group') return MEMBER_SECTIONS;
  if (template === 'medication') return MEDICATION_SECTIONS;
  return TEMPLATE_SECTIONS[template as NoteTemplate];
}

const fail = (errors: FieldError[]) => {
  if (errors.length > 0)
    throw new AppError('validation_failed', {
      userMessage: errors.length === 1 ? errors[0]!.message : 'Some parts of the note are missing.',
      fieldErrors: errors,
    });
};

/**
 * Clinical notes: the group note (a shared part written once, one individualized note per member
 * present), individual, family, medication-management and intake notes, signing with an
 * attestation and a SHA-256 of the content, co-signature for supervised clinicians, addenda.
 */
export function createNotesService({
  db,
  audit,
  clock,
  schedule,
  safety,
  patients,
}: {
  db: Kysely<DB>;
  audit: AuditLog;
  clock: Clock;
  schedule: SessionsService;
  safety: SafetyService;
  patients: PatientsService;
}) {
  const settings = async (trx: Db, actor: OrgActor) =>
    settingsOf((await organizationsRepo.getOrganization(trx, actor.organizationId)).settings);

  /** Only the session's own staff (or a program director) document it. */
  function assertStaffOf(actor: OrgActor, session: SessionDto) {
    if (!actor.roles.includes('program_director') && !session.staff.some((s) => s.userId === actor.userId))
      throw forbidden();
  }

  function header(
    session: SessionDto,
    member: MemberRow,
    clinician: { display_name: string; credentials: string | null },
  ): NoteHeaderDto {
    const service = serviceTypeOf(session.kind, session.groupKind);
    const sessionMinutes = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000);
    const telehealth = member.telehealth ?? (session.room === null && session.telehealthUrl !== null);
    return {
      patient: nameOf(member),
      mrn: member.mrn,
      date: session.localDate,
      start: session.start,
      end: session.end,
      timeZone: session.timeZone,
      minutes: member.minutes,
      service,
      serviceLabel: SERVICE_LABELS[service],
      clinician: clinician.credentials
        ? `${clinician.display_name}, ${clinician.credentials}`
        : clinician.display_name,
      location: telehealth ? 'Telehealth' : (session.room?.name ?? 'Telehealth'),
      telehealth,
      suggestedCode:
        member.minutes === null
          ? null
          : suggestServiceCode({
              service,
              // A group is billed for the session it was; psychotherapy by the minutes attended.
              minutes: session.kind === 'group' ? sessionMinutes : member.minutes,
              patientPresent: true,
            }),
    };
  }

  /**
   * Who signs, the authors of the notes being signed (a supervised author's note waits for their
   * supervisor even when a licensed co-lead signs it) and the late-entry rule, read once.
   */
  async function signerOf(trx: Db, actor: OrgActor, authorIds: readonly string[]) {
    const [people, { lateEntryHours }] = await Promise.all([
      notesRepo.staff(trx, actor.organizationId, [...new Set([actor.userId, ...authorIds])]),
      settings(trx, actor),
    ]);
    const me = people.find((p) => p.id === actor.userId);
    if (!me) throw new Error('note signer is not a user of the organization');
    const supervisorOf = (authorId: string) =>
      me.supervisor_id ?? people.find((p) => p.id === authorId)?.supervisor_id ?? null;
    return { me, lateEntryHours, supervisorOf };
  }

  /**
   * Signs a note in the caller's transaction: stores the content with its SHA-256, marks a late
   * entry, leaves a supervised clinician's note pending co-signature, opens a safety alert for a
   * risk concern and applies medication changes to the patient's list. The caller audits.
   */
  async function sign(
    trx: Db,
    actor: OrgActor,
    signer: Awaited<ReturnType<typeof signerOf>>,
    note: NoteRow,
    session: SessionDto,
    content: { header: NoteHeaderDto } & Record<string, unknown>,
  ) {
    const now = clock.now();
    const { me } = signer;
    const cosigner = signer.supervisorOf(note.author_id);
    const goals =
      note.goal_ids.length === 0
        ? []
        : (
            (await currentGoals(trx, actor.organizationId, [note.patient_id])).get(note.patient_id) ?? []
          ).filter((g) => note.goal_ids.includes(g.id));
    const signed = { ...content, goals, attestation: ATTESTATION, signer: me.display_name };
    // A goal the plan no longer has is not signed as worked on, in the content or the column.
    const goalIds = note.goal_ids.length === goals.length ? {} : { goal_ids: goals.map((g) => g.id) };
    await notesRepo.update(trx, actor.organizationId, note.id, {
      ...goalIds,
      status: cosigner ? 'pending_cosign' : 'signed',
      signed_content: JSON.stringify(signed),
      content_sha256: sha256(signed),
      service_code: content.header.suggestedCode?.code ?? null,
      signed_by: actor.userId,
      signed_at: now,
      late_entry: isLateEntry(new Date(session.endsAt), now, signer.lateEntryHours),
      cosigner_id: cosigner,
    });
    if (note.risk === 'concern')
      await safety.raiseAlert(trx, actor, {
        patientId: note.patient_id,
        noteId: note.id,
        acuity: 'non_acute',
        reason: `Risk concern noted in the ${content.header.serviceLabel.toLowerCase()} note of ${session.localDate}.`,
      });
    if (note.medication && note.medication.changes.length > 0)
      await applyMedications(trx, actor, note, session.localDate);
  }

  const signedEvent = (notes: readonly NoteRow[], pendingCosign: boolean) => ({
    action: 'update' as const,
    resourceType: 'Note',
    resourceId: notes.length === 1 ? notes[0]!.id : null,
    patientId: notes.length === 1 ? notes[0]!.patient_id : null,
    details: {
      event: 'sign',
      pendingCosign,
      noteIds: notes.map((n) => n.id),
      patientIds: notes.map((n) => n.patient_id),
    },
  });

  async function applyMedications(trx: Db, actor: OrgActor, note: NoteRow, date: string) {
    const changes = note.medication!.changes;
    const current = await notesRepo.activeMedications(trx, actor.organizationId, note.patient_id);
    const key = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');
    // A note signed late must not undo what a later note already changed.
    if (current.some((m) => m.since > date && changes.some((c) => key(c.name) === key(m.name))))
      throw conflict(
        'A later medication note has already changed this medication; record the change in a new note.',
        'medication.changes',
      );
    try {
      applyMedicationChanges(current, changes, date);
    } catch (err) {
      throw invalid('medication.changes', err instanceof Error ? err.message : 'Invalid medication changes.');
    }
    await notesQueueRepo.writeMedicationChanges(trx, {
      organizationId: actor.organizationId,
      patientId: note.patient_id,
      noteId: note.id,
      date,
      sensitivity: note.sensitivity,
      changes,
      current,
    });
  }

  async function groupNote(trx: Db, actor: OrgActor, session: SessionDto): Promise<GroupNoteDto> {
    const [members, notes, shared] = await Promise.all([
      notesRepo.members(trx, actor.organizationId, session.id),
      notesRepo.forSession(trx, actor.organizationId, session.id),
      notesRepo.sharedPart(trx, actor.organizationId, session.id),
    ]);
    const goals = await currentGoals(
      trx,
      actor.organizationId,
      members.map((m) => m.patient_id),
    );
    const people = members.map(personOf);
    const sharedBody = shared?.body ?? {};
    const memberText = (n: NoteRow | undefined) =>
      n ? `${sectionsText(MEMBER_SECTIONS, n.body)}\n${n.risk_detail ?? ''}` : '';
    const service = serviceTypeOf(session.kind, session.groupKind);
    const minutes = Math.round((Date.parse(session.endsAt) - Date.parse(session.startsAt)) / 60_000);
    return {
      sessionId: session.id,
      title: session.title,
      date: session.localDate,
      start: session.start,
      end: session.end,
      curriculumModule: session.curriculumModule?.title ?? null,
      shared: sharedBody,
      sharedLocked: notes.some((n) => n.status !== 'draft'),
      sharedNamesMembers: namesAnyMember(sectionsText(GROUP_SHARED_SECTIONS, sharedBody), people),
      members: members.map((m) => {
        const note = notes.find((n) => n.patient_id === m.patient_id);
        const named = otherMembersNamed(memberText(note), m.patient_id, people);
        return {
          patientId: m.patient_id,
          name: nameOf(m),
          mrn: m.mrn,
          attendance: m.attendance as AttendanceStatus | null,
          minutes: m.minutes,
          present: present(m),
          noteId: note?.id ?? null,
          status: (note?.status as NoteDto['status'] | undefined) ?? null,
          body: note?.body ?? {},
          risk: (note?.risk as NoteDto['risk']) ?? null,
          riskDetail: note?.risk_detail ?? null,
          goalIds: note?.goal_ids ?? [],
          planGoals: goals.get(m.patient_id) ?? [],
          missing: missingSections(MEMBER_SECTIONS, note?.body ?? {}),
          namesOtherMembers: members.filter((o) => named.includes(o.patient_id)).map(nameOf),
          lateEntry: note?.late_entry ?? false,
          signedAt: iso(note?.signed_at ?? null),
        };
      }),
      similar: nearDuplicates(memberTexts(members, notes)),
      suggestedCode: suggestServiceCode({ service, minutes, patientPresent: true }),
    };
  }

  async function groupSession(trx: Db, actor: OrgActor, sessionId: string) {
    requireRole(actor, ...NOTE_ROLES);
    const session = await schedule.read(trx, actor, sessionId);
    if (session.kind !== 'group') throw conflict('This session is an appointment; write its note instead.');
    return session;
  }

  async function noteDto(trx: Db, actor: OrgActor, note: NoteRow): Promise<NoteDto> {
    const session = await schedule.read(trx, actor, note.session_id);
    const [members, shared, addenda, people, goals] = await Promise.all([
      notesRepo.members(trx, actor.organizationId, note.session_id),
      note.kind === 'group_member'
        ? notesRepo.sharedPart(trx, actor.organizationId, note.session_id)
        : Promise.resolve(undefined),
      notesRepo.addenda(trx, actor.organizationId, [note.id]),
      notesRepo.staff(
        trx,
        actor.organizationId,
        [note.author_id, note.signed_by, note.cosigner_id].filter((x): x is string => x !== null),
      ),
      currentGoals(trx, actor.organizationId, [note.patient_id]),
    ]);
    const member = members.find((m) => m.patient_id === note.patient_id)!;
    const person = (id: string | null) => people.find((p) => p.id === id);
    const signed = note.signed_content as { header?: NoteHeaderDto; shared?: Record<string, string> } | null;
    return {
      id: note.id,
      patientId: note.patient_id,
      sessionId: note.session_id,
      kind: note.kind as NoteDto['kind'],
      template: note.template as NoteDto['template'],
      status: note.status as NoteDto['status'],
      header: signed?.header ?? header(session, member, person(note.author_id)!),
      shared: note.kind === 'group_member' ? (signed?.shared ?? shared?.body ?? {}) : null,
      body: note.body,
      risk: note.risk as NoteDto['risk'],
      riskDetail: note.risk_detail,
      attendees: note.attendees,
      medication: note.medication && {
        changes: note.medication.changes,
        vitals: note.medication.vitals,
      },
      goalIds: note.goal_ids,
      planGoals: goals.get(note.patient_id) ?? [],
      author: person(note.author_id)?.display_name ?? '',
      signedBy: person(note.signed_by)?.display_name ?? null,
      signedAt: iso(note.signed_at),
      contentSha256: note.content_sha256,
      lateEntry: note.late_entry,
      cosignerId: note.cosigner_id,
      cosigner: person(note.cosigner_id)?.display_name ?? null,
      cosignedAt: iso(note.cosigned_at),
      part2: note.sensitivity.includes('part2'),
      addenda: addenda.map((a) => ({
        id: a.id,
        author: a.author,
        reason: a.reason,
        text: a.text,
        createdAt: a.created_at.toISOString(),
      })),
      updatedAt: note.updated_at.toISOString(),
    };
  }

  /**
   * A draft the actor may change: theirs, not signed, and not a group member's note (that is
   * written and signed with its group, where the shared part and the name checks apply).
   */
  async function draftOf(trx: Db, actor: OrgActor, id: string) {
    requireRole(actor, ...NOTE_ROLES);
    const note = await notesRepo.get(trx, actor.organizationId, id, { forUpdate: true });
    if (note.status !== 'draft') throw new AppError('note_signed');
    if (note.author_id !== actor.userId) throw forbidden();
    if (note.kind === 'group_member')
      throw conflict('A group member’s note is written and signed on the group note.');
    return note;
  }

  return {
    async groupNote(actor: OrgActor, sessionId: string): Promise<GroupNoteDto> {
      const session = await groupSession(db, actor, sessionId);
      const dto = await groupNote(db, actor, session);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'GroupNote',
        resourceId: sessionId,
        details: { patientIds: dto.members.map((m) => m.patientId) },
      });
      return dto;
    },

    /**
     * Saves the group note's draft (autosave): the shared part and each member's section. A member
     * left out of the request keeps what was written; a signed member's note never changes.
     */
    saveGroupNote: (actor: OrgActor, sessionId: string, body: SaveGroupNoteBody) =>
      db.transaction().execute(async (trx) => {
        const session = await groupSession(trx, actor, sessionId);
        assertStaffOf(actor, session);
        const [members, notes, shared] = await Promise.all([
          notesRepo.members(trx, actor.organizationId, sessionId),
          notesRepo.forSession(trx, actor.organizationId, sessionId, { forUpdate: true }),
          notesRepo.sharedPart(trx, actor.organizationId, sessionId),
        ]);
        const goals = await currentGoals(
          trx,
          actor.organizationId,
          body.members.filter((m) => m.goalIds).map((m) => m.patientId),
        );
        const sharedBody = pick(GROUP_SHARED_SECTIONS, body.shared, 'shared');
        if (canonicalJson(sharedBody) !== canonicalJson(shared?.body ?? {})) {
          if (notes.some((n) => n.status !== 'draft')) throw new AppError('note_signed');
          await notesRepo.saveSharedPart(trx, actor.organizationId, sessionId, sharedBody, actor.userId);
        }
        const saved: string[] = [];
        const created: Insertable<NotesTable>[] = [];
        for (const [i, draft] of body.members.entries()) {
          const member = members.find((m) => m.patient_id === draft.patientId);
          if (!member)
            throw invalid(`members.${i}.patientId`, 'That patient is not a member of this session.');
          const memberBody = pick(MEMBER_SECTIONS, draft.body, `members.${i}.body`);
          const values = {
            body: JSON.stringify(memberBody),
            risk: draft.risk ?? null,
            risk_detail: draft.riskDetail?.trim() || null,
            content_text: sectionsText(MEMBER_SECTIONS, memberBody),
          };
          const note = notes.find((n) => n.patient_id === draft.patientId);
          // Goals are checked only when they change: a signed note keeps the goals it was signed with.
          const goalIds =
            draft.goalIds && canonicalJson(draft.goalIds) !== canonicalJson(note?.goal_ids ?? [])
              ? planGoalIds(goals.get(member.patient_id), draft.goalIds, `members.${i}.goalIds`)
              : undefined;
          if (note) {
            const same =
              canonicalJson(note.body) === canonicalJson(memberBody) &&
              note.risk === values.risk &&
              note.risk_detail === values.risk_detail &&
              (!goalIds || canonicalJson(goalIds) === canonicalJson(note.goal_ids));
            if (same) continue;
            if (note.status !== 'draft') throw new AppError('note_signed');
            await notesRepo.update(trx, actor.organizationId, note.id, {
              ...values,
              ...(goalIds && { goal_ids: goalIds }),
            });
          } else {
            if (Object.keys(memberBody).length === 0 && !values.risk) continue;
            if (!present(member))
              throw invalid(`members.${i}.patientId`, 'Only members marked present get a note.');
            created.push({
              organization_id: actor.organizationId,
              patient_id: member.patient_id,
              session_id: sessionId,
              episode_id: member.episode_id,
              kind: 'group_member',
              template: 'group',
              session_starts_at: new Date(session.startsAt),
              author_id: actor.userId,
              sensitivity: labelsOf(member),
              ...values,
              ...(goalIds && { goal_ids: goalIds }),
            });
          }
          saved.push(member.patient_id);
        }
        await notesRepo.insertMany(trx, created);
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'GroupNote',
          resourceId: sessionId,
          details: { patientIds: saved },
        });
        return groupNote(trx, actor, session);
      }),

    /** Signs the chosen members' notes, each with the shared part, after every check passes. */
    signGroupNote: (
      actor: OrgActor,
      sessionId: string,
      body: { patientIds: string[]; confirmSimilar?: boolean },
    ) =>
      db.transaction().execute(async (trx) => {
        const session = await groupSession(trx, actor, sessionId);
        // The signer attests to the service they provided: only the session's own staff sign.
        if (!session.staff.some((s) => s.userId === actor.userId)) throw forbidden();
        const [members, notes, shared] = await Promise.all([
          notesRepo.members(trx, actor.organizationId, sessionId),
          notesRepo.forSession(trx, actor.organizationId, sessionId, { forUpdate: true }),
          notesRepo.sharedPart(trx, actor.organizationId, sessionId),
        ]);
        const sharedBody = shared?.body ?? {};
        const people = members.map(personOf);
        const errors: FieldError[] = missingSections(GROUP_SHARED_SECTIONS, sharedBody).map((key) => ({
          path: `shared.${key}`,
          message: 'Write this part of the group note.',
        }));
        if (namesAnyMember(sectionsText(GROUP_SHARED_SECTIONS, sharedBody), people))
          errors.push({
            path: 'shared',
            message: 'The group part names a member; describe the group without names.',
          });
        const toSign: NoteRow[] = [];
        for (const patientId of new Set(body.patientIds)) {
          const member = members.find((m) => m.patient_id === patientId);
          const note = notes.find((n) => n.patient_id === patientId);
          const path = `members.${patientId}`;
          if (!member) throw invalid(path, 'That patient is not a member of this session.');
          if (!present(member)) {
            errors.push({
              path,
              message: 'This member is not marked present; an absent member gets no note.',
            });
            continue;
          }
          if (note && note.status !== 'draft') throw conflict('This member’s note is already signed.', path);
          const memberBody = note?.body ?? {};
          for (const key of missingSections(MEMBER_SECTIONS, memberBody))
            errors.push({ path: `${path}.${key}`, message: 'Write this section.' });
          if (!note?.risk) errors.push({ path: `${path}.risk`, message: 'Record the risk check.' });
          if (note?.risk === 'concern' && !note.risk_detail)
            errors.push({ path: `${path}.riskDetail`, message: 'Describe the risk concern.' });
          const text = `${sectionsText(MEMBER_SECTIONS, memberBody)}\n${note?.risk_detail ?? ''}`;
          if (otherMembersNamed(text, patientId, people).length > 0)
            errors.push({ path, message: 'This note names another member; remove the name.' });
          if (note) toSign.push(note);
        }
        fail(errors);
        const similar = nearDuplicates(memberTexts(members, notes)).filter((p) =>
          toSign.some((n) => n.patient_id === p.a || n.patient_id === p.b),
        );
        if (similar.length > 0 && !body.confirmSimilar)
          throw new AppError('similar_notes', {
            userMessage:
              'Some member notes are nearly identical. Individualize them, or confirm to sign anyway.',
            extensions: { similar },
          });
        const signer = await signerOf(
          trx,
          actor,
          toSign.map((n) => n.author_id),
        );
        for (const note of toSign) {
          const member = members.find((m) => m.patient_id === note.patient_id)!;
          await sign(trx, actor, signer, note, session, {
            header: header(session, member, signer.me),
            curriculumModule: session.curriculumModule?.title ?? null,
            shared: sharedBody,
            member: note.body,
            risk: note.risk,
            riskDetail: note.risk_detail,
          });
        }
        await audit.record(
          trx,
          actor,
          signedEvent(
            toSign,
            toSign.some((n) => signer.supervisorOf(n.author_id) !== null),
          ),
        );
        return groupNote(trx, actor, session);
      }),

    /** The appointment's note for a patient: the existing one, or a new draft. */
    open: (actor: OrgActor, sessionId: string, input: { patientId: string; template?: NoteTemplate }) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...NOTE_ROLES);
        const session = await schedule.read(trx, actor, sessionId);
        if (session.kind === 'group') throw conflict('Group sessions are documented on the group note.');
        assertStaffOf(actor, session);
        const members = await notesRepo.members(trx, actor.organizationId, sessionId);
        const member = members.find((m) => m.patient_id === input.patientId);
        if (!member) throw invalid('patientId', 'That patient is not a member of this session.');
        const existing = (await notesRepo.forSession(trx, actor.organizationId, sessionId)).find(
          (n) => n.patient_id === input.patientId,
        );
        if (existing) {
          await audit.record(trx, actor, {
            action: 'read',
            resourceType: 'Note',
            resourceId: existing.id,
            patientId: existing.patient_id,
          });
          return { created: false, note: await noteDto(trx, actor, existing) };
        }
        if (!present(member))
          throw conflict('Record the patient as present before writing the note.', 'patientId');
        const { id } = await notesRepo.insert(trx, {
          organization_id: actor.organizationId,
          patient_id: member.patient_id,
          session_id: sessionId,
          episode_id: member.episode_id,
          kind: session.kind,
          template: session.kind === 'medication_management' ? 'medication' : (input.template ?? 'dap'),
          body: '{}',
          medication:
            session.kind === 'medication_management' ? JSON.stringify({ changes: [], vitals: null }) : null,
          session_starts_at: new Date(session.startsAt),
          author_id: actor.userId,
          sensitivity: labelsOf(member),
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'Note',
          resourceId: id,
          patientId: member.patient_id,
        });
        return {
          created: true,
          note: await noteDto(trx, actor, await notesRepo.get(trx, actor.organizationId, id)),
        };
      }),

    async get(actor: OrgActor, id: string): Promise<NoteDto> {
      requireRole(actor, ...NOTE_ROLES);
      const note = await notesRepo.get(db, actor.organizationId, id);
      await patients.assertExists(db, actor, note.patient_id);
      assertMayRead(actor, note);
      const dto = await noteDto(db, actor, note);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'Note',
        resourceId: id,
        patientId: note.patient_id,
      });
      return dto;
    },

    /** Autosave of a draft: only its author, only before signing. */
    save: (actor: OrgActor, id: string, body: SaveNoteBody) =>
      db.transaction().execute(async (trx) => {
        const note = await draftOf(trx, actor, id);
        const sections = pick(sectionsOf(note.template), body.body, 'body');
        if (body.attendees && note.kind !== 'family')
          throw invalid('attendees', 'Attendees are recorded on family notes.');
        if (body.medication && note.template !== 'medication')
          throw invalid('medication', 'Medication changes are recorded on medication-management notes.');
        const goalIds =
          body.goalIds &&
          planGoalIds(
            (await currentGoals(trx, actor.organizationId, [note.patient_id])).get(note.patient_id),
            body.goalIds,
            'goalIds',
          );
        await notesRepo.update(trx, actor.organizationId, id, {
          ...(goalIds && { goal_ids: goalIds }),
          body: JSON.stringify(sections),
          risk: body.risk ?? null,
          risk_detail: body.riskDetail?.trim() || null,
          content_text: sectionsText(sectionsOf(note.template), sections),
          ...(body.attendees && { attendees: JSON.stringify(body.attendees) }),
          ...(body.medication && {
            medication: JSON.stringify({
              changes: body.medication.changes,
              vitals: body.medication.vitals ?? null,
            }),
          }),
        });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Note',
          resourceId: id,
          patientId: note.patient_id,
        });
        return noteDto(trx, actor, await notesRepo.get(trx, actor.organizationId, id));
      }),

    sign: (actor: OrgActor, id: string) =>
      db.transaction().execute(async (trx) => {
        const note = await draftOf(trx, actor, id);
        const session = await schedule.read(trx, actor, note.session_id);
        const member = (await notesRepo.members(trx, actor.organizationId, note.session_id)).find(
          (m) => m.patient_id === note.patient_id,
        )!;
        if (!present(member)) throw conflict('The patient is not marked present; an absence gets no note.');
        const errors: FieldError[] = missingSections(sectionsOf(note.template), note.body).map((key) => ({
          path: `body.${key}`,
          message: 'Write this section.',
        }));
        if (!note.risk) errors.push({ path: 'risk', message: 'Record the risk check.' });
        if (note.risk === 'concern' && !note.risk_detail)
          errors.push({ path: 'riskDetail', message: 'Describe the risk concern.' });
        if (note.kind === 'family' && note.attendees.length === 0)
          errors.push({ path: 'attendees', message: 'Record who attended.' });
        if (note.medication) {
          for (const [path, message] of Object.entries(checkMedicationChanges(note.medication.changes)))
            errors.push({ path: `medication.${path}`, message });
          for (const [path, message] of Object.entries(checkVitals(note.medication.vitals ?? {})))
            errors.push({ path: `medication.vitals.${path}`, message });
        }
        fail(errors);
        const signer = await signerOf(trx, actor, [note.author_id]);
        await sign(trx, actor, signer, note, session, {
          header: header(session, member, signer.me),
          template: note.template,
          body: note.body,
          risk: note.risk,
          riskDetail: note.risk_detail,
          attendees: note.attendees,
          medication: note.medication,
        });
        await audit.record(trx, actor, signedEvent([note], signer.supervisorOf(note.author_id) !== null));
        return noteDto(trx, actor, await notesRepo.get(trx, actor.organizationId, id));
      }),

    /** The supervisor's co-signature completes a supervised clinician's note. */
    cosign: (actor: OrgActor, id: string) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...NOTE_ROLES);
        const note = await notesRepo.get(trx, actor.organizationId, id, { forUpdate: true });
        if (note.status !== 'pending_cosign') throw conflict('This note is not awaiting a co-signature.');
        if (note.cosigner_id !== actor.userId) throw forbidden();
        await notesRepo.update(trx, actor.organizationId, id, { status: 'signed', cosigned_at: clock.now() });
        await audit.record(trx, actor, {
          action: 'update',
          resourceType: 'Note',
          resourceId: id,
          patientId: note.patient_id,
          details: { event: 'cosign' },
        });
        return noteDto(trx, actor, await notesRepo.get(trx, actor.organizationId, id));
      }),

    /** After signing, a correction or late information is an addendum: who, when, why. */
    addAddendum: (actor: OrgActor, id: string, body: { reason: string; text: string }) =>
      db.transaction().execute(async (trx) => {
        requireRole(actor, ...NOTE_ROLES);
        const note = await notesRepo.get(trx, actor.organizationId, id, { forUpdate: true });
        if (note.status === 'draft')
          throw conflict('A draft is edited directly; addenda are for signed notes.');
        // The author, the co-signer or a program director amends a signed note.
        if (
          ![note.author_id, note.cosigner_id].includes(actor.userId) &&
          !actor.roles.includes('program_director')
        )
          throw forbidden();
        const at = clock.now();
        await notesRepo.insertAddendum(trx, {
          organizationId: actor.organizationId,
          noteId: id,
          authorId: actor.userId,
          reason: body.reason,
          text: body.text,
          sha: sha256({
            noteId: id,
            noteSha256: note.content_sha256,
            reason: body.reason,
            text: body.text,
            at,
          }),
          at,
        });
        await audit.record(trx, actor, {
          action: 'create',
          resourceType: 'NoteAddendum',
          resourceId: id,
          patientId: note.patient_id,
        });
        return noteDto(trx, actor, note);
      }),

    /** My notes to write, my drafts, and notes awaiting my co-signature. */
    async queue(actor: OrgActor): Promise<NoteQueueDto> {
      requireRole(actor, ...NOTE_ROLES);
      const now = clock.now();
      const [toWrite, drafts, toCosign] = await Promise.all([
        notesQueueRepo.toWrite(db, actor.organizationId, actor.userId, {
          since: new Date(now.getTime() - 14 * 86_400_000),
          now,
        }),
        notesQueueRepo.drafts(db, actor.organizationId, actor.userId),
        notesQueueRepo.toCosign(db, actor.organizationId, actor.userId),
      ]);
      await audit.record(db, actor, {
        action: 'read',
        resourceType: 'NoteQueue',
        details: { patientIds: [...new Set([...drafts, ...toCosign].map((d) => d.patient_id))] },
      });
      return {
        toWrite: toWrite.map((s) => ({
          sessionId: s.id,
          title: s.title,
          kind: s.kind,
          date: s.local_date,
          start: s.start,
          members: Number(s.members),
        })),
        drafts: drafts.map((d) => ({
          noteId: d.id,
          sessionId: d.session_id,
          patientId: d.patient_id,
          patient: nameOf(d),
          kind: d.kind as NoteDto['kind'],
          date: d.local_date,
          title: d.title,
        })),
        toCosign: toCosign.map((d) => ({
          noteId: d.id,
          patientId: d.patient_id,
          patient: nameOf(d),
          kind: d.kind as NoteDto['kind'],
          date: d.local_date,
          author: d.author,
          signedAt: d.signed_at!.toISOString(),
        })),
      };
    },

    noteDto,
  };
}

export type NotesService = ReturnType<typeof createNotesService>;
