import { beforeEach, describe, expect, it } from 'vitest';
import type { EngagementDto, TodayDto, WeeklyHoursDto } from '../../../contracts/attendance.js';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { createUser, signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  calendarOf,
  eveningGroupClinic,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';
import { createAttendanceService } from './attendance.service.js';

const t = useTestApp();

// Wednesday 28 Oct 2026 in New York; the evening group runs 18:00–21:00 (22:00–01:00Z).
const MORNING = '2026-10-28T12:00:00Z';
const DURING_GROUP = '2026-10-28T23:00:00Z';
const THURSDAY_GROUP = '2026-10-29T23:00:00Z';

let clinic: SchedulingClinic;
let members: EpisodeDto[];
let wed: SessionDto;
let thu: SessionDto;

beforeEach(async () => {
  t.clock.set(MORNING);
  ({ clinic, members } = await eveningGroupClinic(
    t,
    '2026-10-28',
    ['Ana', 'Ben', 'Cy'].map((givenName) => ({ givenName, familyName: 'Member' })),
  ));
  [wed, thu] = (await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-28', '2026-10-29')) as [
    SessionDto,
    SessionDto,
  ];
});

const patient = (i: number) => members[i]!.patient.id;

async function mark(sessionId: string, at: string, marks: object[]) {
  t.clock.set(at);
  const res = await (
    await signIn(t, clinic.people.director)
  ).request('PUT', `/api/v1/sessions/${sessionId}/attendance`, { marks });
  expect(res.statusCode, res.body).toBe(200);
}

describe('Today', () => {
  it('shows the facilitator today’s group with each member’s attendance so far and dropout risk', async () => {
    await mark(wed.id, DURING_GROUP, [
      { patientId: patient(0), status: 'present' },
      { patientId: patient(1), status: 'absent_unexcused' },
    ]);
    const theo = await signIn(t, clinic.people.therapist);
    const res = await theo.get('/api/v1/today');
    expect(res.statusCode, res.body).toBe(200);
    const today = res.json<TodayDto>();
    expect(today).toMatchObject({ date: '2026-10-28', weekOf: '2026-10-26', timeZone: 'America/New_York' });
    expect(today.sessions.map((s) => [s.session.id, s.recorded])).toEqual([[wed.id, 2]]);
    expect(today.sessions[0]!.members.map((m) => [m.name, m.status, m.minutes, m.dropoutRisk.level])).toEqual(
      [
        ['Ana Member', 'present', 180, 'low'],
        // 1 unexcused (2) + 6 hours short after Thursday's group (2) = 4: moderate.
        ['Ben Member', 'absent_unexcused', 0, 'moderate'],
        ['Cy Member', null, null, 'low'],
      ],
    );
    expect(today.sessions[0]!.members[1]!.dropoutRisk.reasons).toContain(
      '1 unexcused absence in the last 14 days',
    );
    // Theo leads the group but is nobody's primary therapist.
    expect(today.caseload).toEqual([]);
  });

  it('gives the primary therapist the caseload with attendance rate and dropout risk', async () => {
    await mark(wed.id, DURING_GROUP, [
      { patientId: patient(0), status: 'present' },
      { patientId: patient(1), status: 'absent_unexcused' },
      { patientId: patient(2), status: 'present' },
    ]);
    await mark(thu.id, THURSDAY_GROUP, [
      { patientId: patient(0), status: 'present' },
      { patientId: patient(1), status: 'absent_unexcused' },
      { patientId: patient(2), status: 'absent_excused', absenceReason: 'Flu' },
    ]);
    t.clock.set('2026-10-30T02:00:00Z'); // Thursday 22:00 in New York
    const casey = await signIn(t, clinic.people.therapist2);
    const today = (await casey.get('/api/v1/today')).json<TodayDto>();
    expect(today.sessions).toEqual([]);
    expect(
      today.caseload.map((c) => [c.name, c.attendanceRate, c.engagementRisk, c.dropoutRisk.level]),
    ).toEqual([
      ['Ana Member', 1, false, 'low'],
      // 2 unexcused (4) + two in a row (2) + 1 point for 3 hours short = 7: high.
      ['Ben Member', 0, true, 'high'],
      ['Cy Member', 0.5, false, 'moderate'],
    ]);
    expect(today.caseload[1]!.dropoutRisk.reasons).toEqual([
      '2 unexcused absences in the last 14 days',
      'Missed the last 2 sessions in a row without an excuse',
      '9 hours below the weekly minimum',
    ]);
  });

  it('is audited with the patients it shows, and refused to roles without patient records', async () => {
    const theo = await signIn(t, clinic.people.therapist);
    expect((await theo.get('/api/v1/today')).statusCode).toBe(200);
    const event = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('organization_id', '=', clinic.organization.id)
      .where('resource_type', '=', 'Today')
      .executeTakeFirstOrThrow();
    expect(event.details).toMatchObject({
      sessionIds: [wed.id],
      patientIds: expect.arrayContaining([patient(0), patient(1), patient(2)]),
    });
    const billing = await signIn(t, await createUser(t, clinic.organization.id, ['biller'], 'Bo Biller'));
    expect((await billing.get('/api/v1/today')).statusCode).toBe(403);
  });
});

describe('engagement on the chart', () => {
  it('counts absences, hours short and a reliably worsening PHQ-9', async () => {
    const phq9 = (answers: number[]) =>
      signIn(t, clinic.people.therapist).then((c) =>
        c.post(`/api/v1/patients/${patient(1)}/administrations`, {
          instrument: 'phq-9',
          method: 'staff_entered',
          answers,
        }),
      );
    expect((await phq9([1, 1, 1, 1, 1, 1, 1, 1, 0])).statusCode).toBe(201);
    t.clock.set('2026-10-28T14:00:00Z');
    expect((await phq9([2, 2, 2, 2, 2, 2, 2, 2, 0])).statusCode).toBe(201);
    await mark(wed.id, DURING_GROUP, [{ patientId: patient(1), status: 'absent_unexcused' }]);

    const res = await (
      await signIn(t, clinic.people.therapist)
    ).get(`/api/v1/patients/${patient(1)}/engagement`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EngagementDto>()).toMatchObject({
      attendedHours: 0,
      remainingHours: 3,
      minimumHours: 9,
      behindOnHours: true,
      attendanceRate: 0,
      attendedSessions: 0,
      recordedSessions: 1,
      engagementRisk: false,
      dropoutRisk: {
        // 1 unexcused (2) + 6 hours short (2) + worsening (2).
        level: 'high',
        points: 6,
        reasons: [
          '1 unexcused absence in the last 14 days',
          '6 hours below the weekly minimum',
          'Symptom scores worsening: PHQ-9 up 8 points',
        ],
      },
    });
    // The front desk checks people in; it has no need to see scores or risk.
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get(`/api/v1/patients/${patient(1)}/engagement`)).statusCode).toBe(403);
  });
});

