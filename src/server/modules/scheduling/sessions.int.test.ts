import { beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  addEveningBlock,
  admitMember,
  calendarOf,
  noticesOf,
  referredPatient,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York; DST ends on Sunday 1 Nov.
const NOW = '2026-10-28T12:00:00Z';

type Problem = {
  code: string;
  detail?: string;
  errors?: { path: string }[];
  conflicts?: { code: string; userId?: string; patientId?: string }[];
};

let clinic: SchedulingClinic;
let member: EpisodeDto;
beforeEach(async () => {
  t.clock.set(NOW);
  clinic = await schedulingClinic(t);
  await addEveningBlock(clinic, '2026-10-28');
  member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
});

const appointment = (extra: object) => ({
  kind: 'individual',
  patientId: member.patient.id,
  clinicianId: clinic.people.therapist2.id,
  locationId: clinic.location.id,
  date: '2026-11-02',
  start: '16:30',
  durationMinutes: 50,
  roomId: clinic.office.id,
  ...extra,
});

const trackSessionOn = async (date: string) => {
  const [s] = await calendarOf(clinic.director, 'track', clinic.track.id, date, date);
  return s!;
};

describe('calendar', () => {
  it('shows a clinician’s, room’s, program’s, track’s and patient’s sessions on clinic-local dates', async () => {
    const booked = await clinic.director.post('/api/v1/appointments', appointment({}));
    expect(booked.statusCode, booked.body).toBe(201);
    const week = ['2026-11-02', '2026-11-08'] as const;

    const track = await calendarOf(clinic.director, 'track', clinic.track.id, ...week);
    expect(track.map((s) => [s.localDate, s.start, s.end, s.title])).toEqual([
      ['2026-11-02', '18:00', '21:00', 'Evening process group'],
      ['2026-11-04', '18:00', '21:00', 'Evening process group'],
      ['2026-11-05', '18:00', '21:00', 'Evening process group'],
    ]);
    expect(track[0]!.participants).toEqual([
      { patientId: member.patient.id, name: 'Morgan Lee', initials: 'M.L.', mrn: member.patient.mrn },
    ]);
    expect(track[0]!.participantCount).toBe(1);

    const program = await calendarOf(clinic.director, 'program', clinic.program.id, ...week);
    expect(program.map((s) => s.title)).toEqual([
      'Individual therapy',
      'Evening process group',
      'Evening process group',
      'Evening process group',
    ]);
    const lead = await calendarOf(clinic.director, 'clinician', clinic.people.therapist.id, ...week);
    expect(lead.map((s) => s.localDate)).toEqual(['2026-11-02', '2026-11-04', '2026-11-05']);
    const therapist2 = await calendarOf(clinic.director, 'clinician', clinic.people.therapist2.id, ...week);
    expect(therapist2.map((s) => [s.localDate, s.start, s.end, s.kind])).toEqual([
      ['2026-11-02', '16:30', '17:20', 'individual'],
    ]);
    const office = await calendarOf(clinic.director, 'room', clinic.office.id, ...week);
    expect(office.map((s) => s.title)).toEqual(['Individual therapy']);
    const roomA = await calendarOf(clinic.director, 'room', clinic.roomA.id, ...week);
    expect(roomA).toHaveLength(3);
    const patient = await calendarOf(clinic.director, 'patient', member.patient.id, ...week);
    expect(patient.map((s) => s.title)).toEqual([
      'Individual therapy',
      'Evening process group',
      'Evening process group',
      'Evening process group',
    ]);
    // Only that date range: the week before holds just Thursday's group after admission.
    const before = await calendarOf(
      clinic.director,
      'patient',
      member.patient.id,
      '2026-10-26',
      '2026-11-01',
    );
    expect(before.map((s) => s.localDate)).toEqual(['2026-10-29']);
  });

  it('shows at most six weeks and refuses an end before the start', async () => {
    const url = (from: string, to: string) =>
      `/api/v1/calendar?scope=track&id=${clinic.track.id}&from=${from}&to=${to}`;
    const six = await clinic.director.get(url('2026-11-01', '2026-12-12'));
    expect(six.statusCode).toBe(200);
    const tooLong = await clinic.director.get(url('2026-11-01', '2026-12-13'));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'query.to' })]);
    const backwards = await clinic.director.get(url('2026-11-10', '2026-11-01'));
    expect(backwards.statusCode).toBe(400);
    const unknownPatient = await clinic.director.get(
      `/api/v1/calendar?scope=patient&id=${crypto.randomUUID()}&from=2026-11-01&to=2026-11-07`,
    );
    expect(unknownPatient.statusCode).toBe(404);
  });

  it('reads one session with its staff and participants; an unknown id is 404', async () => {
    const monday = await trackSessionOn('2026-11-02');
    const desk = await signIn(t, clinic.people.frontDesk);
    const res = await desk.get(`/api/v1/sessions/${monday.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json<SessionDto>()).toMatchObject({
      id: monday.id,
      title: 'Evening process group',
      localDate: '2026-11-02',
      start: '18:00',
      startsAt: '2026-11-02T23:00:00.000Z',
      room: { name: 'Group Room A' },
      staff: [{ name: 'Theo Therapist', role: 'lead' }],
      participants: [{ name: 'Morgan Lee' }],
      maxSize: 12,
    });
    expect((await desk.get(`/api/v1/sessions/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('group sessions', () => {
  const groupBody = (extra: object = {}) => ({
    trackId: clinic.track.id,
    origin: 'make_up',
    title: 'Make-up process group',
    groupKind: 'process',
    date: '2026-11-03',
    start: '18:00',
    end: '21:00',
    facilitatorId: clinic.people.therapist2.id,
    roomId: clinic.roomA.id,
    ...extra,
  });

  it('a make-up group seats the track’s members; a one-off seats only those named', async () => {
    const makeUp = await clinic.director.post('/api/v1/sessions', groupBody());
    expect(makeUp.statusCode, makeUp.body).toBe(201);
    expect(makeUp.json<SessionDto>()).toMatchObject({
      kind: 'group',
      origin: 'make_up',
      track: { id: clinic.track.id, name: 'Evening' },
      program: { id: clinic.program.id },
      localDate: '2026-11-03',
      start: '18:00',
      staff: [{ userId: clinic.people.therapist2.id, role: 'lead' }],
      participants: [{ patientId: member.patient.id }],
    });

    const visitor = await referredPatient(clinic, { givenName: 'Jordan', familyName: 'Avery' });
    const oneOff = await clinic.director.post(
      '/api/v1/sessions',
      groupBody({
        origin: 'one_off',
        title: 'Family education night',
        groupKind: 'multi_family',
        date: '2026-11-06',
        addTrackMembers: false,
        patientIds: [visitor.id],
        coFacilitatorId: clinic.people.therapist.id,
      }),
    );
    expect(oneOff.statusCode, oneOff.body).toBe(201);
    expect(oneOff.json<SessionDto>()).toMatchObject({
      origin: 'one_off',
      participantCount: 1,
      participants: [{ patientId: visitor.id, name: 'Jordan Avery' }],
      staff: [
        { userId: clinic.people.therapist2.id, role: 'lead' },
        { userId: clinic.people.therapist.id, role: 'co' },
      ],
    });

    // The member now has the make-up group in their week.
    const week = await calendarOf(clinic.director, 'patient', member.patient.id, '2026-11-02', '2026-11-08');
    expect(week.map((s) => [s.localDate, s.title])).toContainEqual(['2026-11-03', 'Make-up process group']);
  });

  it('refuses seating beyond the group’s size with group_full, and keeps the seats as they were', async () => {
    const small = await clinic.director.post('/api/v1/sessions', groupBody({ maxSize: 1 }));
    expect(small.statusCode, small.body).toBe(201);
    const id = small.json<SessionDto>().id;
    const extra = await referredPatient(clinic, { givenName: 'Jordan', familyName: 'Avery' });
    const full = await clinic.director.post(`/api/v1/sessions/${id}/participants`, {
      patientIds: [extra.id],
    });
    expect(full.statusCode).toBe(409);
    expect(full.json<Problem>()).toMatchObject({ code: 'schedule_conflict' });
    expect(full.json<Problem>().conflicts?.map((c) => c.code)).toContain('group_full');
    expect(full.body).not.toContain('Jordan');
    const after = (await clinic.director.get(`/api/v1/sessions/${id}`)).json<SessionDto>();
    expect(after.participants.map((p) => p.patientId)).toEqual([member.patient.id]);

    const roomy = await clinic.director.post(
      '/api/v1/sessions',
      groupBody({ date: '2026-11-10', maxSize: 2 }),
    );
    const seated = await clinic.director.post(
      `/api/v1/sessions/${roomy.json<SessionDto>().id}/participants`,
      {
        patientIds: [extra.id],
      },
    );
    expect(seated.statusCode, seated.body).toBe(200);
    expect(seated.json<SessionDto>().participantCount).toBe(2);
  });

  it('a supervised clinician cannot lead a one-off group, and the lead cannot be double-booked', async () => {
    await clinic.director.put(`/api/v1/staff/${clinic.people.trainee.id}/scheduling`, {
      credentials: 'LMSW',
      supervisorId: clinic.people.therapist.id,
      availability: [],
    });
    const trainee = await clinic.director.post(
      '/api/v1/sessions',
      groupBody({ facilitatorId: clinic.people.trainee.id, addTrackMembers: false }),
    );
    expect(trainee.statusCode).toBe(409);
    expect(trainee.json<Problem>().conflicts?.map((c) => c.code)).toEqual(['credential']);

    const busy = await clinic.director.post(
      '/api/v1/sessions',
      groupBody({
        date: '2026-11-02',
        facilitatorId: clinic.people.therapist.id,
        roomId: clinic.office.id,
        addTrackMembers: false,
      }),
    );
    expect(busy.statusCode).toBe(409);
    expect(busy.json<Problem>().conflicts?.map((c) => c.code)).toContain('clinician_double_booked');
  });
});

describe('appointments', () => {
  it('books one appointment for the patient, clinician and room', async () => {
    const res = await clinic.director.post('/api/v1/appointments', appointment({}));
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json<{ items: SessionDto[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'individual',
      origin: 'appointment',
      title: 'Individual therapy',
      localDate: '2026-11-02',
      start: '16:30',
      end: '17:20',
      seriesId: null,
      room: { id: clinic.office.id },
      program: { id: clinic.program.id },
      staff: [{ userId: clinic.people.therapist2.id, role: 'lead' }],
      participants: [{ patientId: member.patient.id }],
    });
  });

  it('books a weekly series in one action, keeping the clinic-local time across the DST change', async () => {
    const patient = await referredPatient(clinic, { givenName: 'Jordan', familyName: 'Avery' });
    const res = await clinic.director.post(
      '/api/v1/appointments',
      appointment({ patientId: patient.id, date: '2026-10-30', start: '10:00', repeatWeeks: 4 }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const items = res.json<{ items: SessionDto[] }>().items;
    expect(items.map((s) => [s.localDate, s.start, s.startsAt])).toEqual([
      ['2026-10-30', '10:00', '2026-10-30T14:00:00.000Z'],
      ['2026-11-06', '10:00', '2026-11-06T15:00:00.000Z'],
      ['2026-11-13', '10:00', '2026-11-13T15:00:00.000Z'],
      ['2026-11-20', '10:00', '2026-11-20T15:00:00.000Z'],
    ]);
    const seriesIds = new Set(items.map((s) => s.seriesId));
    expect(seriesIds.size).toBe(1);
    expect([...seriesIds][0]).toEqual(expect.any(String));
    const series = await t.deps.database.db
      .selectFrom('session_series')
      .select(['rrule'])
      .where('id', '=', items[0]!.seriesId!)
      .execute();
    expect(series).toHaveLength(1);
    expect(series[0]!.rrule).toContain('FREQ=WEEKLY');
    expect(items[0]!.program).toBeNull();
  });

  it('medication management must be led by a prescriber', async () => {
    const body = appointment({
      kind: 'medication_management',
      date: '2026-11-03',
      start: '10:00',
      durationMinutes: 30,
    });
    const res = await clinic.director.post('/api/v1/appointments', body);
    expect(res.statusCode).toBe(409);
    expect(res.json<Problem>().conflicts).toEqual([
      expect.objectContaining({ code: 'credential', userId: clinic.people.therapist2.id }),
    ]);
    expect(res.json<Problem>().detail).toContain('must be led by a prescriber');
    const prescribed = await clinic.director.post('/api/v1/appointments', {
      ...body,
      clinicianId: clinic.people.prescriber.id,
      intensityOverrideReason: 'Thirty-minute medication check on a non-group day.',
    });
    expect(prescribed.statusCode, prescribed.body).toBe(201);
  });

  it('refuses a room already in use, and a patient already in their own group', async () => {
    const first = await clinic.director.post('/api/v1/appointments', appointment({}));
    expect(first.statusCode).toBe(201);
    const other = await referredPatient(clinic, { givenName: 'Jordan', familyName: 'Avery' });
    const room = await clinic.director.post(
      '/api/v1/appointments',
      appointment({ patientId: other.id, clinicianId: clinic.people.prescriber.id, start: '17:00' }),
    );
    expect(room.statusCode).toBe(409);
    expect(room.json<Problem>().conflicts?.map((c) => c.code)).toEqual(['room_double_booked']);
    expect(room.json<Problem>().detail).toContain('Office 1');

    const clash = await clinic.director.post('/api/v1/appointments', appointment({ start: '18:30' }));
    expect(clash.statusCode).toBe(409);
    expect(clash.json<Problem>().conflicts).toEqual([
      expect.objectContaining({ code: 'patient_double_booked', patientId: member.patient.id }),
    ]);
    expect(clash.body).not.toContain('Morgan');
    const therapist2 = await calendarOf(
      clinic.director,
      'clinician',
      clinic.people.therapist2.id,
      '2026-11-02',
      '2026-11-02',
    );
    expect(therapist2).toHaveLength(1);
  });
});

describe('moving and cancelling', () => {
  it('moves a group with a reason, shows the new time and leaves members a notice', async () => {
    const monday = await trackSessionOn('2026-11-09');
    const reason = 'Room A is being painted on Monday';
    const res = await clinic.director.post(`/api/v1/sessions/${monday.id}/move`, {
      date: '2026-11-10',
      start: '18:00',
      end: '21:00',
      reason,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SessionDto>()).toMatchObject({
      id: monday.id,
      localDate: '2026-11-10',
      start: '18:00',
      end: '21:00',
      startsAt: '2026-11-10T23:00:00.000Z',
      status: 'scheduled',
      statusReason: reason,
    });
    const week = await calendarOf(clinic.director, 'patient', member.patient.id, '2026-11-09', '2026-11-15');
    expect(week.map((s) => s.localDate)).toEqual(['2026-11-10', '2026-11-11', '2026-11-12']);
    expect(await noticesOf(t, member.patient.id)).toEqual([
      {
        session_id: monday.id,
        kind: 'session_moved',
        message: `Evening process group on 2026-11-09 moved to 2026-11-10 18:00–21:00: ${reason}`,
      },
    ]);
  });

  it('a move that leaves a member’s week below the program rule needs a reason, which is kept', async () => {
    const wednesday = await trackSessionOn('2026-11-11');
    const body = { date: '2026-11-11', start: '19:00', end: '21:00', reason: 'Facilitator delayed' };
    const refused = await clinic.director.post(`/api/v1/sessions/${wednesday.id}/move`, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'intensity_shortfall',
      intensity: { weekOf: '2026-11-09', ok: false, hoursPerWeek: 8 },
    });
    const unchanged = (await clinic.director.get(`/api/v1/sessions/${wednesday.id}`)).json<SessionDto>();
    expect(unchanged.start).toBe('18:00');
    expect(await noticesOf(t, member.patient.id)).toEqual([]);

    const saved = await clinic.director.post(`/api/v1/sessions/${wednesday.id}/move`, {
      ...body,
      intensityOverrideReason: 'One short evening; made up the following week.',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<SessionDto>().start).toBe('19:00');
    const overrides = await t.deps.database.db
      .selectFrom('intensity_overrides')
      .select(['week_of', 'reason'])
      .where('episode_id', '=', member.id)
      .execute();
    expect(overrides).toEqual([
      { week_of: '2026-11-09', reason: 'One short evening; made up the following week.' },
    ]);
  });

  it('cancels with a reason and notices; a cancelled session cannot be cancelled again or moved', async () => {
    const wednesday = await trackSessionOn('2026-11-04');
    const desk = await signIn(t, clinic.people.frontDesk);
    const res = await desk.post(`/api/v1/sessions/${wednesday.id}/cancel`, { reason: 'Facilitator ill' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SessionDto>()).toMatchObject({ status: 'cancelled', statusReason: 'Facilitator ill' });
    expect(await noticesOf(t, member.patient.id)).toEqual([
      {
        session_id: wednesday.id,
        kind: 'session_cancelled',
        message: 'Evening process group on 2026-11-04 is cancelled: Facilitator ill',
      },
    ]);
    const again = await desk.post(`/api/v1/sessions/${wednesday.id}/cancel`, { reason: 'Facilitator ill' });
    expect(again.statusCode).toBe(409);
    const move = await desk.post(`/api/v1/sessions/${wednesday.id}/move`, {
      date: '2026-11-06',
      start: '18:00',
      end: '21:00',
      reason: 'Rebook',
    });
    expect(move.statusCode).toBe(409);
    const live = await calendarOf(
      clinic.director,
      'track',
      clinic.track.id,
      '2026-11-02',
      '2026-11-08',
      false,
    );
    expect(live.map((s) => s.localDate)).toEqual(['2026-11-02', '2026-11-05']);
    expect(await noticesOf(t, member.patient.id)).toHaveLength(1);
  });

  it('refuses a reason that is too short', async () => {
    const wednesday = await trackSessionOn('2026-11-04');
    const res = await clinic.director.post(`/api/v1/sessions/${wednesday.id}/cancel`, { reason: 'x' });
    expect(res.statusCode).toBe(400);
    expect(res.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'reason' })]);
  });
});

describe('closures', () => {
  it('closing a day cancels its sessions with notice; a second closure of that day is refused', async () => {
    const thursday = await trackSessionOn('2026-11-05');
    const clinician = await signIn(t, clinic.people.therapist);
    const body = { locationId: clinic.location.id, date: '2026-11-05', reason: 'Building maintenance' };
    expect((await clinician.post('/api/v1/closures', body)).statusCode).toBe(403);

    const res = await clinic.director.post('/api/v1/closures', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      date: '2026-11-05',
      reason: 'Building maintenance',
      cancelledSessions: 1,
    });
    const after = (await clinic.director.get(`/api/v1/sessions/${thursday.id}`)).json<SessionDto>();
    expect(after).toMatchObject({ status: 'cancelled', statusReason: 'Closed: Building maintenance' });
    expect(await noticesOf(t, member.patient.id)).toEqual([
      {
        session_id: thursday.id,
        kind: 'session_cancelled',
        message: 'Evening process group on 2026-11-05 is cancelled: Closed: Building maintenance',
      },
    ]);

    const again = await clinic.director.post('/api/v1/closures', { ...body, reason: 'Still closed' });
    expect(again.statusCode).toBe(409);

    const list = await clinician.get('/api/v1/closures?from=2026-11-01');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      items: [
        {
          id: res.json<{ id: string }>().id,
          locationId: clinic.location.id,
          date: '2026-11-05',
          reason: 'Building maintenance',
          cancelledSessions: 1,
        },
      ],
    });
    expect((await clinician.get('/api/v1/closures?from=2026-11-06')).json()).toEqual({ items: [] });

    // No appointment can be booked on a closed day.
    const closed = await clinic.director.post(
      '/api/v1/appointments',
      appointment({ date: '2026-11-05', start: '10:00' }),
    );
    expect(closed.statusCode).toBe(400);
  });
});

describe('audit of schedule reads', () => {
  it('a calendar with participants, a session and a patient’s week are recorded with the patients read', async () => {
    const db = t.deps.database.db;
    await calendarOf(clinic.director, 'track', clinic.track.id, '2026-11-02', '2026-11-08');
    const monday = await trackSessionOn('2026-11-02');
    await clinic.director.get(`/api/v1/sessions/${monday.id}`);
    await clinic.director.get(`/api/v1/patients/${member.patient.id}/week?week=2026-11-02`);
    const events = await db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'resource_id', 'patient_id', 'details'])
      .where('organization_id', '=', clinic.organization.id)
      .where('actor_user_id', '=', clinic.people.director.id)
      .where('action', '=', 'read')
      .execute();
    const sessionReads = events.filter((e) => e.resource_type === 'Session');
    expect(sessionReads.length).toBeGreaterThanOrEqual(3);
    for (const e of sessionReads) {
      expect(e.patient_id).toBe(member.patient.id);
      expect((e.details as { patientIds: string[] }).patientIds).toEqual([member.patient.id]);
    }
    expect(sessionReads.map((e) => e.resource_id)).toContain(monday.id);
    const week = events.filter((e) => e.resource_type === 'Schedule');
    expect(week).toEqual([expect.objectContaining({ patient_id: member.patient.id })]);
  });

  it('a calendar with no patients in it records nothing', async () => {
    const db = t.deps.database.db;
    const count = async () =>
      (
        await db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('organization_id', '=', clinic.organization.id)
          .where('action', '=', 'read')
          .where('resource_type', '=', 'Session')
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    await calendarOf(clinic.director, 'room', clinic.office.id, '2026-11-02', '2026-11-08');
    expect(await count()).toBe(before);
  });
});
