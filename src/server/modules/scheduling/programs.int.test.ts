import { beforeEach, describe, expect, it } from 'vitest';
import type { ProgramDto, StaffDto, TrackDto } from '../../../contracts/scheduling.js';
import { createOrganization, signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  ADULT_RULE,
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

type Problem = { code: string; detail?: string; errors?: { path: string }[]; conflicts?: { code: string }[] };

const programBody = (clinic: SchedulingClinic, extra: object = {}) => ({
  locationId: clinic.location.id,
  name: 'Adult Substance Use IOP',
  levelOfCare: 'iop',
  minAge: 18,
  maxAge: null,
  capacity: 24,
  delivery: 'in_person',
  substanceUse: true,
  intensity: ADULT_RULE,
  ...extra,
});

const blockBody = (clinic: SchedulingClinic, extra: object = {}) => ({
  title: 'Morning skills',
  groupKind: 'skills',
  weekdays: ['TU'],
  start: '10:00',
  end: '12:00',
  facilitatorId: clinic.people.therapist2.id,
  roomId: clinic.roomA.id,
  activeFrom: '2026-10-28',
  ...extra,
});

let clinic: SchedulingClinic;
beforeEach(async () => {
  t.clock.set(NOW);
  clinic = await schedulingClinic(t);
});

describe('programs', () => {
  it('lists, reads and changes a program, keeping its intensity rule and tracks', async () => {
    const list = await clinic.director.get('/api/v1/programs');
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: ProgramDto[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      id: clinic.program.id,
      name: 'Adult Mental Health IOP',
      active: true,
      activeEpisodes: 0,
      intensity: ADULT_RULE,
      tracks: [{ name: 'Evening', memberCount: 0, blocks: [], curriculum: [] }],
    });

    // Any staff member may read the programs (the front desk books into them).
    const desk = await signIn(t, clinic.people.frontDesk);
    const one = await desk.get(`/api/v1/programs/${clinic.program.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<ProgramDto>().name).toBe('Adult Mental Health IOP');

    const patched = await clinic.director.patch(`/api/v1/programs/${clinic.program.id}`, {
      name: 'Adult IOP',
      capacity: 30,
      intensity: { ...ADULT_RULE, minHoursPerWeek: 10 },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<ProgramDto>()).toMatchObject({
      name: 'Adult IOP',
      capacity: 30,
      minAge: 18,
      intensity: { minHoursPerWeek: 10, maxHoursPerWeek: 19 },
    });
    const reread = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(reread).toMatchObject({ name: 'Adult IOP', capacity: 30, intensity: { minHoursPerWeek: 10 } });

    const closed = await clinic.director.patch(`/api/v1/programs/${clinic.program.id}`, { active: false });
    expect(closed.json<ProgramDto>().active).toBe(false);

    expect((await clinic.director.get(`/api/v1/programs/${crypto.randomUUID()}`)).statusCode).toBe(404);
  });

  it('refuses an intensity rule whose maximum is below its minimum, naming the field', async () => {
    const created = await clinic.director.post(
      '/api/v1/programs',
      programBody(clinic, { intensity: { ...ADULT_RULE, minHoursPerWeek: 9, maxHoursPerWeek: 6 } }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json<Problem>()).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'intensity.maxHoursPerWeek' })],
    });

    const patched = await clinic.director.patch(`/api/v1/programs/${clinic.program.id}`, {
      intensity: { ...ADULT_RULE, minHoursPerDay: 3, maxHoursPerDay: 2 },
    });
    expect(patched.statusCode).toBe(400);
    expect(patched.json<Problem>().errors).toEqual([
      expect.objectContaining({ path: 'intensity.maxHoursPerDay' }),
    ]);

    // An age range checked against what is stored: maxAge below the stored minAge.
    const ages = await clinic.director.patch(`/api/v1/programs/${clinic.program.id}`, { maxAge: 16 });
    expect(ages.statusCode).toBe(400);
    expect(ages.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'maxAge' })]);

    const unchanged = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(unchanged).toMatchObject({ maxAge: null, intensity: ADULT_RULE });
  });

  it('refuses a second program with the same name (any case), on create and on rename', async () => {
    const dup = await clinic.director.post(
      '/api/v1/programs',
      programBody(clinic, { name: 'adult mental health iop' }),
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'name' })]);

    const other = await clinic.director.post('/api/v1/programs', programBody(clinic));
    expect(other.statusCode).toBe(201);
    const rename = await clinic.director.patch(`/api/v1/programs/${other.json<ProgramDto>().id}`, {
      name: 'Adult Mental Health IOP',
    });
    expect(rename.statusCode).toBe(409);
    expect(
      (await clinic.director.get('/api/v1/programs')).json<{ items: ProgramDto[] }>().items,
    ).toHaveLength(2);
  });

  it('is set up by program directors and administrators only', async () => {
    const clinician = await signIn(t, clinic.people.therapist);
    expect((await clinician.post('/api/v1/programs', programBody(clinic))).statusCode).toBe(403);
    expect((await clinician.patch(`/api/v1/programs/${clinic.program.id}`, { capacity: 1 })).statusCode).toBe(
      403,
    );
    expect(
      (await clinician.post(`/api/v1/programs/${clinic.program.id}/tracks`, { name: 'Weekend' })).statusCode,
    ).toBe(403);
    expect(
      (await clinician.post(`/api/v1/tracks/${clinic.track.id}/blocks`, blockBody(clinic))).statusCode,
    ).toBe(403);

    const admin = await signIn(t, clinic.admin);
    const created = await admin.post('/api/v1/programs', programBody(clinic));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<ProgramDto>()).toMatchObject({ name: 'Adult Substance Use IOP', substanceUse: true });
    const program = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(program.capacity).toBe(40);
  });
});

describe('tracks and group blocks', () => {
  it('adds a track; a second track of the same name in the program is refused', async () => {
    const res = await clinic.director.post(`/api/v1/programs/${clinic.program.id}/tracks`, {
      name: 'Daytime',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<TrackDto>()).toMatchObject({
      programId: clinic.program.id,
      name: 'Daytime',
      active: true,
      memberCount: 0,
      blocks: [],
      curriculum: [],
    });
    const dup = await clinic.director.post(`/api/v1/programs/${clinic.program.id}/tracks`, {
      name: 'evening',
    });
    expect(dup.statusCode).toBe(409);
    const program = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(program.tracks.map((tr) => tr.name).sort()).toEqual(['Daytime', 'Evening']);
  });

  it('a block generates eight weeks of sessions at the same clinic-local time across the DST change', async () => {
    const track = await addEveningBlock(clinic, '2026-10-28');
    expect(track.blocks).toEqual([
      expect.objectContaining({
        title: 'Evening process group',
        weekdays: ['MO', 'WE', 'TH'],
        start: '18:00',
        end: '21:00',
        facilitator: { id: clinic.people.therapist.id, name: 'Theo Therapist' },
        coFacilitator: null,
        room: { id: clinic.roomA.id, name: 'Group Room A' },
        maxSize: 12,
        activeFrom: '2026-10-28',
        activeUntil: null,
      }),
    ]);
    const sessions = await t.deps.database.db
      .selectFrom('sessions')
      .select(['local_date', 'starts_at'])
      .where('track_id', '=', clinic.track.id)
      .orderBy('starts_at')
      .execute();
    // Wed 28 Oct through Wed 23 Dec (today + 56 days), Mondays, Wednesdays and Thursdays.
    expect(sessions).toHaveLength(25);
    expect(sessions[0]!.local_date).toBe('2026-10-28');
    expect(sessions.at(-1)!.local_date).toBe('2026-12-23');
    expect(sessions[0]!.starts_at.toISOString()).toBe('2026-10-28T22:00:00.000Z');
    expect(sessions[2]!.starts_at.toISOString()).toBe('2026-11-02T23:00:00.000Z');

    const week = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-26', '2026-11-08');
    expect(week.map((s) => [s.localDate, s.start, s.end])).toEqual([
      ['2026-10-28', '18:00', '21:00'],
      ['2026-10-29', '18:00', '21:00'],
      ['2026-11-02', '18:00', '21:00'],
      ['2026-11-04', '18:00', '21:00'],
      ['2026-11-05', '18:00', '21:00'],
    ]);
    expect(week[0]).toMatchObject({
      kind: 'group',
      origin: 'track',
      groupKind: 'process',
      status: 'scheduled',
      program: { id: clinic.program.id },
      track: { id: clinic.track.id, name: 'Evening' },
      staff: [{ userId: clinic.people.therapist.id, name: 'Theo Therapist', role: 'lead' }],
    });
  });

  it('refuses a block whose facilitator is already running another group then, and saves nothing', async () => {
    await addEveningBlock(clinic, '2026-10-28');
    const day = (
      await clinic.director.post(`/api/v1/programs/${clinic.program.id}/tracks`, { name: 'Late' })
    ).json<TrackDto>();
    const res = await clinic.director.post(
      `/api/v1/tracks/${day.id}/blocks`,
      blockBody(clinic, {
        title: 'Late relapse prevention',
        weekdays: ['TH'],
        start: '20:00',
        end: '21:30',
        facilitatorId: clinic.people.therapist.id,
        roomId: clinic.office.id,
      }),
    );
    expect(res.statusCode).toBe(409);
    const problem = res.json<Problem & { conflicts: { code: string; userId?: string }[] }>();
    expect(problem.code).toBe('schedule_conflict');
    expect(problem.conflicts.length).toBeGreaterThan(0);
    expect(problem.conflicts[0]).toMatchObject({
      code: 'clinician_double_booked',
      userId: clinic.people.therapist.id,
    });
    expect(problem.detail).toContain('Theo Therapist');
    const after = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(after.tracks.find((tr) => tr.id === day.id)!.blocks).toEqual([]);
    expect(await calendarOf(clinic.director, 'track', day.id, '2026-10-28', '2026-12-01')).toEqual([]);
  });

  it('a supervised clinician may co-facilitate a group but not lead one', async () => {
    const supervised = await clinic.director.put(`/api/v1/staff/${clinic.people.trainee.id}/scheduling`, {
      credentials: 'LMSW',
      supervisorId: clinic.people.therapist.id,
      availability: [],
    });
    expect(supervised.statusCode, supervised.body).toBe(200);
    expect(supervised.json<StaffDto>()).toMatchObject({
      licensed: false,
      supervisor: { id: clinic.people.therapist.id, name: 'Theo Therapist' },
    });

    const lead = await clinic.director.post(
      `/api/v1/tracks/${clinic.track.id}/blocks`,
      blockBody(clinic, { facilitatorId: clinic.people.trainee.id }),
    );
    expect(lead.statusCode).toBe(409);
    const conflicts = lead.json<Problem & { conflicts: { code: string; userId?: string }[] }>().conflicts;
    expect(conflicts[0]).toMatchObject({ code: 'credential', userId: clinic.people.trainee.id });
    expect(lead.json<Problem>().detail).toContain('may co-facilitate but not lead');

    const co = await clinic.director.post(
      `/api/v1/tracks/${clinic.track.id}/blocks`,
      blockBody(clinic, { coFacilitatorId: clinic.people.trainee.id }),
    );
    expect(co.statusCode, co.body).toBe(201);
    expect(co.json<TrackDto>().blocks[0]!.coFacilitator).toEqual({
      id: clinic.people.trainee.id,
      name: 'Riley Resident',
    });
    const [first] = await calendarOf(
      clinic.director,
      'clinician',
      clinic.people.trainee.id,
      '2026-10-28',
      '2026-11-08',
    );
    expect(first!.staff).toEqual([
      expect.objectContaining({ userId: clinic.people.therapist2.id, role: 'lead' }),
      expect.objectContaining({ userId: clinic.people.trainee.id, role: 'co' }),
    ]);
  });

  it('refuses a room at another location, and another organization’s room is not found', async () => {
    const admin = await signIn(t, clinic.admin);
    const annex = await admin.post('/api/v1/locations', { name: 'Annex', timeZone: 'America/New_York' });
    expect(annex.statusCode, annex.body).toBe(201);
    const annexRoom = await admin.post(`/api/v1/locations/${annex.json<{ id: string }>().id}/rooms`, {
      name: 'Annex room',
      capacity: 10,
    });
    expect(annexRoom.statusCode, annexRoom.body).toBe(201);
    const elsewhere = await clinic.director.post(
      `/api/v1/tracks/${clinic.track.id}/blocks`,
      blockBody(clinic, { roomId: annexRoom.json<{ id: string }>().id }),
    );
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'roomId' })]);

    const other = await createOrganization(t);
    const foreign = await t.deps.organizations.provisionRoom(other.organization.id, other.location.id, {
      name: 'Their room',
      capacity: 10,
      telehealth: false,
    });
    const res = await clinic.director.post(
      `/api/v1/tracks/${clinic.track.id}/blocks`,
      blockBody(clinic, { roomId: foreign.id }),
    );
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Their room');
    const track = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>()
      .tracks[0]!;
    expect(track.blocks).toEqual([]);
  });

  it('ending a block cancels its later sessions with the reason and leaves each member a notice', async () => {
    const track = await addEveningBlock(clinic, '2026-10-28');
    const blockId = track.blocks[0]!.id;
    const member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');

    const early = await clinic.director.post(`/api/v1/group-blocks/${blockId}/end`, {
      lastDate: '2026-10-01',
      reason: 'Schedule change',
    });
    expect(early.statusCode).toBe(400);

    const reason = 'Evening group merges into the daytime track';
    const res = await clinic.director.post(`/api/v1/group-blocks/${blockId}/end`, {
      lastDate: '2026-11-15',
      reason,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<TrackDto>().blocks[0]!.activeUntil).toBe('2026-11-15');

    const sessions = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-11-09', '2026-11-22');
    expect(sessions.map((s) => [s.localDate, s.status, s.statusReason])).toEqual([
      ['2026-11-09', 'scheduled', null],
      ['2026-11-11', 'scheduled', null],
      ['2026-11-12', 'scheduled', null],
      ['2026-11-16', 'cancelled', reason],
      ['2026-11-18', 'cancelled', reason],
      ['2026-11-19', 'cancelled', reason],
    ]);
    const stillOn = await calendarOf(
      clinic.director,
      'track',
      clinic.track.id,
      '2026-11-16',
      '2026-12-23',
      false,
    );
    expect(stillOn).toEqual([]);

    const notices = await noticesOf(t, member.patient.id);
    // Mon/Wed/Thu from 16 Nov through 23 Dec: 17 sessions cancelled.
    expect(notices).toHaveLength(17);
    expect(notices.every((n) => n.kind === 'session_cancelled')).toBe(true);
    expect(notices.map((n) => n.message)).toContain(
      `Evening process group on 2026-11-16 is cancelled: ${reason}`,
    );

    // Generating further does not bring the ended block back.
    const more = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/generate`, {
      through: '2027-01-31',
    });
    expect(more.json<{ created: number }>().created).toBe(0);
  });
});

