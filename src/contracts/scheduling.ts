import { z } from 'zod';
import { WEEKDAYS } from '../domain/schedule/recurrence.js';
import { PatientSummary } from './patients.js';

export const LEVELS = ['iop', 'php'] as const;
export const DELIVERIES = ['in_person', 'telehealth', 'hybrid'] as const;
export const GROUP_KINDS = [
  'process',
  'skills',
  'psychoeducation',
  'relapse_prevention',
  'multi_family',
] as const;
export const MODULE_KINDS = ['psychoeducation', 'skills'] as const;
export const APPOINTMENT_KINDS = [
  'intake_assessment',
  'individual',
  'family',
  'medication_management',
] as const;
export const SESSION_KIND_VALUES = ['group', ...APPOINTMENT_KINDS] as const;
export const CALENDAR_SCOPES = ['clinician', 'room', 'program', 'track', 'patient'] as const;

export const GROUP_KIND_LABELS: Record<(typeof GROUP_KINDS)[number], string> = {
  process: 'Process group',
  skills: 'Skills group',
  psychoeducation: 'Psychoeducation',
  relapse_prevention: 'Relapse prevention',
  multi_family: 'Multi-family group',
};
export const SESSION_KIND_LABELS: Record<(typeof SESSION_KIND_VALUES)[number], string> = {
  group: 'Group',
  intake_assessment: 'Intake assessment',
  individual: 'Individual therapy',
  family: 'Family or couples therapy',
  medication_management: 'Medication management',
};

const Date_ = z.iso.date();
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)');
const Name = z.string().trim().min(1).max(120);
const Reason = z.string().trim().min(3, 'Give a reason').max(500);
const TelehealthUrl = z.url({ protocol: /^https$/, error: 'Use an https:// link' }).max(500);
const Weekday = z.enum(WEEKDAYS);

const Hours = z.number().min(0).max(24);
export const IntensityRuleSchema = z
  .object({
    minHoursPerWeek: z.number().min(0).max(80),
    maxHoursPerWeek: z.number().min(0).max(80).optional(),
    minDaysPerWeek: z.number().int().min(0).max(7),
    maxDaysPerWeek: z.number().int().min(1).max(7),
    minHoursPerDay: Hours,
    maxHoursPerDay: Hours,
  })
  .refine((r) => r.maxHoursPerWeek === undefined || r.maxHoursPerWeek >= r.minHoursPerWeek, {
    path: ['maxHoursPerWeek'],
    error: 'The weekly maximum is below the minimum',
  })
  .refine((r) => r.maxDaysPerWeek >= r.minDaysPerWeek, {
    path: ['maxDaysPerWeek'],
    error: 'The most days a week is below the fewest',
  })
  .refine((r) => r.maxHoursPerDay >= r.minHoursPerDay, {
    path: ['maxHoursPerDay'],
    error: 'The longest day is below the shortest',
  });

// ---- Programs, tracks, blocks, curriculum ----

const ProgramFields = z.object({
  locationId: z.uuid(),
  name: Name,
  levelOfCare: z.enum(LEVELS),
  minAge: z.number().int().min(0).max(120),
  maxAge: z.number().int().min(0).max(130).nullable(),
  capacity: z.number().int().min(1).max(10_000),
  delivery: z.enum(DELIVERIES),
  substanceUse: z.boolean(),
  intensity: IntensityRuleSchema,
});
const agesInOrder = (p: { minAge?: number; maxAge?: number | null }) =>
  p.maxAge === null || p.maxAge === undefined || p.minAge === undefined || p.maxAge >= p.minAge;
export const CreateProgramBody = ProgramFields.refine(agesInOrder, {
  path: ['maxAge'],
  error: 'The oldest age is below the youngest',
});
export const UpdateProgramBody = ProgramFields.omit({ locationId: true })
  .extend({ active: z.boolean() })
  .partial()
  .refine(agesInOrder, { path: ['maxAge'], error: 'The oldest age is below the youngest' });

export const CurriculumModuleDto = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  kind: z.enum(MODULE_KINDS),
  description: z.string().nullable(),
});
export const CreateModuleBody = z.object({
  title: Name,
  kind: z.enum(MODULE_KINDS),
  description: z.string().trim().max(2000).nullable().optional(),
});
export const ReorderModulesBody = z.object({ moduleIds: z.array(z.uuid()).min(1).max(200) });

