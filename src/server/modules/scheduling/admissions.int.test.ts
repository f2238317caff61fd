import { beforeEach, describe, expect, it } from 'vitest';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import type { AdmitBody, EpisodeDto, SessionDto } from '../../../contracts/scheduling.js';
import { signIn, useTestApp } from '../../../../test/support/test-app.js';
import {
  acceptedReferral,
  addEveningBlock,
  schedulingClinic,
  type SchedulingClinic,
} from '../../../../test/support/scheduling.js';

const t = useTestApp();

// Wednesday 28 Oct 2026, 08:00 in New York; DST ends on Sunday 1 Nov.
const NOW = '2026-10-28T12:00:00Z';

type Week = { weekOf: string; sessions: SessionDto[]; intensity: { ok: boolean; hoursPerWeek: number } };

function admission(clinic: SchedulingClinic, referralId: string, extra: Partial<AdmitBody> = {}) {
  return {
    referralId,
    programId: clinic.program.id,
    trackId: clinic.track.id,
    admittedOn: '2026-10-29',
    primaryTherapistId: clinic.people.therapist2.id,
    prescriberId: clinic.people.prescriber.id,
    individual: {
      weekday: 'MO',
      start: '16:30',
      durationMinutes: 50,
      roomId: clinic.office.id,
      everyWeeks: 1,
    },
    weeks: 4,
    ...extra,
  };
}