describe('curriculum', () => {
  async function addModule(title: string) {
    const res = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/curriculum`, {
      title,
      kind: 'skills',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<TrackDto>().curriculum.find((m) => m.title === title)!;
  }

  it('adds modules in order, reorders them only when every module is listed once, and cycles sessions through them', async () => {
    const a = await addModule('Distress tolerance');
    const b = await addModule('Emotion regulation');
    const c = await addModule('Interpersonal effectiveness');
    const program = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(program.tracks[0]!.curriculum.map((m) => [m.position, m.title])).toEqual([
      [0, 'Distress tolerance'],
      [1, 'Emotion regulation'],
      [2, 'Interpersonal effectiveness'],
    ]);

    const order = `/api/v1/tracks/${clinic.track.id}/curriculum/order`;
    const missing = await clinic.director.put(order, { moduleIds: [c.id, a.id] });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'moduleIds' })]);
    expect((await clinic.director.put(order, { moduleIds: [c.id, a.id, a.id] })).statusCode).toBe(400);
    expect(
      (await clinic.director.put(order, { moduleIds: [c.id, a.id, crypto.randomUUID()] })).statusCode,
    ).toBe(400);

    const reordered = await clinic.director.put(order, { moduleIds: [c.id, a.id, b.id] });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json<TrackDto>().curriculum.map((m) => m.title)).toEqual([
      'Interpersonal effectiveness',
      'Distress tolerance',
      'Emotion regulation',
    ]);

    const clinician = await signIn(t, clinic.people.therapist);
    expect((await clinician.put(order, { moduleIds: [a.id, b.id, c.id] })).statusCode).toBe(403);

    await clinic.director.post(
      `/api/v1/tracks/${clinic.track.id}/blocks`,
      blockBody(clinic, { usesCurriculum: true }),
    );
    const skills = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-10-28', '2026-12-06');
    expect(skills.map((s) => [s.localDate, s.curriculumModule?.title])).toEqual([
      ['2026-11-03', 'Interpersonal effectiveness'],
      ['2026-11-10', 'Distress tolerance'],
      ['2026-11-17', 'Emotion regulation'],
      ['2026-11-24', 'Interpersonal effectiveness'],
      ['2026-12-01', 'Distress tolerance'],
    ]);

    // Later generation continues the cycle where the calendar left off.
    const gen = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/generate`, {
      through: '2027-01-05',
    });
    expect(gen.json<{ created: number }>().created).toBe(2);
    const later = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-12-20', '2027-01-05');
    expect(later.map((s) => [s.localDate, s.curriculumModule?.title])).toEqual([
      ['2026-12-22', 'Distress tolerance'],
      ['2026-12-29', 'Emotion regulation'],
      ['2027-01-05', 'Interpersonal effectiveness'],
    ]);
  });
});