export const GroupBlockDto = z.object({
  id: z.uuid(),
  trackId: z.uuid(),
  title: z.string(),
  groupKind: z.enum(GROUP_KINDS),
  weekdays: z.array(Weekday),
  start: z.string(),
  end: z.string(),
  facilitator: z.object({ id: z.uuid(), name: z.string() }),
  coFacilitator: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  telehealthUrl: z.string().nullable(),
  maxSize: z.number().int(),
  usesCurriculum: z.boolean(),
  activeFrom: z.string(),
  activeUntil: z.string().nullable(),
});
export const CreateGroupBlockBody = z
  .object({
    title: Name,
    groupKind: z.enum(GROUP_KINDS),
    weekdays: z.array(Weekday).min(1).max(7),
    start: Time,
    end: Time,
    facilitatorId: z.uuid(),
    coFacilitatorId: z.uuid().nullable().optional(),
    roomId: z.uuid().nullable().optional(),
    telehealthUrl: TelehealthUrl.nullable().optional(),
    maxSize: z.number().int().min(1).max(100).default(12),
    usesCurriculum: z.boolean().default(false),
    activeFrom: Date_,
  })
  .refine((b) => b.end > b.start, { path: ['end'], error: 'The group ends before it starts' })
  .refine((b) => b.roomId || b.telehealthUrl, {
    path: ['roomId'],
    error: 'Choose a room or give a telehealth link',
  });
export const EndGroupBlockBody = z.object({ lastDate: Date_, reason: Reason });

export const TrackDto = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  name: z.string(),
  active: z.boolean(),
  memberCount: z.number().int(),
  blocks: z.array(GroupBlockDto),
  curriculum: z.array(CurriculumModuleDto),
});
export type TrackDto = z.infer<typeof TrackDto>;
export const CreateTrackBody = z.object({ name: Name });

export const ProgramDto = ProgramFields.extend({
  id: z.uuid(),
  active: z.boolean(),
  activeEpisodes: z.number().int(),
  tracks: z.array(TrackDto),
});
export type ProgramDto = z.infer<typeof ProgramDto>;

export const GenerateSessionsBody = z.object({ through: Date_ });

// ---- Staff scheduling profile ----

export const AvailabilityWindowSchema = z
  .object({ weekday: Weekday, start: Time, end: Time })
  .refine((w) => w.end > w.start, { path: ['end'], error: 'The window ends before it starts' });
export const StaffDto = z.object({
  id: z.uuid(),
  name: z.string(),
  roles: z.array(z.string()),
  credentials: z.string().nullable(),
  supervisor: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  licensed: z.boolean(),
  availability: z.array(z.object({ weekday: Weekday, start: z.string(), end: z.string() })),
});
export type StaffDto = z.infer<typeof StaffDto>;
export const UpdateStaffSchedulingBody = z.object({
  credentials: z.string().trim().max(60).nullable(),
  supervisorId: z.uuid().nullable(),
  availability: z.array(AvailabilityWindowSchema).max(50),
});

// ---- Sessions ----

export const ConflictDto = z.object({
  code: z.string(),
  message: z.string(),
  sessionId: z.string().optional(),
  userId: z.string().optional(),
  patientId: z.string().optional(),
});
export type ConflictDto = z.infer<typeof ConflictDto>;

export const GenerateSessionsResult = z.object({
  created: z.number().int(),
  through: z.string(),
  skipped: z.array(ConflictDto.extend({ date: z.string() })).describe('Occurrences left out, with why'),
});

export const SessionDto = z.object({
  id: z.uuid(),
  kind: z.enum(SESSION_KIND_VALUES),
  origin: z.string(),
  title: z.string(),
  groupKind: z.enum(GROUP_KINDS).nullable(),
  locationId: z.uuid(),
  program: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  track: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  room: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  telehealthUrl: z.string().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  localDate: z.string(),
  timeZone: z.string().describe('The location’s IANA zone'),
  start: z.string().describe('Clinic-local HH:MM'),
  end: z.string().describe('Clinic-local HH:MM'),
  maxSize: z.number().int().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  statusReason: z.string().nullable(),
  seriesId: z.uuid().nullable(),
  curriculumModule: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  staff: z.array(z.object({ userId: z.uuid(), name: z.string(), role: z.enum(['lead', 'co']) })),
  participantCount: z.number().int(),
  participants: z.array(
    z.object({ patientId: z.uuid(), name: z.string(), initials: z.string(), mrn: z.string() }),
  ),
});
export type SessionDto = z.infer<typeof SessionDto>;

