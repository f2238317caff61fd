import { z } from 'zod';
import { ATTENDANCE_STATUSES } from '../domain/attendance/minutes.js';
import { MEDICATION_CHANGE_KINDS } from '../domain/notes/medications.js';
import { NOTE_TEMPLATES } from '../domain/notes/templates.js';

export const NOTE_KINDS = [
  'group_member',
  'individual',
  'family',
  'medication_management',
  'intake_assessment',
] as const;
export const NOTE_STATUSES = ['draft', 'pending_cosign', 'signed'] as const;
export const RISK_CHECKS = ['none', 'concern'] as const;

export const NOTE_KIND_LABELS: Record<(typeof NOTE_KINDS)[number], string> = {
  group_member: 'Group psychotherapy note',
  individual: 'Individual therapy note',
  family: 'Family therapy note',
  medication_management: 'Medication management note',
  intake_assessment: 'Intake assessment note',
};
export const NOTE_STATUS_LABELS: Record<(typeof NOTE_STATUSES)[number], string> = {
  draft: 'Draft',
  pending_cosign: 'Awaiting co-signature',
  signed: 'Signed',
};

const Text = z.string().max(20_000);
const Sections = z.record(z.string().max(40), Text).describe('Section text by section key');
const Attestation = z.literal(true, { error: 'Confirm the attestation to sign.' });

export const SuggestedCodeDto = z.object({ code: z.string(), description: z.string(), reason: z.string() });

export const NoteHeaderDto = z.object({
  patient: z.string(),
  mrn: z.string(),
  date: z.string().describe('Clinic-local date of the session'),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  minutes: z.number().int().nullable().describe('Minutes attended, from the attendance ledger'),
  service: z.string(),
  serviceLabel: z.string(),
  clinician: z.string().describe('Rendering clinician, with credentials'),
  location: z.string().describe('Room, or Telehealth'),
  telehealth: z.boolean(),
  suggestedCode: SuggestedCodeDto.nullable(),
});
export type NoteHeaderDto = z.infer<typeof NoteHeaderDto>;

export const FamilyAttendee = z.object({
  name: z.string().trim().min(1).max(120),
  relationship: z.string().trim().min(1).max(60),
});

export const MedicationChangeBody = z.object({
  kind: z.enum(MEDICATION_CHANGE_KINDS),
  name: z.string().trim().min(1).max(200),
  dose: z.string().trim().max(100).nullable().optional(),
  route: z.string().trim().max(60).nullable().optional(),
  frequency: z.string().trim().max(100).nullable().optional(),
  reason: z.string().trim().max(500).nullable().optional(),
});

export const VitalsBody = z.object({
  systolic: z.number().nullable().optional(),
  diastolic: z.number().nullable().optional(),
  heartRate: z.number().nullable().optional(),
  weightKg: z.number().nullable().optional(),
  heightCm: z.number().nullable().optional(),
});

export const MedicationBody = z.object({
  changes: z.array(MedicationChangeBody).max(30),
  vitals: VitalsBody.nullable().optional(),
});

export const AddendumDto = z.object({
  id: z.uuid(),
  author: z.string(),
  reason: z.string(),
  text: z.string(),
  createdAt: z.iso.datetime(),
});

export const NoteDto = z.object({
  id: z.uuid(),
  patientId: z.uuid(),
  sessionId: z.uuid(),
  kind: z.enum(NOTE_KINDS),
  template: z.enum([...NOTE_TEMPLATES, 'group', 'medication']),
  status: z.enum(NOTE_STATUSES),
  header: NoteHeaderDto,
  /** The group's shared part, for a member's note. */
  shared: Sections.nullable(),
  body: Sections,
  risk: z.enum(RISK_CHECKS).nullable(),
  riskDetail: z.string().nullable(),
  attendees: z.array(FamilyAttendee),
  medication: MedicationBody.nullable(),
  goalIds: z.array(z.string().max(64)).max(20).describe('Treatment-plan goals this note worked on'),
  planGoals: z
    .array(z.object({ id: z.string(), statement: z.string() }))
    .describe('Goals of the patient’s current treatment plan, to pick from'),
  author: z.string(),
  signedBy: z.string().nullable(),
  signedAt: z.iso.datetime().nullable(),
  contentSha256: z.string().nullable(),
  lateEntry: z.boolean(),
  cosignerId: z.uuid().nullable().describe('Who must co-sign (the supervisor of a supervised author)'),
  cosigner: z.string().nullable(),
  cosignedAt: z.iso.datetime().nullable(),
  part2: z.boolean().describe('A 42 CFR Part 2 record: disclosures follow consent and carry the notice'),
  addenda: z.array(AddendumDto),
  updatedAt: z.iso.datetime(),
});
export type NoteDto = z.infer<typeof NoteDto>;

export const CreateNoteBody = z.object({
  patientId: z.uuid(),
  template: z.enum(NOTE_TEMPLATES).optional().describe('Therapy notes; medication management uses its own'),
});

export const SaveNoteBody = z.object({
  body: Sections,
  risk: z.enum(RISK_CHECKS).nullable().optional(),
  riskDetail: z.string().trim().max(2000).nullable().optional(),
  attendees: z.array(FamilyAttendee).max(12).optional(),
  medication: MedicationBody.optional(),
  goalIds: z.array(z.string().max(64)).max(20).optional(),
});
export type SaveNoteBody = z.infer<typeof SaveNoteBody>;

