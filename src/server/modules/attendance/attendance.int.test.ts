import { beforeEach, describe, expect, it } from 'vitest';
import type { RollCallDto } from '../../../contracts/attendance.js';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  calendarOf,
  eveningGroupClinic,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York; tonight's evening group runs 18:00–21:00 (22:00–01:00Z).
const MORNING = '2026-10-28T12:00:00Z';
const DURING_GROUP = '2026-10-28T23:00:00Z';
const NEXT_DAY = '2026-10-29T16:00:00Z';

let clinic: SchedulingClinic;
let members: EpisodeDto[];
let tonight: SessionDto;

beforeEach(async () => {
  t.clock.set(MORNING);
  ({ clinic, members } = await eveningGroupClinic(
    t,
    '2026-10-28',
    ['Ana', 'Ben', 'Cy'].map((givenName) => ({ givenName, familyName: 'Member' })),
  ));
  [tonight] = (await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-28', '2026-10-28')) as [
    SessionDto,
  ];
});

const patient = (i: number) => members[i]!.patient.id;
/** Sign-ins expire after 15 idle minutes, so each jump of the clock signs the director in again. */
const director = () => signIn(t, clinic.people.director);

describe('roll call', () => {
  it('lists every member, computes minutes from the session and the late minutes, and keeps each change', async () => {
    t.clock.set(DURING_GROUP);
    const therapist = await signIn(t, clinic.people.therapist);
    const empty = (await therapist.get(`/api/v1/sessions/${tonight.id}/roll-call`)).json<RollCallDto>();
    expect(empty.sessionMinutes).toBe(180);
    expect(empty.members.map((m) => [m.name, m.attendance])).toEqual([
      ['Ana Member', null],
      ['Ben Member', null],
      ['Cy Member', null],
    ]);

    const saved = await therapist.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [
        { patientId: patient(0), status: 'present' },
        { patientId: patient(1), status: 'late', lateMinutes: 20 },
        { patientId: patient(2), status: 'absent_unexcused' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const roll = saved.json<RollCallDto>();
    expect(roll.members.map((m) => [m.attendance?.status, m.attendance?.minutes])).toEqual([
      ['present', 180],
      ['late', 160],
      ['absent_unexcused', 0],
    ]);
    const changes = await t.deps.database.db
      .selectFrom('attendance_changes')
      .select(['patient_id', 'before', 'reason'])
      .where('session_id', '=', tonight.id)
      .execute();
    expect(changes).toHaveLength(3);
    expect(changes.every((c) => c.before === null && c.reason === null)).toBe(true);
  });

  it('refuses more late minutes than the session lasted, a non-member, and an excused absence without a reason', async () => {
    t.clock.set(DURING_GROUP);
    const dana = await director();
    const save = (marks: object[]) =>
      dana.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, { marks });
    const tooLate = await save([{ patientId: patient(0), status: 'late', lateMinutes: 200 }]);
    expect(tooLate.statusCode).toBe(400);
    const stranger = await save([{ patientId: clinic.people.therapist.id, status: 'present' }]);
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json<{ detail: string }>().detail).toBe('That patient is not a member of this session.');
    const excused = await save([{ patientId: patient(0), status: 'absent_excused' }]);
    expect(excused.statusCode).toBe(400);
    const count = await t.deps.database.db
      .selectFrom('attendance')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('session_id', '=', tonight.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('needs a reason for changes after the session’s day, and never changes a row a claim has used', async () => {
    t.clock.set(DURING_GROUP);
    const url = `/api/v1/sessions/${tonight.id}/attendance`;
    const first = await (
      await director()
    ).request('PUT', url, {
      marks: [{ patientId: patient(0), status: 'absent_unexcused' }],
    });
    expect(first.statusCode, first.body).toBe(200);

    t.clock.set(NEXT_DAY);
    const dana = await director();
    const corrected = { marks: [{ patientId: patient(0), status: 'present' }] };
    const noReason = await dana.request('PUT', url, corrected);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ detail: string }>().detail).toBe(
      'Give the reason for changing attendance after the session’s day.',
    );
    const withReason = await dana.request('PUT', url, {
      ...corrected,
      changeReason: 'She was in the room; marked absent by mistake.',
    });
    expect(withReason.statusCode, withReason.body).toBe(200);
    const last = await t.deps.database.db
      .selectFrom('attendance_changes')
      .select(['before', 'after', 'reason'])
      .where('session_id', '=', tonight.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({
      before: { status: 'absent_unexcused', minutes: 0 },
      after: { status: 'present', minutes: 180 },
      reason: 'She was in the room; marked absent by mistake.',
    });

    await t.deps.database.db
      .updateTable('attendance')
      .set({ locked_at: new Date() })
      .where('session_id', '=', tonight.id)
      .execute();
    const locked = await dana.request('PUT', url, {
      marks: [{ patientId: patient(0), status: 'left_early', leftEarlyMinutes: 30 }],
      changeReason: 'Left at 20:30.',
    });
    expect(locked.statusCode).toBe(409);
  });

  it('is not taken before the session’s day, nor for a cancelled session', async () => {
    const [monday] = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-11-02', '2026-11-02');
    const early = await clinic.director.request('PUT', `/api/v1/sessions/${monday!.id}/attendance`, {
      marks: [{ patientId: patient(0), status: 'present' }],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ detail: string }>().detail).toBe('Attendance is taken on the day of the session.');
  });

  it('lets the front desk check people in (late after the grace) but not take roll call', async () => {
    t.clock.set('2026-10-28T22:12:00Z'); // 18:12 in New York
    const desk = await signIn(t, clinic.people.frontDesk);
    const res = await desk.post(`/api/v1/sessions/${tonight.id}/check-in`, { patientId: patient(1) });
    expect(res.statusCode, res.body).toBe(200);
    const ben = res.json<RollCallDto>().members.find((m) => m.patientId === patient(1))!;
    expect(ben.attendance).toMatchObject({ status: 'late', lateMinutes: 12, minutes: 168 });
    expect(ben.attendance?.checkedInAt).toBe('2026-10-28T22:12:00.000Z');
    const twice = await desk.post(`/api/v1/sessions/${tonight.id}/check-in`, { patientId: patient(1) });
    expect(twice.statusCode).toBe(409);
    const roll = await desk.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [{ patientId: patient(0), status: 'present' }],
    });
    expect(roll.statusCode).toBe(403);
  });

  it('is invisible to another organization and audited with the patients marked', async () => {
    t.clock.set(DURING_GROUP);
    const other = await schedulingClinic(t);
    expect((await other.director.get(`/api/v1/sessions/${tonight.id}/roll-call`)).statusCode).toBe(404);
    const put = await other.director.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [{ patientId: patient(0), status: 'present' }],
    });
    expect(put.statusCode).toBe(404);

    await (
      await director()
    ).request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [{ patientId: patient(0), status: 'present' }],
    });
    const event = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'details'])
      .where('resource_type', '=', 'Attendance')
      .where('resource_id', '=', tonight.id)
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'update', patient_id: patient(0) });
    expect(event.details).toMatchObject({ patientIds: [patient(0)] });
  });
});

