import { minutesAttended, type AttendanceStatus } from '../../src/domain/attendance/minutes.js';
import { expandWeekly, toRRule, type Occurrence } from '../../src/domain/schedule/recurrence.js';
import { addDays, clinicInstant } from '../../src/domain/time/clinic-day.js';
import type { Db } from '../../src/server/platform/db/tx.js';
import { Table } from './bulk.js';
import type { EpisodePlan, PatientPlan } from './episodes.js';
import { EXCUSED_REASONS } from './names.js';
import { INDIVIDUAL_MINUTES, INDIVIDUAL_SLOTS, type OrgPlan, type TrackPlan } from './organization.js';
import type { Rng } from './prng.js';

/**
 * One track's calendar from the start of the period to a week after the end date: its three
 * groups on each meeting day (closures skipped, the skills group walking the curriculum), every
 * member's weekly individual session with their primary therapist, the seating, and attendance
 * for every session before the end date. The end date's own sessions have no attendance yet, so
 * roll call can be taken; the following week is scheduled only.
 *
 * Attendance is decided per patient per clinic day (a patient who misses one group that day
 * misses them all): a day is missed with the episode's own absence rate (2–15 %), 45 % of missed
 * days excused with a reason; in the ten days before a drop-out's discharge every day is an
 * unexcused no-show. Attended groups are 86 % present, 7 % late (5–25 min), 5 % left early
 * (10–40 min), 2 % both; minutes come from `minutesAttended`, as roll call computes them.
 */

export interface TrackTables {
  series: Table;
  sessions: Table;
  staff: Table;
  participants: Table;
  attendance: Table;
}

export function trackTables(): TrackTables {
  return {
    series: new Table('session_series', [
      { name: 'id', type: 'uuid' },
      { name: 'rrule', type: 'text' },
      { name: 'dtstart', type: 'text' },
      { name: 'created_by', type: 'uuid' },
    ]),
    sessions: new Table('sessions', [
      { name: 'id', type: 'uuid' },
      { name: 'kind', type: 'text' },
      { name: 'origin', type: 'text' },
      { name: 'title', type: 'text' },
      { name: 'group_kind', type: 'text' },
      { name: 'location_id', type: 'uuid' },
      { name: 'program_id', type: 'uuid' },
      { name: 'track_id', type: 'uuid' },
      { name: 'group_block_id', type: 'uuid' },
      { name: 'series_id', type: 'uuid' },
      { name: 'curriculum_module_id', type: 'uuid' },
      { name: 'room_id', type: 'uuid' },
      { name: 'telehealth_url', type: 'text' },
      { name: 'starts_at', type: 'timestamptz' },
      { name: 'ends_at', type: 'timestamptz' },
      { name: 'local_date', type: 'date' },
      { name: 'occurrence_date', type: 'date' },
      { name: 'max_size', type: 'int4' },
      { name: 'status', type: 'text' },
      { name: 'status_reason', type: 'text' },
      { name: 'created_by', type: 'uuid' },
    ]),
    staff: new Table('session_staff', [
      { name: 'session_id', type: 'uuid' },
      { name: 'user_id', type: 'uuid' },
      { name: 'role', type: 'text' },
    ]),
    participants: new Table('session_participants', [
      { name: 'session_id', type: 'uuid' },
      { name: 'patient_id', type: 'uuid' },
      { name: 'episode_id', type: 'uuid' },
      { name: 'added_at', type: 'timestamptz' },
    ]),
    attendance: new Table('attendance', [
      { name: 'session_id', type: 'uuid' },
      { name: 'patient_id', type: 'uuid' },
      { name: 'episode_id', type: 'uuid' },
      { name: 'status', type: 'text' },
      { name: 'late_minutes', type: 'int4' },
      { name: 'left_early_minutes', type: 'int4' },
      { name: 'telehealth', type: 'bool' },
      { name: 'absence_reason', type: 'text' },
      { name: 'minutes', type: 'int4' },
      { name: 'starts_at', type: 'timestamptz' },
      { name: 'recorded_by', type: 'uuid' },
      { name: 'recorded_at', type: 'timestamptz' },
    ]),
  };
}