export const CalendarQuery = z
  .object({
    scope: z.enum(CALENDAR_SCOPES),
    id: z.uuid(),
    from: Date_,
    to: Date_,
    includeCancelled: z.enum(['true', 'false']).optional(),
  })
  .refine((q) => q.to >= q.from, { path: ['to'], error: 'The end date is before the start date' })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 41 * 86_400_000, {
    path: ['to'],
    error: 'Show at most six weeks at a time',
  });
export const CalendarDto = z.object({
  timeZone: z.string(),
  from: z.string(),
  to: z.string(),
  sessions: z.array(SessionDto),
});

const Slot = z.object({ date: Date_, start: Time, end: Time });

export const CreateGroupSessionBody = z
  .object({
    trackId: z.uuid(),
    origin: z.enum(['one_off', 'make_up']),
    title: Name,
    groupKind: z.enum(GROUP_KINDS),
    ...Slot.shape,
    facilitatorId: z.uuid(),
    coFacilitatorId: z.uuid().nullable().optional(),
    roomId: z.uuid().nullable().optional(),
    telehealthUrl: TelehealthUrl.nullable().optional(),
    maxSize: z.number().int().min(1).max(100).default(12),
    addTrackMembers: z.boolean().default(true),
    patientIds: z.array(z.uuid()).max(100).default([]),
  })
  .refine((b) => b.end > b.start, { path: ['end'], error: 'The session ends before it starts' })
  .refine((b) => b.roomId || b.telehealthUrl, {
    path: ['roomId'],
    error: 'Choose a room or give a telehealth link',
  });

export const CreateAppointmentBody = z
  .object({
    kind: z.enum(APPOINTMENT_KINDS),
    patientId: z.uuid(),
    clinicianId: z.uuid(),
    locationId: z.uuid(),
    date: Date_,
    start: Time,
    durationMinutes: z.number().int().min(15).max(240),
    roomId: z.uuid().nullable().optional(),
    telehealthUrl: TelehealthUrl.nullable().optional(),
    repeatWeeks: z.number().int().min(1).max(52).default(1).describe('1 = a single appointment'),
    intensityOverrideReason: Reason.optional(),
  })
  .refine((b) => b.roomId || b.telehealthUrl, {
    path: ['roomId'],
    error: 'Choose a room or give a telehealth link',
  });
export type CreateAppointmentBody = z.infer<typeof CreateAppointmentBody>;

export const MoveSessionBody = z
  .object({
    ...Slot.shape,
    roomId: z.uuid().nullable().optional(),
    reason: Reason,
    intensityOverrideReason: Reason.optional(),
  })
  .refine((b) => b.end > b.start, { path: ['end'], error: 'The session ends before it starts' });
export const CancelSessionBody = z.object({ reason: Reason });
export const ParticipantsBody = z.object({ patientIds: z.array(z.uuid()).min(1).max(100) });

export const ClosureDto = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  date: z.string(),
  reason: z.string(),
  cancelledSessions: z.number().int(),
});
export const CreateClosureBody = z.object({ locationId: z.uuid(), date: Date_, reason: Reason });
export const ClosureListQuery = z.object({ from: Date_.optional() });

// ---- Intensity ----

export const IntensityDto = z.object({
  weekOf: z.string(),
  hoursPerWeek: z.number(),
  daysPerWeek: z.number().int(),
  hoursByDay: z.record(z.string(), z.number()),
  ok: z.boolean(),
  shortfalls: z.array(
    z.object({
      code: z.string(),
      message: z.string(),
      date: z.string().optional(),
      needed: z.number().optional(),
    }),
  ),
});
export type IntensityDto = z.infer<typeof IntensityDto>;

// ---- Episodes and admission ----

