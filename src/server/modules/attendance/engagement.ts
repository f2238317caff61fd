import {
  attendanceRate,
  dropoutRisk,
  type AttendanceHistoryItem,
  type DropoutRisk,
} from '../../../domain/attendance/engagement.js';
import { isAbsence, type AttendanceStatus } from '../../../domain/attendance/minutes.js';
import { DEFAULT_STEP_DOWN, stepDownExcuses } from '../../../domain/attendance/step-down.js';
import { weekOf } from '../../../domain/hours/intensity.js';
import { DEFAULT_RELIABLE_CHANGE, reliableWorsening } from '../../../domain/instruments/change.js';
import { INSTRUMENTS, isInstrumentId } from '../../../domain/instruments/index.js';
import {
  addDays,
  clinicDateTime,
  endOfClinicDay,
  startOfClinicDay,
} from '../../../domain/time/clinic-day.js';
import type { Db } from '../../platform/db/tx.js';
import { attendanceRepo } from './attendance.repo.js';

/** Days of attendance the rate and the dropout-risk history read, today included [D]. */
export const ENGAGEMENT_WINDOW_DAYS = 28;
/** Scores older than this do not say anything about worsening now [D]. */
const SCORES_WINDOW_DAYS = 90;

export interface Engagement {
  attendedHours: number;
  remainingHours: number;
  minimumHours: number | null;
  behindOnHours: boolean;
  steppingDown: boolean;
  engagementRisk: boolean;
  openSafetyAlert: boolean;
  attendanceRate: number | null;
  attendedSessions: number;
  recordedSessions: number;
  dropoutRisk: DropoutRisk;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/**
 * Engagement for each patient, read in one batch: this week's attended and still-scheduled hours
 * against the program minimum (not behind inside the step-down allowance), the attendance rate
 * over the last 28 days, and the explainable dropout risk from absences, shortfall and reliably
 * worsening scores.
 */
export async function engagementOf(
  db: Db,
  organizationId: string,
  patientIds: readonly string[],
  at: { now: Date; timeZone: string },
): Promise<Map<string, Engagement>> {
  const { now, timeZone } = at;
  const today = clinicDateTime(now, timeZone).date;
  const { monday } = weekOf(today);
  const weekFrom = startOfClinicDay(monday, timeZone);
  const facts = await attendanceRepo.engagementFacts(db, organizationId, [...new Set(patientIds)], {
    since: startOfClinicDay(addDays(today, 1 - ENGAGEMENT_WINDOW_DAYS), timeZone),
    weekFrom,
    weekTo: endOfClinicDay(addDays(monday, 6), timeZone),
    now,
    scoresSince: startOfClinicDay(addDays(today, -SCORES_WINDOW_DAYS), timeZone),
    instruments: Object.keys(DEFAULT_RELIABLE_CHANGE),
  });
  const result = new Map<string, Engagement>();
  for (const patientId of patientIds) {
    const episode = facts.episodes.find((e) => e.patient_id === patientId);
    const rows = facts.history.filter((h) => h.patient_id === patientId);
    const history: AttendanceHistoryItem[] = rows.map((r) => ({
      date: clinicDateTime(r.starts_at, timeZone).date,
      status: r.status as AttendanceStatus,
    }));
    const attended = rows.filter((r) => r.starts_at >= weekFrom).reduce((sum, r) => sum + r.minutes, 0);
    const remaining = Number(facts.remaining.find((r) => r.patient_id === patientId)?.minutes ?? 0);
    const minimum = episode ? episode.intensity.minHoursPerWeek : null;
    const excused =
      !!episode &&
      stepDownExcuses({
        steppingDownSince: episode.stepping_down_since,
        monday,
        policy: DEFAULT_STEP_DOWN,
      });
    const shortfall =
      minimum === null || excused ? 0 : Math.max(0, minimum - hours(attended) - hours(remaining));
    const worsening = reliableWorsening(
      facts.scores
        .filter((s) => s.patient_id === patientId && s.total !== null)
        .map((s) => ({ instrumentId: s.instrument_id, total: s.total!, administeredAt: s.administered_at })),
    ).map(
      (w) =>
        `${isInstrumentId(w.instrumentId) ? INSTRUMENTS[w.instrumentId].definition.shortName : w.instrumentId} up ${w.rise} points`,
    );
    const rate = attendanceRate(history);
    result.set(patientId, {
      attendedHours: hours(attended),
      remainingHours: hours(remaining),
      minimumHours: minimum,
      behindOnHours: shortfall > 0,
      steppingDown: episode?.stepping_down_since != null,
      engagementRisk: episode?.engagement_risk ?? false,
      openSafetyAlert: facts.alerts.some((a) => a.patient_id === patientId),
      attendanceRate: rate === null ? null : Math.round(rate * 100) / 100,
      attendedSessions: history.filter((h) => !isAbsence(h.status)).length,
      recordedSessions: history.length,
      dropoutRisk: dropoutRisk({
        history,
        today,
        weeklyShortfallHours: shortfall,
        worseningScores: worsening,
      }),
    });
  }
  return result;
}
