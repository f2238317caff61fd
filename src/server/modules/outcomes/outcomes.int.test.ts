import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type {
  KioskDto,
  MeasurementSettingsDto,
  PatientOutcomesDto,
  ProgramOutcomesDto,
} from '../../../contracts/outcomes.js';
import type { TodayDto } from '../../../contracts/attendance.js';
import type { OrganizationSettings } from '../../../contracts/identity.js';
import type { SafetyAlertDto } from '../../../contracts/safety.js';
import type { EpisodeDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp, type Session } from '../../../../test/support/test-app.js';
import { eveningGroupClinic, type SchedulingClinic } from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York.
const MORNING = '2026-10-28T12:00:00Z';

let clinic: SchedulingClinic;
let members: EpisodeDto[];
let therapist: Session;

/** A PHQ-9 answer set adding up to `total` with item 9 (self-harm) as given. */
const phq9 = (total: number, item9 = 0) => {
  const answers = Array.from({ length: 9 }, () => 0);
  answers[8] = item9;
  let left = total - item9;
  for (let i = 0; i < 8 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i]!;
  }
  return answers;
};
const gad7 = (total: number) => {
  const answers = Array.from({ length: 7 }, () => 0);
  let left = total;
  for (let i = 0; i < 7 && left > 0; i++) {
    answers[i] = Math.min(3, left);
    left -= answers[i]!;
  }
  return answers;
};

async function staffEntry(patientId: string, instrument: string, answers: number[], at: string) {
  t.clock.set(at);
  const who = await signIn(t, clinic.people.therapist2);
  const res = await who.post(`/api/v1/patients/${patientId}/administrations`, {
    instrument,
    answers,
    method: 'staff_entered',
  });
  expect(res.statusCode, res.body).toBe(201);
}

const weekly = {
  measurementSchedule: [
    { instrumentId: 'phq-9', every: { weeks: 1 } },
    { instrumentId: 'gad-7', every: { weeks: 1 } },
  ],
  planReviewIntervalDays: null,
};

beforeEach(async () => {
  t.clock.set(MORNING);
  ({ clinic, members } = await eveningGroupClinic(t, '2026-10-28', [
    { givenName: 'Ana', familyName: 'Lopez' },
    { givenName: 'Ben', familyName: 'Okafor' },
  ]));
  const set = await clinic.director.put(`/api/v1/programs/${clinic.program.id}/measurement`, weekly);
  expect(set.statusCode, set.body).toBe(200);
  therapist = await signIn(t, clinic.people.therapist2);
});

describe('measurement settings', () => {
  it('saves a program’s schedule and rejects rules that make no sense, changing nothing', async () => {
    const read = await therapist.get(`/api/v1/programs/${clinic.program.id}/measurement`);
    expect(read.json<MeasurementSettingsDto>()).toEqual(weekly);
    const noCadence = await clinic.director.put(`/api/v1/programs/${clinic.program.id}/measurement`, {
      measurementSchedule: [{ instrumentId: 'phq-9' }],
      planReviewIntervalDays: null,
    });
    expect(noCadence.statusCode).toBe(400);
    const otherTrack = await clinic.director.put(`/api/v1/programs/${clinic.program.id}/measurement`, {
      measurementSchedule: [{ instrumentId: 'pcl-5', every: { weeks: 2 }, trackIds: [crypto.randomUUID()] }],
      planReviewIntervalDays: null,
    });
    expect(otherTrack.statusCode).toBe(400);
    expect(otherTrack.json<{ errors: { path: string }[] }>().errors[0]!.path).toBe(
      'measurementSchedule.0.trackIds.0',
    );
    expect(
      (await therapist.put(`/api/v1/programs/${clinic.program.id}/measurement`, weekly)).statusCode,
    ).toBe(403);
    expect((await therapist.get(`/api/v1/programs/${clinic.program.id}/measurement`)).json()).toEqual(weekly);
  });
});

