import { describe, expect, it } from 'vitest';
import type { ReferralDetailDto } from '../../../contracts/intake.js';
import { createOrganization, createUser, signIn, useTestApp } from '../../../../test/support/test-app.js';

const t = useTestApp();

/** The required case from the program's description: severe anxiety, unable to work, otherwise safe. */
export const SEVERE_ANXIETY_UNABLE_TO_WORK = {
  suicideRisk: 'none',
  violenceRisk: 'none',
  symptomSeverity: 'severe',
  functionalImpairment: 'severe',
  withdrawalRisk: 'none',
  medicallyStable: true,
  supportSystem: 'adequate',
  safeHousing: true,
  recentHigherLevelDischarge: null,
  outpatientTried: false,
  canAttendProgram: true,
} as const;

async function team() {
  const { organization } = await createOrganization(t);
  return {
    organization,
    intake: await signIn(t, await createUser(t, organization.id, ['intake'], 'Jordan Ellis')),
    clinician: await signIn(t, await createUser(t, organization.id, ['clinician'], 'Taylor Reed')),
  };
}

const newReferral = {
  patient: { givenName: 'Sam', familyName: 'Rivera', dateOfBirth: '1992-03-04', phone: '555-010-3000' },
  source: 'inpatient_unit',
  referrerName: 'Dr. Ames',
  referrerOrganization: 'County Hospital 4 West',
  referrerPhone: '555-010-4000',
  reason: 'Step-down after a 10-day admission for depression.',
  urgency: 'urgent',
  consentToContact: true,
  note: 'Discharge summary faxed.',
};