describe('generating a track’s sessions', () => {
  it('fills through a date once, skips closed days, and goes at most a year ahead', async () => {
    await addEveningBlock(clinic, '2026-10-28');
    const closure = await clinic.director.post('/api/v1/closures', {
      locationId: clinic.location.id,
      date: '2027-01-04',
      reason: 'Staff development day',
    });
    expect(closure.statusCode, closure.body).toBe(201);

    const url = `/api/v1/tracks/${clinic.track.id}/generate`;
    const first = await clinic.director.post(url, { through: '2027-01-31' });
    expect(first.statusCode, first.body).toBe(200);
    // Thu 24 Dec, then Mon/Wed/Thu 28 Dec – 28 Jan less the closed Monday 4 Jan.
    expect(first.json()).toEqual({ created: 15, through: '2027-01-31', skipped: [] });
    const again = await clinic.director.post(url, { through: '2027-01-31' });
    expect(again.json()).toMatchObject({ created: 0 });

    const january = await calendarOf(clinic.director, 'track', clinic.track.id, '2027-01-01', '2027-01-10');
    expect(january.map((s) => [s.localDate, s.start])).toEqual([
      ['2027-01-06', '18:00'],
      ['2027-01-07', '18:00'],
    ]);

    const tooFar = await clinic.director.post(url, { through: '2027-11-15' });
    expect(tooFar.statusCode).toBe(400);
    expect(tooFar.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'through' })]);

    const clinician = await signIn(t, clinic.people.therapist);
    expect((await clinician.post(url, { through: '2027-02-28' })).statusCode).toBe(403);
  });
});