describe('after an unexcused absence', () => {
  const tasksOf = (patientId: string) =>
    t.deps.database.db
      .selectFrom('tasks')
      .select(['kind', 'assignee_user_id', 'title', 'due_at'])
      .where('patient_id', '=', patientId)
      .where('kind', 'in', ['outreach', 'urgent_outreach'])
      .execute();
  const riskOf = async (episodeId: string) =>
    (
      await t.deps.database.db
        .selectFrom('episodes')
        .select('engagement_risk')
        .where('id', '=', episodeId)
        .executeTakeFirstOrThrow()
    ).engagement_risk;

  it('opens one same-day outreach task for the primary therapist', async () => {
    t.clock.set(DURING_GROUP);
    const dana = await director();
    const absent = { marks: [{ patientId: patient(2), status: 'absent_unexcused' }] };
    await dana.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, absent);
    await dana.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, absent);
    const tasks = await tasksOf(patient(2));
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({
      kind: 'outreach',
      assignee_user_id: clinic.people.therapist2.id,
      title: 'Call the patient today: missed Evening process group on 2026-10-28 at 18:00',
    });
    // Due by the end of the clinic day: midnight in New York.
    expect(tasks[0]!.due_at?.toISOString()).toBe('2026-10-29T04:00:00.000Z');
    expect(await tasksOf(patient(0))).toEqual([]);
  });

  it('shows the task to the therapist, keeps each call attempt, and closes it when the patient is reached', async () => {
    t.clock.set(DURING_GROUP);
    await (
      await director()
    ).request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [{ patientId: patient(2), status: 'absent_unexcused' }],
    });
    const therapist = await signIn(t, clinic.people.therapist2);
    const mine = (await therapist.get('/api/v1/tasks')).json<{
      items: { id: string; kind: string; sessionId: string }[];
    }>();
    const task = mine.items.find((i) => i.kind === 'outreach')!;
    expect(task.sessionId).toBe(tonight.id);
    const tried = await therapist.post(`/api/v1/tasks/${task.id}/attempts`, { outcome: 'no_answer' });
    expect(tried.statusCode, tried.body).toBe(200);
    expect(tried.json()).toMatchObject({
      status: 'open',
      attempts: [{ outcome: 'no_answer', attemptedBy: 'Casey Clinician' }],
    });
    const reached = await therapist.post(`/api/v1/tasks/${task.id}/attempts`, {
      outcome: 'reached',
      note: 'Had a migraine; coming Thursday.',
    });
    expect(reached.json()).toMatchObject({
      status: 'done',
      attempts: [{ outcome: 'no_answer' }, { outcome: 'reached' }],
    });
    expect(
      (await therapist.post(`/api/v1/tasks/${task.id}/attempts`, { outcome: 'reached' })).statusCode,
    ).toBe(409);
  });

  it('marks engagement risk after two in a row, and clears it when the patient attends', async () => {
    const sessions = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-28', '2026-11-02');
    const [wed, thu, mon] = sessions.map((s) => s.id) as [string, string, string];
    const mark = async (sessionId: string, at: string, status: string) => {
      t.clock.set(at);
      const res = await (
        await director()
      ).request('PUT', `/api/v1/sessions/${sessionId}/attendance`, {
        marks: [{ patientId: patient(1), status }],
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await mark(wed, DURING_GROUP, 'absent_unexcused');
    expect(await riskOf(members[1]!.id)).toBe(false);
    await mark(thu, '2026-10-29T23:00:00Z', 'absent_unexcused');
    expect(await riskOf(members[1]!.id)).toBe(true);
    await mark(mon, '2026-11-02T23:30:00Z', 'present');
    expect(await riskOf(members[1]!.id)).toBe(false);
  });

  it('is urgent and goes to the on-call clinician when the patient has an open safety alert', async () => {
    await t.deps.database.db
      .updateTable('organizations')
      .set({ settings: JSON.stringify({ onCallClinicianUserId: clinic.people.therapist.id }) })
      .where('id', '=', clinic.organization.id)
      .execute();
    await t.deps.database.db
      .insertInto('safety_alerts')
      .values({
        organization_id: clinic.organization.id,
        patient_id: patient(0),
        acuity: 'non_acute',
        reason: 'PHQ-9 item 9 positive',
        created_at: new Date(MORNING),
        escalate_at: new Date('2026-10-28T13:00:00Z'),
      })
      .execute();
    t.clock.set(DURING_GROUP);
    await (
      await director()
    ).request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [{ patientId: patient(0), status: 'absent_unexcused' }],
    });
    expect(await tasksOf(patient(0))).toEqual([
      expect.objectContaining({ kind: 'urgent_outreach', assignee_user_id: clinic.people.therapist.id }),
    ]);
  });
});