describe('a patient’s outcomes', () => {
  it('charts every measure over the episode with flags, and lists what is due', async () => {
    const ana = members[0]!.patient.id;
    const before = (await therapist.get(`/api/v1/patients/${ana}/outcomes`)).json<PatientOutcomesDto>();
    expect(before.due.map((d) => [d.instrumentId, d.reason, d.dueOn])).toEqual([
      ['gad-7', 'periodic', '2026-10-28'],
      ['phq-9', 'periodic', '2026-10-28'],
    ]);
    await staffEntry(ana, 'phq-9', phq9(18), '2026-10-28T21:00:00Z');
    await staffEntry(ana, 'phq-9', phq9(12), '2026-11-04T21:00:00Z');
    await staffEntry(ana, 'phq-9', phq9(8), '2026-11-11T21:00:00Z');
    await staffEntry(ana, 'gad-7', gad7(10), '2026-10-28T21:05:00Z');
    t.clock.set('2026-11-12T15:00:00Z');
    therapist = await signIn(t, clinic.people.therapist2);
    const res = await therapist.get(`/api/v1/patients/${ana}/outcomes`);
    expect(res.statusCode, res.body).toBe(200);
    const outcomes = res.json<PatientOutcomesDto>();
    expect(outcomes.episode).toMatchObject({ id: members[0]!.id, admittedOn: '2026-10-28' });
    const phq = outcomes.trajectories.find((tr) => tr.instrumentId === 'phq-9')!;
    expect(phq.points.map((p) => [p.date, p.total])).toEqual([
      ['2026-10-28', 18],
      ['2026-11-04', 12],
      ['2026-11-11', 8],
    ]);
    expect(phq.bands[0]).toMatchObject({ min: 0 });
    expect(phq.maxTotal).toBe(27);
    expect(phq.flags).toMatchObject({
      baseline: 18,
      latest: 8,
      change: -10,
      response: true,
      remission: false,
      reliableImprovement: true,
    });
    expect(phq.reasons.length).toBeGreaterThan(0);
    // PHQ-9 was done yesterday; GAD-7 is a week overdue.
    expect(outcomes.due.map((d) => [d.instrumentId, d.overdue])).toEqual([['gad-7', true]]);
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.get(`/api/v1/patients/${ana}/outcomes`)).statusCode).toBe(403);
  });

  it('shows each member’s latest scores and the change since the one before on the facilitator’s roster', async () => {
    const ana = members[0]!.patient.id;
    await staffEntry(ana, 'phq-9', phq9(16), '2026-10-21T21:00:00Z');
    await staffEntry(ana, 'phq-9', phq9(13), '2026-10-28T13:00:00Z');
    t.clock.set('2026-10-28T20:00:00Z');
    const facilitator = await signIn(t, clinic.people.therapist);
    const today = (await facilitator.get('/api/v1/today')).json<TodayDto>();
    const row = today.sessions[0]!.members.find((m) => m.patientId === ana)!;
    expect(row.scores).toEqual([expect.objectContaining({ instrumentId: 'phq-9', total: 13, change: -3 })]);
    expect(today.sessions[0]!.members.find((m) => m.patientId !== ana)!.scores).toEqual([]);
  });
});