describe('staff scheduling profiles', () => {
  it('lists clinical staff with whether they are licensed, and sets credentials, supervisor and availability', async () => {
    const res = await clinic.director.get('/api/v1/staff');
    expect(res.statusCode).toBe(200);
    const staff = res.json<{ items: StaffDto[] }>().items;
    const byName = new Map(staff.map((s) => [s.name, s]));
    expect(byName.get('Theo Therapist')).toMatchObject({
      licensed: true,
      supervisor: null,
      availability: [],
    });
    expect(byName.get('Dr. Priya Prescriber')).toMatchObject({ licensed: true, roles: ['prescriber'] });
    expect(byName.get('Ivy Intake')).toMatchObject({ licensed: false });
    expect(byName.has('Frankie Desk')).toBe(false);

    const url = `/api/v1/staff/${clinic.people.trainee.id}/scheduling`;
    const set = await clinic.director.put(url, {
      credentials: ' LMSW ',
      supervisorId: clinic.people.therapist.id,
      availability: [
        { weekday: 'MO', start: '09:00', end: '17:00' },
        { weekday: 'TU', start: '12:00', end: '20:00' },
      ],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<StaffDto>()).toMatchObject({
      id: clinic.people.trainee.id,
      credentials: 'LMSW',
      licensed: false,
      supervisor: { name: 'Theo Therapist' },
      availability: [
        { weekday: 'MO', start: '09:00', end: '17:00' },
        { weekday: 'TU', start: '12:00', end: '20:00' },
      ],
    });
    const listed = (await clinic.director.get('/api/v1/staff')).json<{ items: StaffDto[] }>().items;
    expect(listed.find((s) => s.id === clinic.people.trainee.id)).toMatchObject({ licensed: false });

    // An unlicensed supervisor, or oneself, is refused; so is a clinician editing profiles.
    const bySupervisee = await clinic.director.put(
      `/api/v1/staff/${clinic.people.therapist2.id}/scheduling`,
      {
        credentials: null,
        supervisorId: clinic.people.trainee.id,
        availability: [],
      },
    );
    expect(bySupervisee.statusCode).toBe(400);
    expect(bySupervisee.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'supervisorId' })]);
    const self = await clinic.director.put(url, {
      credentials: null,
      supervisorId: clinic.people.trainee.id,
      availability: [],
    });
    expect(self.statusCode).toBe(400);
    const clinician = await signIn(t, clinic.people.therapist);
    expect(
      (await clinician.put(url, { credentials: null, supervisorId: null, availability: [] })).statusCode,
    ).toBe(403);
    const backwards = await clinic.director.put(url, {
      credentials: null,
      supervisorId: null,
      availability: [{ weekday: 'MO', start: '17:00', end: '09:00' }],
    });
    expect(backwards.statusCode).toBe(400);
  });

  it('enforces availability when booking: outside the hours → 409 outside_availability', async () => {
    const set = await clinic.director.put(`/api/v1/staff/${clinic.people.therapist2.id}/scheduling`, {
      credentials: 'LCSW',
      supervisorId: null,
      availability: [{ weekday: 'MO', start: '09:00', end: '17:00' }],
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json<StaffDto>().licensed).toBe(true);
    const patient = await referredPatient(clinic, { givenName: 'Jordan', familyName: 'Avery' });
    const book = (date: string, start: string) =>
      clinic.director.post('/api/v1/appointments', {
        kind: 'individual',
        patientId: patient.id,
        clinicianId: clinic.people.therapist2.id,
        locationId: clinic.location.id,
        date,
        start,
        durationMinutes: 50,
        roomId: clinic.office.id,
      });
    const tuesday = await book('2026-11-03', '10:00');
    expect(tuesday.statusCode).toBe(409);
    expect(tuesday.json<Problem>().conflicts).toEqual([
      expect.objectContaining({ code: 'outside_availability' }),
    ]);
    expect(tuesday.json<Problem>().detail).toContain('is not available on Tuesdays');
    const late = await book('2026-11-02', '16:30');
    expect(late.statusCode).toBe(409);
    expect(late.json<Problem>().conflicts?.[0]?.code).toBe('outside_availability');
    const inHours = await book('2026-11-02', '10:00');
    expect(inHours.statusCode, inHours.body).toBe(201);
  });
});
