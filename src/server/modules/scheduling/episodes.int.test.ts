import { beforeEach, describe, expect, it } from 'vitest';
import type { EpisodeDto, ProgramDto, SessionDto, TrackDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  ADULT_RULE,
  addEveningBlock,
  admitMember,
  calendarOf,
  referredPatient,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York; DST ends on Sunday 1 Nov.
const NOW = '2026-10-28T12:00:00Z';

type Problem = { code: string; detail?: string; errors?: { path: string }[] };
type Progress = {
  total: number;
  completedCount: number;
  complete: boolean;
  finishesOn: string | null;
  completed: { moduleId: string; title: string }[];
  remaining: { moduleId: string; title: string; nextSessionId: string | null; nextDate: string | null }[];
};

let clinic: SchedulingClinic;
beforeEach(async () => {
  t.clock.set(NOW);
  clinic = await schedulingClinic(t);
  await addEveningBlock(clinic, '2026-10-28');
});

describe('episodes of care', () => {
  it('lists episodes with filters, reads one, and lists a patient’s', async () => {
    const morgan = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
    const jordan = await admitMember(clinic, { givenName: 'Jordan', familyName: 'Avery' }, '2026-11-02');
    const other = await clinic.director.post('/api/v1/programs', {
      locationId: clinic.location.id,
      name: 'Young Adult IOP',
      levelOfCare: 'iop',
      minAge: 18,
      maxAge: 25,
      capacity: 10,
      delivery: 'telehealth',
      substanceUse: false,
      intensity: ADULT_RULE,
    });
    const otherId = other.json<ProgramDto>().id;

    const desk = await signIn(t, clinic.people.frontDesk);
    const all = await desk.get('/api/v1/episodes');
    expect(all.statusCode).toBe(200);
    expect(
      all
        .json<{ items: EpisodeDto[] }>()
        .items.map((e) => e.id)
        .sort(),
    ).toEqual([morgan.id, jordan.id].sort());
    const byTrack = (await desk.get(`/api/v1/episodes?trackId=${clinic.track.id}&status=active`)).json<{
      items: EpisodeDto[];
    }>();
    expect(byTrack.items).toHaveLength(2);
    const byProgram = (await desk.get(`/api/v1/episodes?programId=${clinic.program.id}`)).json<{
      items: EpisodeDto[];
    }>();
    expect(byProgram.items).toHaveLength(2);
    expect((await desk.get(`/api/v1/episodes?programId=${otherId}`)).json()).toEqual({ items: [] });
    expect((await desk.get('/api/v1/episodes?status=discharged')).json()).toEqual({ items: [] });
    expect((await desk.get('/api/v1/episodes?status=closed')).statusCode).toBe(400);

    const one = await desk.get(`/api/v1/episodes/${jordan.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json<EpisodeDto>()).toMatchObject({
      id: jordan.id,
      status: 'active',
      admittedOn: '2026-11-02',
      dischargedOn: null,
      patient: { givenName: 'Jordan', familyName: 'Avery' },
      program: { id: clinic.program.id },
      track: { id: clinic.track.id, name: 'Evening' },
      primaryTherapist: { id: clinic.people.therapist2.id },
      prescriber: { id: clinic.people.prescriber.id },
    });
    expect((await desk.get(`/api/v1/episodes/${crypto.randomUUID()}`)).statusCode).toBe(404);

    const mine = await desk.get(`/api/v1/patients/${morgan.patient.id}/episodes`);
    expect(mine.json<{ items: EpisodeDto[] }>().items.map((e) => e.id)).toEqual([morgan.id]);
    expect((await desk.get(`/api/v1/patients/${crypto.randomUUID()}/episodes`)).statusCode).toBe(404);

    // Reading a roster is recorded with every patient on it.
    const reads = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['details', 'patient_id'])
      .where('organization_id', '=', clinic.organization.id)
      .where('action', '=', 'read')
      .where('resource_type', '=', 'EpisodeOfCare')
      .where('actor_user_id', '=', clinic.people.frontDesk.id)
      .execute();
    expect(reads.length).toBeGreaterThanOrEqual(5);
    expect(reads[0]!.details).toMatchObject({
      patientIds: expect.arrayContaining([morgan.patient.id, jordan.patient.id]),
    });
  });

  it('is not for the patient record’s outsiders', async () => {
    const admin = await signIn(t, clinic.admin);
    expect((await admin.get('/api/v1/episodes')).statusCode).toBe(403);
  });
});

describe('changing track', () => {
  let daytime: TrackDto;
  beforeEach(async () => {
    daytime = (
      await clinic.director.post(`/api/v1/programs/${clinic.program.id}/tracks`, { name: 'Daytime' })
    ).json<TrackDto>();
    const res = await clinic.director.post(`/api/v1/tracks/${daytime.id}/blocks`, {
      title: 'Daytime process group',
      groupKind: 'process',
      weekdays: ['TU', 'TH', 'FR'],
      start: '10:00',
      end: '13:00',
      facilitatorId: clinic.people.therapist2.id,
      roomId: clinic.roomA.id,
      activeFrom: '2026-10-28',
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('moves future group participation to the other track of the same program', async () => {
    const member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
    const clinician = await signIn(t, clinic.people.therapist);
    const res = await clinician.post(`/api/v1/episodes/${member.id}/track`, {
      trackId: daytime.id,
      from: '2026-11-02',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<EpisodeDto>().track).toEqual({ id: daytime.id, name: 'Daytime' });

    const week = await calendarOf(clinic.director, 'patient', member.patient.id, '2026-11-02', '2026-11-08');
    expect(week.map((s) => [s.localDate, s.title, s.start])).toEqual([
      ['2026-11-03', 'Daytime process group', '10:00'],
      ['2026-11-05', 'Daytime process group', '10:00'],
      ['2026-11-06', 'Daytime process group', '10:00'],
    ]);
    // Earlier participation is kept.
    const before = await calendarOf(
      clinic.director,
      'patient',
      member.patient.id,
      '2026-10-26',
      '2026-11-01',
    );
    expect(before.map((s) => [s.localDate, s.title])).toEqual([['2026-10-29', 'Evening process group']]);
    const evening = await calendarOf(clinic.director, 'track', clinic.track.id, '2026-11-02', '2026-12-13');
    expect(evening.every((s: SessionDto) => s.participantCount === 0)).toBe(true);

    const program = (await clinic.director.get(`/api/v1/programs/${clinic.program.id}`)).json<ProgramDto>();
    expect(program.tracks.find((tr) => tr.id === daytime.id)!.memberCount).toBe(1);
    expect(program.tracks.find((tr) => tr.id === clinic.track.id)!.memberCount).toBe(0);
  });

  it('refuses another program’s track, the same track, and the front desk', async () => {
    const member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
    const other = await clinic.director.post('/api/v1/programs', {
      locationId: clinic.location.id,
      name: 'Young Adult IOP',
      levelOfCare: 'iop',
      minAge: 18,
      maxAge: 25,
      capacity: 10,
      delivery: 'in_person',
      substanceUse: false,
      intensity: ADULT_RULE,
    });
    const foreignTrack = (
      await clinic.director.post(`/api/v1/programs/${other.json<ProgramDto>().id}/tracks`, {
        name: 'Evening',
      })
    ).json<TrackDto>();
    const url = `/api/v1/episodes/${member.id}/track`;
    const wrong = await clinic.director.post(url, { trackId: foreignTrack.id, from: '2026-11-02' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'trackId' })]);
    const same = await clinic.director.post(url, { trackId: clinic.track.id, from: '2026-11-02' });
    expect(same.statusCode).toBe(400);
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.post(url, { trackId: daytime.id, from: '2026-11-02' })).statusCode).toBe(403);

    const unchanged = (await clinic.director.get(`/api/v1/episodes/${member.id}`)).json<EpisodeDto>();
    expect(unchanged.track.id).toBe(clinic.track.id);
    const week = await calendarOf(clinic.director, 'patient', member.patient.id, '2026-11-02', '2026-11-08');
    expect(week.map((s) => s.title)).toEqual(Array(3).fill('Evening process group'));
  });
});

describe('curriculum progress', () => {
  const titles = ['Distress tolerance', 'Emotion regulation', 'Interpersonal effectiveness'];
  let modules: string[];
  beforeEach(async () => {
    for (const title of titles)
      await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/curriculum`, { title, kind: 'skills' });
    const res = await clinic.director.post(`/api/v1/tracks/${clinic.track.id}/blocks`, {
      title: 'Skills group',
      groupKind: 'skills',
      weekdays: ['TU'],
      start: '18:00',
      end: '20:00',
      facilitatorId: clinic.people.therapist2.id,
      roomId: clinic.office.id,
      maxSize: 3,
      usesCurriculum: true,
      activeFrom: '2026-10-28',
    });
    expect(res.statusCode, res.body).toBe(201);
    modules = res.json<TrackDto>().curriculum.map((m) => m.id);
  });

  const skillsOn = async (date: string) =>
    (await calendarOf(clinic.director, 'track', clinic.track.id, date, date)).find(
      (s) => s.title === 'Skills group',
    )!;

  it('a member who joins mid-cycle sees the remaining modules with the next dates they run', async () => {
    const early = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
    // Two weeks later (Thu 12 Nov), after modules 1 and 2 have run, a second member joins.
    t.clock.set('2026-11-12T14:00:00Z');
    clinic.director = await signIn(t, clinic.people.director); // the old session has expired
    const first = await skillsOn('2026-11-03');
    const done = await clinic.director.post(`/api/v1/sessions/${first.id}/curriculum-completions`, {
      patientIds: [early.patient.id],
    });
    expect(done.statusCode, done.body).toBe(200);
    const late = await admitMember(clinic, { givenName: 'Jordan', familyName: 'Avery' }, '2026-11-12');

    const progress = await clinic.director.get(`/api/v1/episodes/${late.id}/curriculum`);
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json<Progress>()).toMatchObject({
      total: 3,
      completedCount: 0,
      complete: false,
      finishesOn: '2026-12-01',
      completed: [],
      remaining: [
        { moduleId: modules[0], title: 'Distress tolerance', nextDate: '2026-11-24' },
        { moduleId: modules[1], title: 'Emotion regulation', nextDate: '2026-12-01' },
        { moduleId: modules[2], title: 'Interpersonal effectiveness', nextDate: '2026-11-17' },
      ],
    });
    const next = progress.json<Progress>().remaining[2]!.nextSessionId!;
    expect((await skillsOn('2026-11-17')).id).toBe(next);

    const earlyProgress = (
      await clinic.director.get(`/api/v1/episodes/${early.id}/curriculum`)
    ).json<Progress>();
    expect(earlyProgress).toMatchObject({
      completedCount: 1,
      completed: [{ moduleId: modules[0], title: 'Distress tolerance' }],
    });
    expect(earlyProgress.remaining.map((r) => [r.title, r.nextDate])).toEqual([
      ['Emotion regulation', '2026-12-01'],
      ['Interpersonal effectiveness', '2026-11-17'],
    ]);
  });

  it('records completions only for admitted members of a curriculum session', async () => {
    const member = await admitMember(clinic, { givenName: 'Morgan', familyName: 'Lee' }, '2026-10-29');
    const outsider = await referredPatient(clinic, { givenName: 'Jordan', familyName: 'Avery' });
    const skills = await skillsOn('2026-11-03');
    const url = `/api/v1/sessions/${skills.id}/curriculum-completions`;

    const notMember = await clinic.director.post(url, { patientIds: [outsider.id] });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json<Problem>().errors).toEqual([expect.objectContaining({ path: 'patientIds' })]);
    // Seated but without an episode of care is still not an admitted member.
    await clinic.director.post(`/api/v1/sessions/${skills.id}/participants`, { patientIds: [outsider.id] });
    expect((await clinic.director.post(url, { patientIds: [outsider.id] })).statusCode).toBe(400);

    const evening = (
      await calendarOf(clinic.director, 'track', clinic.track.id, '2026-11-02', '2026-11-02')
    )[0]!;
    const noModule = await clinic.director.post(`/api/v1/sessions/${evening.id}/curriculum-completions`, {
      patientIds: [member.patient.id],
    });
    expect(noModule.statusCode).toBe(400);

    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.post(url, { patientIds: [member.patient.id] })).statusCode).toBe(403);

    const ok = await clinic.director.post(url, { patientIds: [member.patient.id] });
    expect(ok.statusCode, ok.body).toBe(200);
    const progress = (await clinic.director.get(`/api/v1/episodes/${member.id}/curriculum`)).json<Progress>();
    expect(progress.completed.map((c) => c.title)).toEqual(['Distress tolerance']);
    const rows = await t.deps.database.db
      .selectFrom('module_completions')
      .selectAll()
      .where('episode_id', '=', member.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