describe('admission into a track', () => {
  let clinic: SchedulingClinic;
  beforeEach(async () => {
    t.clock.set(NOW);
    clinic = await schedulingClinic(t);
    await addEveningBlock(clinic, '2026-10-28');
  });

  it('opens an episode, closes the referral as admitted, and fills the first full week across the DST change', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);

    const res = await clinic.director.post('/api/v1/admissions', admission(clinic, referral.id));
    expect(res.statusCode, res.body).toBe(201);
    const episode = res.json<EpisodeDto>();
    expect(episode).toMatchObject({
      status: 'active',
      levelOfCare: 'iop',
      admittedOn: '2026-10-29',
      program: { name: 'Adult Mental Health IOP' },
      track: { name: 'Evening' },
      primaryTherapist: { name: 'Casey Clinician' },
      prescriber: { name: 'Dr. Priya Prescriber' },
    });
    const after = (await intake.get(`/api/v1/referrals/${referral.id}`)).json<ReferralDetailDto>();
    expect(after.status).toBe('admitted');

    const week = (
      await clinic.director.get(`/api/v1/patients/${episode.patient.id}/week?week=2026-11-02`)
    ).json<Week>();
    expect(week.weekOf).toBe('2026-11-02');
    expect(week.sessions.map((s) => [s.localDate, s.start, s.end, s.title])).toEqual([
      ['2026-11-02', '16:30', '17:20', 'Individual therapy'],
      ['2026-11-02', '18:00', '21:00', 'Evening process group'],
      ['2026-11-04', '18:00', '21:00', 'Evening process group'],
      ['2026-11-05', '18:00', '21:00', 'Evening process group'],
    ]);
    // 18:00 New York is 22:00Z before the change and 23:00Z after it.
    expect(week.sessions[1]!.startsAt).toBe('2026-11-02T23:00:00.000Z');
    expect(week.intensity).toMatchObject({ ok: true, hoursPerWeek: 9.83 });

    const before = (
      await clinic.director.get(`/api/v1/patients/${episode.patient.id}/week?week=2026-10-26`)
    ).json<Week>();
    expect(before.sessions.map((s) => [s.localDate, s.startsAt])).toEqual([
      ['2026-10-29', '2026-10-29T22:00:00.000Z'],
    ]);
  });

  it('previews the first full week without saving anything', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);
    const res = await clinic.director.post('/api/v1/admissions/preview', admission(clinic, referral.id));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ weekOf: '2026-11-02', intensity: { ok: true }, conflicts: [] });
    expect(res.json<{ sessions: unknown[] }>().sessions).toHaveLength(4);
    const still = (await intake.get(`/api/v1/referrals/${referral.id}`)).json<ReferralDetailDto>();
    expect(still.status).toBe('accepted');
    const episodes = await clinic.director.get(`/api/v1/patients/${referral.patient.id}/episodes`);
    expect(episodes.json<{ items: unknown[] }>().items).toEqual([]);
  });

  it('refuses a schedule below the program rule until a reason is given, and keeps the reason', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);
    // A Tuesday-only individual session adds a fourth day of under an hour.
    const body = admission(clinic, referral.id, {
      individual: {
        weekday: 'TU',
        start: '10:00',
        durationMinutes: 50,
        roomId: clinic.office.id,
        everyWeeks: 1,
      },
    });
    const refused = await clinic.director.post('/api/v1/admissions', body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'intensity_shortfall',
      intensity: {
        weekOf: '2026-11-02',
        ok: false,
        shortfalls: [expect.objectContaining({ code: 'day_too_short' })],
      },
    });
    expect(refused.json<{ detail: string }>().detail).toContain('Tue 2026-11-03');
    const unchanged = (await intake.get(`/api/v1/referrals/${referral.id}`)).json<ReferralDetailDto>();
    expect(unchanged.status).toBe('accepted');

    const saved = await clinic.director.post('/api/v1/admissions', {
      ...body,
      intensityOverrideReason: 'Works days; individual session is the only daytime slot she can make.',
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const overrides = await t.deps.database.db
      .selectFrom('intensity_overrides')
      .select(['week_of', 'reason', 'change'])
      .where('episode_id', '=', saved.json<EpisodeDto>().id)
      .execute();
    expect(overrides).toEqual([expect.objectContaining({ week_of: '2026-11-02', change: 'admission' })]);
  });

  it('refuses a referral that is not accepted, a second active episode, and a patient outside the age range', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);
    expect(
      (await clinic.director.post('/api/v1/admissions', admission(clinic, referral.id))).statusCode,
    ).toBe(201);
    const again = await clinic.director.post('/api/v1/admissions', admission(clinic, referral.id));
    expect(again.statusCode).toBe(409);
    expect(again.json<{ detail: string }>().detail).toBe('Only an accepted referral can be admitted.');

    const teen = await acceptedReferral(intake, {
      givenName: 'Ash',
      familyName: 'Young',
      dateOfBirth: '2012-01-01',
    });
    const young = await clinic.director.post('/api/v1/admissions', admission(clinic, teen.id));
    expect(young.statusCode).toBe(400);
    expect(young.json<{ detail: string }>().detail).toBe('This program admits ages 18+; the patient is 14.');
  });

  it('refuses an individual session that clashes with the patient’s own group or a busy clinician', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);
    const clash = await clinic.director.post(
      '/api/v1/admissions',
      admission(clinic, referral.id, {
        primaryTherapistId: clinic.people.therapist.id,
        individual: {
          weekday: 'MO',
          start: '18:30',
          durationMinutes: 50,
          roomId: clinic.office.id,
          everyWeeks: 1,
        },
      }),
    );
    expect(clash.statusCode).toBe(409);
    const codes = clash.json<{ conflicts: { code: string }[] }>().conflicts.map((c) => c.code);
    expect(codes).toContain('patient_double_booked');
    expect(codes).toContain('clinician_double_booked');
    expect(clash.body).not.toContain('Morgan');
  });

  it('keeps the cancellation reason as the reason a week falls below the rule', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);
    const episode = (
      await clinic.director.post('/api/v1/admissions', admission(clinic, referral.id))
    ).json<EpisodeDto>();
    const week = (
      await clinic.director.get(`/api/v1/patients/${episode.patient.id}/week?week=2026-11-09`)
    ).json<Week>();
    const wednesday = week.sessions.find((s) => s.localDate === '2026-11-11')!;
    const cancelled = await clinic.director.post(`/api/v1/sessions/${wednesday.id}/cancel`, {
      reason: 'Facilitator ill; no cover available.',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const overrides = await t.deps.database.db
      .selectFrom('intensity_overrides')
      .select(['week_of', 'reason', 'change'])
      .where('episode_id', '=', episode.id)
      .execute();
    expect(overrides).toEqual([
      { week_of: '2026-11-09', reason: 'Facilitator ill; no cover available.', change: 'cancelled sessions' },
    ]);
  });

  it('is for intake and clinical staff only', async () => {
    const intake = await signIn(t, clinic.people.intake);
    const referral = await acceptedReferral(intake);
    const desk = await signIn(t, clinic.people.frontDesk);
    expect((await desk.post('/api/v1/admissions', admission(clinic, referral.id))).statusCode).toBe(403);
  });
});