describe('referrals', () => {
  it('opens a referral with a new patient, records who and when at every stage', async () => {
    const { intake } = await team();
    const res = await intake.post('/api/v1/referrals', newReferral);
    expect(res.statusCode).toBe(201);
    const r = res.json<ReferralDetailDto>();
    expect(r).toMatchObject({
      status: 'new',
      source: 'inpatient_unit',
      urgency: 'urgent',
      consentToContact: true,
      patient: { givenName: 'Sam', mrn: '000001' },
    });
    expect(r.notes.map((n) => [n.body, n.author])).toEqual([['Discharge summary faxed.', 'Jordan Ellis']]);
    expect(r.events).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: 'new', changedBy: 'Jordan Ellis' }),
    ]);

    for (const status of ['contacted', 'screening', 'assessed', 'accepted'] as const) {
      const moved = await intake.post(`/api/v1/referrals/${r.id}/status`, { status });
      expect(moved.statusCode).toBe(200);
    }
    const done = (await intake.get(`/api/v1/referrals/${r.id}`)).json<ReferralDetailDto>();
    expect(done.status).toBe('accepted');
    expect(done.events.map((e) => e.toStatus)).toEqual([
      'new',
      'contacted',
      'screening',
      'assessed',
      'accepted',
    ]);
  });

  it('refuses skipped stages and admission outside scheduling', async () => {
    const { intake } = await team();
    const r = (await intake.post('/api/v1/referrals', newReferral)).json<ReferralDetailDto>();
    const skip = await intake.post(`/api/v1/referrals/${r.id}/status`, { status: 'accepted' });
    expect(skip.statusCode).toBe(400);
    expect(skip.json().errors[0]).toMatchObject({ path: 'status' });
    expect((await intake.post(`/api/v1/referrals/${r.id}/status`, { status: 'admitted' })).statusCode).toBe(
      400,
    );
    expect((await intake.get(`/api/v1/referrals/${r.id}`)).json().status).toBe('new');
  });

  it('declining needs a reason and a destination, and closes the referral', async () => {
    const { intake } = await team();
    const r = (await intake.post('/api/v1/referrals', newReferral)).json<ReferralDetailDto>();
    const noReason = await intake.post(`/api/v1/referrals/${r.id}/status`, { status: 'declined' });
    expect(noReason.json().errors[0].path).toBe('reason');
    const noDestination = await intake.post(`/api/v1/referrals/${r.id}/status`, {
      status: 'referred_elsewhere',
      reason: 'Out of area',
    });
    expect(noDestination.json().errors[0].path).toBe('destination');
    const ok = await intake.post(`/api/v1/referrals/${r.id}/status`, {
      status: 'referred_elsewhere',
      reason: 'Out of area',
      destination: 'Northside IOP',
    });
    expect(ok.json()).toMatchObject({
      status: 'referred_elsewhere',
      closedReason: 'Out of area',
      destination: 'Northside IOP',
    });
    expect((await intake.post(`/api/v1/referrals/${r.id}/status`, { status: 'new' })).statusCode).toBe(400);
  });

  it('lists the board: open referrals, by stage', async () => {
    const { intake } = await team();
    const a = (await intake.post('/api/v1/referrals', newReferral)).json<ReferralDetailDto>();
    const b = (
      await intake.post('/api/v1/referrals', {
        ...newReferral,
        patient: { givenName: 'Ada', familyName: 'Kim' },
        urgency: 'routine',
      })
    ).json<ReferralDetailDto>();
    await intake.post(`/api/v1/referrals/${b.id}/status`, {
      status: 'declined',
      reason: 'No longer interested',
      destination: 'none',
    });
    const open = (await intake.get('/api/v1/referrals?open=true'))
      .json()
      .items.map((r: { id: string }) => r.id);
    expect(open).toEqual([a.id]);
    expect(
      (await intake.get('/api/v1/referrals?status=declined')).json().items.map((r: { id: string }) => r.id),
    ).toEqual([b.id]);
    expect((await intake.get(`/api/v1/patients/${a.patient.id}/referrals`)).json().items).toHaveLength(1);
  });

  it('refers an existing patient, and refuses both or neither', async () => {
    const { intake } = await team();
    const p = (await intake.post('/api/v1/patients', { givenName: 'Lee', familyName: 'Park' })).json();
    const { patient: _, ...rest } = newReferral;
    expect((await intake.post('/api/v1/referrals', { ...rest, patientId: p.id })).json().patient.id).toBe(
      p.id,
    );
    expect((await intake.post('/api/v1/referrals', rest)).statusCode).toBe(400);
    expect((await intake.post('/api/v1/referrals', { ...newReferral, patientId: p.id })).statusCode).toBe(
      400,
    );
    expect(
      (await intake.post('/api/v1/referrals', { ...rest, patientId: '00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(404);
  });

  it('validates every field', async () => {
    const { intake } = await team();
    const res = await intake.post('/api/v1/referrals', {
      ...newReferral,
      source: 'walk_in',
      urgency: 'asap',
      reason: '',
      consentToContact: 'yes',
    });
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['consentToContact', 'reason', 'source', 'urgency']);
  });

  it('adds notes', async () => {
    const { intake } = await team();
    const r = (await intake.post('/api/v1/referrals', newReferral)).json<ReferralDetailDto>();
    const res = await intake.post(`/api/v1/referrals/${r.id}/notes`, { body: 'Left a voicemail.' });
    expect(res.json<ReferralDetailDto>().notes.map((n) => n.body)).toEqual([
      'Discharge summary faxed.',
      'Left a voicemail.',
    ]);
  });
});

describe('level of care', () => {
  it('recommends IOP for severe anxiety with inability to work, with reasons and the ruleset version', async () => {
    const { clinician } = await team();
    const res = await clinician.post('/api/v1/level-of-care/recommend', SEVERE_ANXIETY_UNABLE_TO_WORK);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      level: 'iop',
      crisis: false,
      rulesetVersion: expect.stringMatching(/^trellis-loc-/),
    });
    expect(res.json().reasons.length).toBeGreaterThan(0);
  });

  it('flags a crisis and recommends inpatient for imminent suicide risk', async () => {
    const { clinician } = await team();
    const res = await clinician.post('/api/v1/level-of-care/recommend', {
      ...SEVERE_ANXIETY_UNABLE_TO_WORK,
      suicideRisk: 'imminent',
    });
    expect(res.json()).toMatchObject({ level: 'inpatient', crisis: true });
  });

  it('needs a staff login and a complete assessment', async () => {
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/level-of-care/recommend',
      payload: SEVERE_ANXIETY_UNABLE_TO_WORK,
    });
    expect(anonymous.statusCode).toBe(401);
    const { clinician } = await team();
    const { safeHousing: _, ...partial } = SEVERE_ANXIETY_UNABLE_TO_WORK;
    const bad = await clinician.post('/api/v1/level-of-care/recommend', {
      ...partial,
      suicideRisk: 'extreme',
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['safeHousing', 'suicideRisk']);
  });

  it('stores the decision on the referral: inputs, recommendation, version, and an override with its justification', async () => {
    const { intake, clinician } = await team();
    const r = (await intake.post('/api/v1/referrals', newReferral)).json<ReferralDetailDto>();
    const accept = await clinician.post(`/api/v1/referrals/${r.id}/level-of-care-decision`, {
      assessment: SEVERE_ANXIETY_UNABLE_TO_WORK,
      chosenLevel: 'iop',
      asam: { level: '2.1', edition: '3', dimensionRatings: [0, 0, 2, 1, 1, 1] },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json<ReferralDetailDto>().decisions[0]).toMatchObject({
      recommendedLevel: 'iop',
      chosenLevel: 'iop',
      overrideJustification: null,
      decidedBy: 'Taylor Reed',
      asam: { level: '2.1' },
    });

    const noWhy = await clinician.post(`/api/v1/referrals/${r.id}/level-of-care-decision`, {
      assessment: SEVERE_ANXIETY_UNABLE_TO_WORK,
      chosenLevel: 'php',
    });
    expect(noWhy.statusCode).toBe(400);
    expect(noWhy.json().errors[0].path).toBe('overrideJustification');

    const override = await clinician.post(`/api/v1/referrals/${r.id}/level-of-care-decision`, {
      assessment: SEVERE_ANXIETY_UNABLE_TO_WORK,
      chosenLevel: 'php',
      overrideJustification: 'Panic attacks daily despite medication; needs daily contact.',
    });
    const decisions = override.json<ReferralDetailDto>().decisions;
    expect(decisions).toHaveLength(2);
    expect(decisions[0]).toMatchObject({
      recommendedLevel: 'iop',
      chosenLevel: 'php',
      overrideJustification: expect.stringContaining('Panic'),
    });
    const stored = await t.deps.database.db
      .selectFrom('level_of_care_decisions')
      .select(['assessment', 'ruleset_version'])
      .where('referral_id', '=', r.id)
      .execute();
    expect(stored[0]!.assessment).toMatchObject(SEVERE_ANXIETY_UNABLE_TO_WORK);
  });

  it('only licensed clinicians decide', async () => {
    const { intake } = await team();
    const r = (await intake.post('/api/v1/referrals', newReferral)).json<ReferralDetailDto>();
    const res = await intake.post(`/api/v1/referrals/${r.id}/level-of-care-decision`, {
      assessment: SEVERE_ANXIETY_UNABLE_TO_WORK,
      chosenLevel: 'iop',
    });
    expect(res.statusCode).toBe(403);
  });
});