const AppointmentPlan = z.object({
  weekday: Weekday,
  start: Time,
  durationMinutes: z.number().int().min(15).max(240),
  clinicianId: z
    .uuid()
    .optional()
    .describe('Defaults to the primary therapist (the prescriber for medication)'),
  roomId: z.uuid().nullable().optional(),
  telehealthUrl: TelehealthUrl.nullable().optional(),
  everyWeeks: z.number().int().min(1).max(8).default(1),
});
export type AppointmentPlan = z.infer<typeof AppointmentPlan>;

export const CodingSchema = z.object({
  system: z.string().trim().min(1).max(200),
  code: z.string().trim().min(1).max(20),
  display: z.string().trim().max(200).optional(),
});

export const AdmitBody = z.object({
  referralId: z.uuid(),
  programId: z.uuid(),
  trackId: z.uuid(),
  admittedOn: Date_,
  primaryTherapistId: z.uuid(),
  prescriberId: z.uuid().nullable(),
  diagnoses: z.array(CodingSchema).max(20).default([]),
  individual: AppointmentPlan.nullable().default(null),
  medicationManagement: AppointmentPlan.nullable().default(null),
  family: AppointmentPlan.nullable().default(null),
  weeks: z.number().int().min(1).max(26).default(8).describe('How many weeks of appointments to book'),
  intensityOverrideReason: Reason.optional(),
});
export type AdmitBody = z.infer<typeof AdmitBody>;

export const AdmissionPreviewDto = z.object({
  weekOf: z.string(),
  sessions: z.array(
    z.object({ title: z.string(), kind: z.string(), date: z.string(), start: z.string(), end: z.string() }),
  ),
  intensity: IntensityDto,
  conflicts: z.array(ConflictDto),
});

export const EpisodeDto = z.object({
  id: z.uuid(),
  patient: PatientSummary,
  referralId: z.uuid().nullable(),
  program: z.object({ id: z.uuid(), name: z.string() }),
  track: z.object({ id: z.uuid(), name: z.string() }),
  levelOfCare: z.enum(LEVELS),
  status: z.enum(['active', 'discharged']),
  admittedOn: z.string(),
  dischargedOn: z.string().nullable(),
  primaryTherapist: z.object({ id: z.uuid(), name: z.string() }),
  prescriber: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  diagnoses: z
    .array(CodingSchema)
    .nullable()
    .describe('null for roles that see demographics only (front desk)'),
  steppingDown: z.boolean(),
  steppingDownSince: z.string().nullable().describe('Clinic-local date the step-down began'),
});
export type EpisodeDto = z.infer<typeof EpisodeDto>;

export const SteppingDownBody = z.object({
  since: Date_.nullable().describe('null ends the step-down'),
});

export const EpisodeListQuery = z.object({
  programId: z.uuid().optional(),
  trackId: z.uuid().optional(),
  status: z.enum(['active', 'discharged']).optional(),
});

export const ChangeTrackBody = z.object({
  trackId: z.uuid(),
  from: Date_,
  intensityOverrideReason: Reason.optional(),
});

export const PatientWeekQuery = z.object({ week: Date_.optional() });
export const PatientWeekDto = z.object({
  timeZone: z.string().nullable(),
  weekOf: z.string(),
  episode: EpisodeDto.nullable(),
  sessions: z.array(SessionDto),
  intensity: IntensityDto.nullable(),
});

export const CurriculumProgressDto = z.object({
  total: z.number().int(),
  completedCount: z.number().int(),
  complete: z.boolean(),
  finishesOn: z.string().nullable(),
  completed: z.array(z.object({ moduleId: z.string(), title: z.string() })),
  remaining: z.array(
    z.object({
      moduleId: z.string(),
      title: z.string(),
      nextSessionId: z.string().nullable(),
      nextDate: z.string().nullable(),
    }),
  ),
});
export const CompleteModuleBody = z.object({ patientIds: z.array(z.uuid()).min(1).max(100) });

// ---- Calendar feeds ----

export const CalendarFeedDto = z.object({
  active: z.boolean(),
  createdAt: z.iso.datetime().nullable(),
  url: z.string().nullable().describe('Shown once, when the feed is created or replaced'),
});
