import { z } from 'zod';
import { LatestScoreDto } from './outcomes.js';
import { ATTENDANCE_STATUSES } from '../domain/attendance/minutes.js';
import { SessionDto } from './scheduling.js';

export const ATTENDANCE_STATUS_LABELS: Record<(typeof ATTENDANCE_STATUSES)[number], string> = {
  present: 'Present',
  late: 'Late',
  left_early: 'Left early',
  late_and_left_early: 'Late and left early',
  absent_excused: 'Absent (excused)',
  absent_unexcused: 'Absent (unexcused)',
};

const Minutes = z.number().int().min(0).max(1440);

export const AttendanceMarkBody = z.object({
  patientId: z.uuid(),
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: Minutes.optional(),
  leftEarlyMinutes: Minutes.optional(),
  telehealth: z.boolean().default(false),
  absenceReason: z.string().trim().max(500).nullable().optional(),
});

export const RecordAttendanceBody = z.object({
  marks: z.array(AttendanceMarkBody).min(1).max(100),
  changeReason: z
    .string()
    .trim()
    .min(3)
    .max(500)
    .optional()
    .describe('Required for changes after the session’s clinic day'),
});
export type RecordAttendanceBody = z.infer<typeof RecordAttendanceBody>;

export const AttendanceDto = z.object({
  status: z.enum(ATTENDANCE_STATUSES),
  lateMinutes: z.number().int(),
  leftEarlyMinutes: z.number().int(),
  telehealth: z.boolean(),
  absenceReason: z.string().nullable(),
  minutes: z.number().int(),
  checkedInAt: z.iso.datetime().nullable(),
  recordedAt: z.iso.datetime(),
  locked: z.boolean(),
});

export const RollCallDto = z.object({
  session: SessionDto,
  sessionMinutes: z.number().int(),
  /** After the session's clinic day every change needs a reason. */
  changesNeedReason: z.boolean(),
  members: z.array(
    z.object({
      patientId: z.uuid(),
      name: z.string(),
      mrn: z.string(),
      attendance: AttendanceDto.nullable(),
    }),
  ),
});
export type RollCallDto = z.infer<typeof RollCallDto>;

export const CheckInBody = z.object({ patientId: z.uuid() });

export const WeeklyHoursQuery = z.object({ week: z.iso.date().optional() });

export const WeeklyHoursDto = z.object({
  timeZone: z.string(),
  weekOf: z.string(),
  attendedHours: z.number(),
  daysAttended: z.number().int(),
  minimumHours: z.number(),
  remainingHours: z.number(),
  met: z.boolean(),
  /** The week is below the minimum but inside the step-down allowance, so it is not flagged. */
  stepDownExcused: z.boolean(),
  outsideLimits: z
    .array(z.string())
    .describe('Where attended time falls outside the program’s allowed days and hours'),
  authorization: z
    .object({
      label: z.string(),
      from: z.string(),
      to: z.string(),
      hoursPerWeek: z.number().nullable(),
      exceeded: z.boolean().describe('Attended hours are above the authorized hours for the week'),
    })
    .nullable()
    .describe('The payer authorization covering the week, when one exists'),
  forecast: z
    .object({
      needsHours: z.number(),
      byDate: z.string(),
      scheduledHours: z.number(),
      onTrack: z.boolean(),
      message: z.string(),
      makeUpOptions: z.array(
        z.object({ sessionId: z.string(), title: z.string(), date: z.string(), hours: z.number() }),
      ),
    })
    .nullable()
    .describe('Only for the current week'),
});
export type WeeklyHoursDto = z.infer<typeof WeeklyHoursDto>;

export const DropoutRiskDto = z
  .object({
    level: z.enum(['low', 'moderate', 'high']),
    points: z.number().int(),
    reasons: z.array(z.string()),
  })
  .describe(
    'Explainable points from absences in 14 days, missed sessions in a row, hours shortfall and reliably worsening scores; not a validated instrument',
  );
export type DropoutRiskDto = z.infer<typeof DropoutRiskDto>;

export const EngagementDto = z.object({
  attendedHours: z.number(),
  remainingHours: z.number().describe('Still scheduled this week and not yet recorded'),
  minimumHours: z
    .number()
    .nullable()
    .describe('The program’s weekly minimum; null without an active episode'),
  behindOnHours: z
    .boolean()
    .describe('Attended plus still scheduled is below the minimum (not flagged in the step-down allowance)'),
  steppingDown: z.boolean(),
  engagementRisk: z.boolean().describe('Two unexcused absences in a row, until the patient attends'),
  openSafetyAlert: z.boolean(),
  attendanceRate: z.number().nullable().describe('Attended ÷ recorded sessions in the last 28 days'),
  attendedSessions: z.number().int(),
  recordedSessions: z.number().int(),
  dropoutRisk: DropoutRiskDto,
});
export type EngagementDto = z.infer<typeof EngagementDto>;

const CaseloadItem = z
  .object({
    episodeId: z.uuid(),
    patientId: z.uuid(),
    name: z.string(),
    mrn: z.string(),
    track: z.string(),
  })
  .extend(EngagementDto.shape);

export const CaseloadDto = z.object({ weekOf: z.string(), items: z.array(CaseloadItem) });
export type CaseloadDto = z.infer<typeof CaseloadDto>;

export const TodayDto = z.object({
  date: z.string().describe('The clinic-local date'),
  timeZone: z.string(),
  weekOf: z.string(),
  sessions: z.array(
    z.object({
      session: SessionDto,
      recorded: z.number().int().describe('Members whose attendance is recorded'),
      members: z.array(
        z.object({
          patientId: z.uuid(),
          name: z.string(),
          mrn: z.string(),
          status: z.enum(ATTENDANCE_STATUSES).nullable(),
          minutes: z.number().int().nullable(),
          engagementRisk: z.boolean(),
          openSafetyAlert: z.boolean(),
          dropoutRisk: DropoutRiskDto,
          scores: z
            .array(LatestScoreDto)
            .describe('Latest PHQ-9 and GAD-7 with the change since the score before (clinical roles only)'),
        }),
      ),
    }),
  ),
  caseload: z.array(CaseloadItem).describe('My active patients (all, for a director)'),
});
export type TodayDto = z.infer<typeof TodayDto>;
