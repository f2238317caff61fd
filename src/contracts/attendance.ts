import { z } from 'zod';
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

export const CaseloadDto = z.object({
  weekOf: z.string(),
  items: z.array(
    z.object({
      episodeId: z.uuid(),
      patientId: z.uuid(),
      name: z.string(),
      mrn: z.string(),
      track: z.string(),
      attendedHours: z.number(),
      minimumHours: z.number(),
      remainingHours: z.number().describe('Still scheduled this week and not yet recorded'),
      behindOnHours: z
        .boolean()
        .describe(
          'Attended plus still scheduled is below the minimum (not flagged in the step-down allowance)',
        ),
      steppingDown: z.boolean(),
      engagementRisk: z.boolean(),
      openSafetyAlert: z.boolean(),
    }),
  ),
});
export type CaseloadDto = z.infer<typeof CaseloadDto>;