describe('weekly hours', () => {
  it('counts attended minutes against the minimum and says what is still needed by Sunday', async () => {
    t.clock.set(MORNING);
    const makeUp = await (
      await director()
    ).post('/api/v1/sessions', {
      trackId: clinic.track.id,
      origin: 'make_up',
      title: 'Saturday make-up group',
      groupKind: 'skills',
      date: '2026-10-31',
      start: '10:00',
      end: '13:00',
      facilitatorId: clinic.people.therapist.id,
      roomId: clinic.roomA.id,
      addTrackMembers: false,
    });
    expect(makeUp.statusCode, makeUp.body).toBe(201);

    t.clock.set(DURING_GROUP);
    const dana = await director();
    await dana.request('PUT', `/api/v1/sessions/${tonight.id}/attendance`, {
      marks: [{ patientId: patient(0), status: 'present' }],
    });
    const res = await dana.get(`/api/v1/patients/${patient(0)}/hours`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      weekOf: '2026-10-26',
      attendedHours: 3,
      daysAttended: 1,
      minimumHours: 9,
      remainingHours: 6,
      met: false,
      stepDownExcused: false,
      forecast: {
        needsHours: 3,
        byDate: '2026-11-01',
        scheduledHours: 3,
        onTrack: false,
        makeUpOptions: [{ title: 'Saturday make-up group', date: '2026-10-31', hours: 3 }],
      },
    });
  });

  it('does not flag a short week inside the step-down allowance, and only for its weeks', async () => {
    t.clock.set(DURING_GROUP);
    const dana = await director();
    const stepping = await dana.post(`/api/v1/episodes/${members[0]!.id}/stepping-down`, {
      since: '2026-10-28',
    });
    expect(stepping.statusCode, stepping.body).toBe(200);
    expect(stepping.json<EpisodeDto>()).toMatchObject({
      steppingDown: true,
      steppingDownSince: '2026-10-28',
    });
    const week = (w: string) => dana.get(`/api/v1/patients/${patient(0)}/hours?week=${w}`);
    expect((await week('2026-10-26')).json()).toMatchObject({
      met: false,
      stepDownExcused: true,
      forecast: { onTrack: false },
    });
    expect((await week('2026-11-02')).json()).toMatchObject({ stepDownExcused: true, forecast: null });
    expect((await week('2026-11-09')).json()).toMatchObject({ stepDownExcused: false });

    const before = await dana.post(`/api/v1/episodes/${members[0]!.id}/stepping-down`, {
      since: '2026-10-01',
    });
    expect(before.statusCode).toBe(400);
  });
});