interface Planned extends Occurrence {
  block: TrackPlan['blocks'][number] | null;
  episode: EpisodePlan | null;
  moduleId: string | null;
}

interface DayState {
  date: string;
  absent: AttendanceStatus | null;
  reason: string | null;
}

/** Fills `out` with one track's rows; returns how many sessions and attendance rows it made. */
export function generateTrack(
  rng: Rng,
  plan: OrgPlan,
  track: TrackPlan,
  episodes: readonly EpisodePlan[],
  patients: readonly PatientPlan[],
  opts: { start: string; endDate: string },
  out: TrackTables,
): { sessions: number; attendance: number; todayGroups: string[] } {
  const tz = plan.timeZone;
  const program = plan.programs[track.programIndex]!;
  const locationId = plan.locations[program.location]!.id;
  const closed = plan.closures.filter((c) => c.location === program.location).map((c) => c.date);
  const through = addDays(opts.endDate, 7);
  const offices = new Map(plan.staff.map((u) => [u.id, u.officeId]));
  const todayGroups: string[] = [];
  const noShowFrom = new Map(
    episodes.filter((e) => e.outcome === 'dropped_out').map((e) => [e.id, addDays(e.plannedEnd, -9)]),
  );
  const membersOn = new Map<string, EpisodePlan[]>();
  const admittedAt = new Map(episodes.map((e) => [e.id, clinicInstant(e.admittedOn, '07:30', tz)]));

  const planned: Planned[] = [];
  for (const block of track.blocks) {
    const occurrences = expandWeekly(
      { weekdays: track.weekdays, start: block.start, end: block.end, timeZone: tz },
      { from: opts.start, to: through, exceptions: closed },
    ).filter((o) => o.endsAt > o.startsAt);
    let slot = 0;
    for (const o of occurrences)
      planned.push({
        ...o,
        block,
        episode: null,
        moduleId: block.usesCurriculum ? track.modules[slot++ % track.modules.length]!.id : null,
      });
  }
  const therapists = track.therapistIds.length;
  const days = track.weekdays.length;
  const withSeries = new Set<string>();
  for (const e of episodes) {
    const k = Math.floor(e.seat / therapists);
    const weekday = track.weekdays[k % days]!;
    const start = INDIVIDUAL_SLOTS[track.time][Math.floor(k / days) % INDIVIDUAL_SLOTS[track.time].length]!;
    const m = Number(start.slice(0, 2)) * 60 + Number(start.slice(3)) + INDIVIDUAL_MINUTES;
    const end = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const last = e.dischargedOn && e.dischargedOn < through ? e.dischargedOn : through;
    const weekly = { weekdays: [weekday], start, end, timeZone: tz };
    const occurrences = expandWeekly(weekly, { from: e.admittedOn, to: last, exceptions: closed }).filter(
      (o) => o.endsAt > o.startsAt,
    );
    if (occurrences.length > 1) {
      const pair = toRRule(weekly, { from: occurrences[0]!.date, until: occurrences.at(-1)!.date });
      out.series.add(e.seriesId, pair.rrule, pair.dtstart, e.therapistId);
      withSeries.add(e.id);
    }
    for (const o of occurrences) planned.push({ ...o, block: null, episode: e, moduleId: null });
  }
  planned.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.block ? 0 : 1) - (b.block ? 0 : 1),
  );

  const dayState = new Map<string, DayState>();
  const telehealthProgram = program.spec.delivery === 'telehealth';
  let sessions = 0;
  let attendance = 0;
  for (const s of planned) {
    const id = rng.uuid();
    const past = s.date < opts.endDate;
    const cancelled = past && s.block !== null && rng.chance(0.003);
    let members = s.block ? membersOn.get(s.date) : [s.episode!];
    if (!members) {
      members = episodes.filter(
        (e) => e.admittedOn <= s.date && (e.dischargedOn === null || s.date <= e.dischargedOn),
      );
      membersOn.set(s.date, members);
    }
    const individualOffice = s.episode ? (offices.get(s.episode.therapistId) ?? null) : null;
    if (s.block && s.date === opts.endDate) todayGroups.push(id);
    const telehealthUrl = s.block
      ? track.telehealthUrl
      : telehealthProgram
        ? `https://telehealth.${plan.domain}/room-${s.episode!.therapistId.slice(0, 8)}`
        : null;
    out.sessions.add(
      id,
      s.block ? 'group' : 'individual',
      s.block ? 'track' : 'appointment',
      s.block ? s.block.title : 'Individual therapy',
      s.block ? s.block.groupKind : null,
      locationId,
      program.id,
      s.block ? track.id : null,
      s.block ? s.block.id : null,
      s.episode && withSeries.has(s.episode.id) ? s.episode.seriesId : null,
      s.moduleId,
      s.block ? track.roomId : telehealthUrl ? null : individualOffice,
      telehealthUrl,
      s.startsAt,
      s.endsAt,
      s.date,
      s.block ? s.date : null,
      s.block ? 12 : null,
      cancelled ? 'cancelled' : 'scheduled',
      cancelled ? 'Facilitator ill; no cover available.' : null,
      plan.directorId,
    );
    sessions++;
    const lead = s.block ? s.block.facilitatorId : s.episode!.therapistId;
    out.staff.add(id, lead, 'lead');
    if (s.block?.coFacilitatorId) out.staff.add(id, s.block.coFacilitatorId, 'co');
    for (const e of members) out.participants.add(id, patients[e.patient]!.id, e.id, admittedAt.get(e.id)!);
    if (!past || cancelled) continue;

    const recordedAt = new Date(s.endsAt.getTime() + 10 * 60_000);
    for (const e of members) {
      let day = dayState.get(e.id);
      if (!day || day.date !== s.date) {
        let absent: AttendanceStatus | null = null;
        let reason: string | null = null;
        const from = noShowFrom.get(e.id);
        if (from !== undefined && s.date >= from) absent = 'absent_unexcused';
        else if (rng.chance(e.absenceRate)) {
          absent = rng.chance(0.45) ? 'absent_excused' : 'absent_unexcused';
          if (absent === 'absent_excused') reason = rng.pick(EXCUSED_REASONS);
        }
        day = { date: s.date, absent, reason };
        dayState.set(e.id, day);
        if (!absent) e.attended.push({ date: s.date, startsAt: s.startsAt });
      }
      let status: AttendanceStatus;
      let late = 0;
      let leftEarly = 0;
      if (day.absent) status = day.absent;
      else {
        status = rng.weighted<AttendanceStatus>([
          ['present', 86],
          ['late', 7],
          ['left_early', 5],
          ['late_and_left_early', 2],
        ]);
        if (status === 'late' || status === 'late_and_left_early')
          late = rng.int(5, status === 'late' ? 25 : 15);
        if (status === 'left_early' || status === 'late_and_left_early')
          leftEarly = rng.int(10, status === 'left_early' ? 40 : 20);
      }
      const telehealth =
        day.absent !== null
          ? false
          : s.block
            ? telehealthProgram || rng.chance(e.telehealthShare)
            : telehealthUrl !== null;
      const minutes = minutesAttended(
        { startsAt: s.startsAt, endsAt: s.endsAt },
        { status, lateMinutes: late, leftEarlyMinutes: leftEarly, telehealth },
      );
      out.attendance.add(
        id,
        patients[e.patient]!.id,
        e.id,
        status,
        late,
        leftEarly,
        telehealth,
        day.absent === 'absent_excused' ? day.reason : null,
        minutes,
        s.startsAt,
        lead,
        recordedAt,
      );
      e.last.push(status);
      if (e.last.length > 2) e.last.shift();
      attendance++;
    }
  }
  return { sessions, attendance, todayGroups };
}

/** Writes one track's rows in foreign-key order; returns the number of rows written. */
export async function writeTrack(db: Db, organizationId: string, t: TrackTables): Promise<number> {
  let n = 0;
  for (const table of [t.series, t.sessions, t.staff, t.participants, t.attendance])
    n += await table.flush(db, organizationId);
  return n;
}