export const SignNoteBody = z.object({ attestation: Attestation });

export const AddendumBody = z.object({
  reason: z.string().trim().min(3).max(500),
  text: z.string().trim().min(1).max(20_000),
});

export const GroupMemberDraft = z.object({
  patientId: z.uuid(),
  body: Sections,
  risk: z.enum(RISK_CHECKS).nullable().optional(),
  riskDetail: z.string().trim().max(2000).nullable().optional(),
  goalIds: z.array(z.string().max(64)).max(20).optional(),
});

export const SaveGroupNoteBody = z.object({
  shared: Sections,
  members: z.array(GroupMemberDraft).max(100),
});
export type SaveGroupNoteBody = z.infer<typeof SaveGroupNoteBody>;

export const SignGroupNoteBody = z.object({
  patientIds: z.array(z.uuid()).min(1).max(100),
  attestation: Attestation,
  confirmSimilar: z
    .boolean()
    .optional()
    .describe('Sign even though some member sections are nearly identical to each other'),
});

export const GroupNoteDto = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  curriculumModule: z.string().nullable(),
  shared: Sections,
  sharedLocked: z.boolean().describe('A member’s note is signed: the shared part no longer changes'),
  sharedNamesMembers: z.boolean().describe('The shared part names a member; it must not'),
  members: z.array(
    z.object({
      patientId: z.uuid(),
      name: z.string(),
      mrn: z.string(),
      attendance: z.enum(ATTENDANCE_STATUSES).nullable(),
      minutes: z.number().int().nullable(),
      present: z.boolean(),
      noteId: z.uuid().nullable(),
      status: z.enum(NOTE_STATUSES).nullable(),
      body: Sections,
      risk: z.enum(RISK_CHECKS).nullable(),
      riskDetail: z.string().nullable(),
      goalIds: z.array(z.string().max(64)).max(20).describe('Treatment-plan goals this note worked on'),
      planGoals: z.array(z.object({ id: z.string(), statement: z.string() })),
      missing: z.array(z.string()).describe('Member sections still empty'),
      namesOtherMembers: z.array(z.string()).describe('Other members this member’s text names'),
      lateEntry: z.boolean(),
      signedAt: z.iso.datetime().nullable(),
    }),
  ),
  similar: z
    .array(z.object({ a: z.uuid(), b: z.uuid(), similarity: z.number() }))
    .describe('Member sections nearly identical to each other'),
  suggestedCode: SuggestedCodeDto.nullable(),
});
export type GroupNoteDto = z.infer<typeof GroupNoteDto>;

export const NoteQueueQuery = z.object({ user: z.uuid().optional() });

export const NoteQueueDto = z.object({
  toWrite: z
    .array(
      z.object({
        sessionId: z.uuid(),
        title: z.string(),
        kind: z.string(),
        date: z.string(),
        start: z.string(),
        members: z.number().int().describe('Members present without a signed note'),
      }),
    )
    .describe('Sessions I led in the last 14 days with members present and no note signed'),
  drafts: z.array(
    z.object({
      noteId: z.uuid(),
      sessionId: z.uuid(),
      patientId: z.uuid(),
      patient: z.string(),
      kind: z.enum(NOTE_KINDS),
      date: z.string(),
      title: z.string(),
    }),
  ),
  toCosign: z.array(
    z.object({
      noteId: z.uuid(),
      patientId: z.uuid(),
      patient: z.string(),
      kind: z.enum(NOTE_KINDS),
      date: z.string(),
      author: z.string(),
      signedAt: z.iso.datetime(),
    }),
  ),
});
export type NoteQueueDto = z.infer<typeof NoteQueueDto>;

export const CHART_ENTRY_KINDS = ['session', 'note', 'assessment', 'alert', 'medication'] as const;

export const ChartQuery = z.object({
  kinds: z
    .string()
    .regex(/^(session|note|assessment|alert|medication)(,(session|note|assessment|alert|medication))*$/, {
      error: 'Kinds are a comma-separated list of session, note, assessment, alert, medication',
    })
    .optional(),
  q: z.string().trim().min(2).max(100).optional().describe('Search inside notes'),
  before: z.iso.datetime().optional().describe('Entries before this instant (paging)'),
});

export const ChartEntryDto = z.object({
  kind: z.enum(CHART_ENTRY_KINDS),
  at: z.iso.datetime(),
  title: z.string(),
  detail: z.string().nullable(),
  /** The note, session, administration or alert this entry opens. */
  refId: z.uuid().nullable(),
  status: z.string().nullable(),
  part2: z.boolean(),
});

export const ChartDto = z.object({
  items: z.array(ChartEntryDto),
  nextBefore: z.iso.datetime().nullable(),
});
export type ChartDto = z.infer<typeof ChartDto>;

export const MedicationDto = z.object({
  id: z.uuid(),
  name: z.string(),
  dose: z.string().nullable(),
  route: z.string().nullable(),
  frequency: z.string().nullable(),
  since: z.string(),
});

export const NotesExportQuery = z
  .object({ from: z.iso.date(), to: z.iso.date() })
  .refine((q) => q.to >= q.from, { path: ['to'], error: 'The end date is before the start date' });