describe('the program’s outcomes', () => {
  it('counts response, remission and who is not on track among active patients', async () => {
    const [ana, ben] = members.map((m) => m.patient.id) as [string, string];
    await staffEntry(ana, 'phq-9', phq9(20), '2026-10-28T21:00:00Z');
    await staffEntry(ana, 'phq-9', phq9(4), '2026-11-25T21:00:00Z');
    // Before admission (at intake): not part of the episode, so not its baseline.
    await staffEntry(ben, 'phq-9', phq9(27), '2026-10-20T21:00:00Z');
    await staffEntry(ben, 'phq-9', phq9(15), '2026-10-28T21:00:00Z');
    await staffEntry(ben, 'phq-9', phq9(14), '2026-11-25T21:00:00Z');
    t.clock.set('2026-11-26T15:00:00Z');
    const director = await signIn(t, clinic.people.director);
    const res = await director.get(`/api/v1/programs/${clinic.program.id}/outcomes?instrument=phq-9`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ProgramOutcomesDto>()).toMatchObject({
      activePatients: 2,
      measured: 2,
      response: 1,
      remission: 1,
      reliableImprovement: 1,
      notOnTrack: 1,
      medianChange: -8.5,
      patientsNotOnTrack: [{ patientId: ben, baseline: 15, latest: 14, weeks: 4 }],
    });
    // The organization's thresholds are configuration: 8 weeks before "not on track".
    const admin = await signIn(t, clinic.admin);
    const settings = (await admin.get('/api/v1/organization')).json<{ settings: OrganizationSettings }>()
      .settings;
    const saved = await admin.patch('/api/v1/organization', {
      settings: { outcomeThresholds: { ...settings.outcomeThresholds, notOnTrackAfterWeeks: 8 } },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const later = (
      await director.get(`/api/v1/programs/${clinic.program.id}/outcomes?instrument=phq-9`)
    ).json<ProgramOutcomesDto>();
    expect(later).toMatchObject({ notOnTrack: 0, patientsNotOnTrack: [] });
    expect(later.thresholdsVersion).not.toBe(res.json<ProgramOutcomesDto>().thresholdsVersion);
    const bad = await director.get(`/api/v1/programs/${clinic.program.id}/outcomes?instrument=mdq`);
    expect(bad.statusCode).toBe(400);
    const intake = await signIn(t, clinic.people.intake);
    expect((await intake.get(`/api/v1/programs/${clinic.program.id}/outcomes`)).statusCode).toBe(403);
  });
});

describe('the kiosk', () => {
  it('lets the patient complete the measures due, records them as kiosk entries and closes', async () => {
    const ana = members[0]!.patient.id;
    t.clock.set('2026-10-28T21:30:00Z');
    const desk = await signIn(t, clinic.people.frontDesk);
    const handed = await desk.post(`/api/v1/patients/${ana}/kiosk`, {});
    expect(handed.statusCode, handed.body).toBe(201);
    const { code, instruments } = handed.json<{ code: string; instruments: string[] }>();
    expect(instruments).toEqual(['gad-7', 'phq-9']);
    const open = await t.app.inject({ method: 'GET', url: `/api/v1/kiosk/${code}` });
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json<z.infer<typeof KioskDto>>()).toMatchObject({
      greeting: 'Ana',
      remaining: ['gad-7', 'phq-9'],
    });
    expect(open.body).not.toContain('Lopez');
    const submit = (instrument: string, answers: unknown[]) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/kiosk/${code}/administrations`,
        payload: { instrument, answers },
      });
    const wrong = await submit(
      'pcl-5',
      Array.from({ length: 20 }, () => 0),
    );
    expect(wrong.statusCode).toBe(400);
    const invalid = await submit('phq-9', [9, 9]);
    expect(invalid.statusCode).toBe(400);
    expect((await submit('phq-9', phq9(11))).json()).toEqual({ remaining: ['gad-7'], tellStaff: false });
    expect((await submit('gad-7', gad7(6))).json()).toEqual({ remaining: [], tellStaff: false });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/kiosk/${code}` })).statusCode).toBe(404);
    therapist = await signIn(t, clinic.people.therapist2);
    const history = await therapist.get(`/api/v1/patients/${ana}/administrations`);
    expect(
      history
        .json<{ items: { instrument: string; method: string; administeredBy: string | null }[] }>()
        .items.map((a) => [a.instrument, a.method, a.administeredBy])
        .sort(),
    ).toEqual([
      ['gad-7', 'kiosk', null],
      ['phq-9', 'kiosk', null],
    ]);
  });

  it('raises the same safety alert for a positive self-harm item, and tells the patient to talk to staff', async () => {
    const ben = members[1]!.patient.id;
    t.clock.set('2026-10-28T21:30:00Z');
    const desk = await signIn(t, clinic.people.frontDesk);
    const { code } = (await desk.post(`/api/v1/patients/${ben}/kiosk`, { instruments: ['phq-9'] })).json<{
      code: string;
    }>();
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/kiosk/${code}/administrations`,
      payload: { instrument: 'phq-9', answers: phq9(14, 2) },
    });
    expect(res.json()).toEqual({ remaining: [], tellStaff: true });
    therapist = await signIn(t, clinic.people.therapist2);
    const alerts = (await therapist.get(`/api/v1/safety-alerts?patientId=${ben}`)).json<{
      items: SafetyAlertDto[];
    }>();
    expect(alerts.items).toEqual([
      expect.objectContaining({ status: 'open', reason: expect.stringContaining('PHQ-9') }),
    ]);
  });

  it('refuses unknown, expired and malformed codes without saying whose they were', async () => {
    const ana = members[0]!.patient.id;
    const { code } = (
      await therapist.post(`/api/v1/patients/${ana}/kiosk`, { instruments: ['phq-9'] })
    ).json<{
      code: string;
    }>();
    const licensed = await therapist.post(`/api/v1/patients/${ana}/kiosk`, { instruments: ['c-ssrs'] });
    expect(licensed.statusCode).toBe(400);
    t.clock.set('2026-10-28T12:31:00Z');
    const expired = await t.app.inject({ method: 'GET', url: `/api/v1/kiosk/${code}` });
    expect(expired.statusCode).toBe(404);
    expect(expired.body).not.toContain('Ana');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/kiosk/abc' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/kiosk/ABCDEFGHJK' })).statusCode).toBe(404);
  });
});