describe('caseload', () => {
  it('lists the therapist’s patients with hours, behind-on-hours, engagement risk and open alerts', async () => {
    // Thursday evening: Wednesday's and Thursday's groups are over.
    const sessions = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-28', '2026-10-29');
    const [wed, thu] = sessions.map((s) => s.id) as [string, string];
    const before = (await (await signIn(t, clinic.people.therapist2)).get('/api/v1/caseload')).json<{
      items: { remainingHours: number; attendedHours: number }[];
    }>();
    // Wednesday morning: both of this week's groups are still to come.
    expect(before.items.map((r) => [r.attendedHours, r.remainingHours])).toEqual([
      [0, 6],
      [0, 6],
      [0, 6],
    ]);
    const mark = async (sessionId: string, at: string, marks: object[]) => {
      t.clock.set(at);
      const res = await (
        await director()
      ).request('PUT', `/api/v1/sessions/${sessionId}/attendance`, { marks });
      expect(res.statusCode, res.body).toBe(200);
    };
    await mark(wed, DURING_GROUP, [
      { patientId: patient(0), status: 'present' },
      { patientId: patient(1), status: 'absent_unexcused' },
      { patientId: patient(2), status: 'present' },
    ]);
    await mark(thu, '2026-10-29T23:00:00Z', [
      { patientId: patient(0), status: 'present' },
      { patientId: patient(1), status: 'absent_unexcused' },
      { patientId: patient(2), status: 'late', lateMinutes: 30 },
    ]);
    t.clock.set('2026-10-30T02:00:00Z'); // Thursday 22:00 in New York
    const therapist = await signIn(t, clinic.people.therapist2);
    const res = await therapist.get('/api/v1/caseload');
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json<{ weekOf: string; items: Record<string, unknown>[] }>();
    expect(rows.weekOf).toBe('2026-10-26');
    // Only Wednesday and Thursday groups this week (6 h at most): everyone is behind on 9 h.
    expect(rows.items.map((r) => [r.name, r.attendedHours, r.behindOnHours, r.engagementRisk])).toEqual([
      ['Ana Member', 6, true, false],
      ['Ben Member', 0, true, true],
      ['Cy Member', 5.5, true, false],
    ]);

    const stranger = await signIn(t, clinic.people.therapist);
    expect((await stranger.get('/api/v1/caseload')).json<{ items: unknown[] }>().items).toEqual([]);
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get('/api/v1/caseload')).statusCode).toBe(403);
  });
});