describe('weekly hours against the program’s limits and the authorization', () => {
  it('names a finished week with too few days', async () => {
    await mark(wed.id, DURING_GROUP, [{ patientId: patient(0), status: 'present' }]);
    t.clock.set('2026-11-03T15:00:00Z');
    const res = await (
      await signIn(t, clinic.people.director)
    ).get(`/api/v1/patients/${patient(0)}/hours?week=2026-10-26`);
    expect(res.json<WeeklyHoursDto>()).toMatchObject({
      attendedHours: 3,
      outsideLimits: ['Attended on 1 day; the program expects at least 3.'],
      authorization: null,
    });
  });

  it('reads the authorization covering the week through the insurance seam', async () => {
    await mark(wed.id, DURING_GROUP, [{ patientId: patient(0), status: 'present' }]);
    const asked: unknown[] = [];
    const service = createAttendanceService({
      db: t.deps.database.db,
      audit: t.deps.audit,
      clock: t.clock,
      schedule: t.deps.schedule,
      safety: t.deps.safety,
      patients: t.deps.patients,
      authorizations: (_db, organizationId, patientId, week) => {
        asked.push({ organizationId, patientId, week });
        return Promise.resolve({
          label: 'Payer auth A-1',
          from: '2026-10-01',
          to: '2026-12-31',
          hoursPerWeek: 2,
        });
      },
    });
    const actor = {
      organizationId: clinic.organization.id,
      userId: clinic.people.director.id,
      roles: ['program_director'] as const,
      ip: null,
    };
    const hours = await service.weeklyHours(actor, patient(0));
    expect(asked).toEqual([
      {
        organizationId: clinic.organization.id,
        patientId: patient(0),
        week: { monday: '2026-10-26', sunday: '2026-11-01' },
      },
    ]);
    expect(hours.authorization).toEqual({
      label: 'Payer auth A-1',
      from: '2026-10-01',
      to: '2026-12-31',
      hoursPerWeek: 2,
      exceeded: true,
    });
  });
});

describe('another organization', () => {
  it('sees none of these patients, sessions or tasks', async () => {
    await mark(wed.id, DURING_GROUP, [{ patientId: patient(1), status: 'absent_unexcused' }]);
    const task = await t.deps.database.db
      .selectFrom('tasks')
      .select('id')
      .where('organization_id', '=', clinic.organization.id)
      .where('patient_id', '=', patient(1))
      .executeTakeFirstOrThrow();
    const other = await schedulingClinic(t);
    const outsider = await signIn(t, other.people.director);
    for (const url of [`/api/v1/patients/${patient(0)}/hours`, `/api/v1/patients/${patient(0)}/engagement`])
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    const checkIn = await outsider.post(`/api/v1/sessions/${wed.id}/check-in`, { patientId: patient(0) });
    expect(checkIn.statusCode).toBe(404);
    const attempt = await outsider.post(`/api/v1/tasks/${task.id}/attempts`, { outcome: 'no_answer' });
    expect(attempt.statusCode).toBe(404);
    const today = (await outsider.get('/api/v1/today')).json<TodayDto>();
    expect(today.sessions).toEqual([]);
    expect(today.caseload).toEqual([]);
    expect(
      await t.deps.database.db
        .selectFrom('task_attempts')
        .select('seq')
        .where('task_id', '=', task.id)
        .execute(),
    ).toEqual([]);
  });
});
