import { describe, expect, it } from 'vitest';
import { createOrganization, createUser, signIn, useTestApp } from '../../../../test/support/test-app.js';

const t = useTestApp();

const phq9 = (item9: number, others = 1) => [...Array<number>(8).fill(others), item9];
const score = (id: string, body: unknown) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/instruments/${id}/score`,
    payload: body as Record<string, unknown>,
  });

async function clinicWithPatient(opts: { cssrs?: boolean } = {}) {
  const { organization } = await createOrganization(t);
  if (opts.cssrs)
    await t.deps.database.db
      .updateTable('organizations')
      .set({ settings: JSON.stringify({ cssrsEnabled: true }) })
      .where('id', '=', organization.id)
      .execute();
  const clinician = await signIn(t, await createUser(t, organization.id, ['clinician']));
  const patient = (
    await clinician.post('/api/v1/patients', { givenName: 'Riley', familyName: 'Stone' })
  ).json<{ id: string }>();
  return { organization, clinician, patient };
}

describe('instrument definitions and stateless scoring (no login)', () => {
  it('lists every instrument with LOINC codes, recall period and items with answer values', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/instruments' });
    const items = res.json().items as {
      id: string;
      loinc: { panel: string | null };
      items: unknown[];
      licence: { enabledByDefault: boolean };
    }[];
    expect(items.map((i) => i.id)).toEqual([
      'phq-9',
      'phq-2',
      'gad-7',
      'gad-2',
      'pcl-5',
      'audit',
      'audit-c',
      'dast-10',
      'mdq',
      'asq',
      'c-ssrs',
    ]);
    const one = (await t.app.inject({ method: 'GET', url: '/api/v1/instruments/phq-9' })).json();
    expect(one).toMatchObject({
      loinc: { panel: '44249-1', total: '44261-6' },
      recallPeriod: 'past 2 weeks',
    });
    expect(one.items).toHaveLength(9);
    expect(one.items[0].options.map((o: { value: number }) => o.value)).toEqual([0, 1, 2, 3]);
    expect(items.find((i) => i.id === 'c-ssrs')?.licence.enabledByDefault).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/instruments/beck' })).statusCode).toBe(400);
  });

  it('scores PHQ-9 with severity and the suicidal-ideation flag whatever the total', async () => {
    const res = await score('phq-9', { answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] });
    expect(res.json()).toMatchObject({
      instrument: 'phq-9',
      total: 1,
      severity: 'minimal',
      positive: false,
      flags: ['suicidal_ideation', 'suicide_risk'],
    });
    expect((await score('phq-9', { answers: phq9(0, 2) })).json()).toMatchObject({
      total: 16,
      severity: 'moderately_severe',
      positive: true,
      flags: [],
    });
  });

  it('scores yes/no, choice and sex-dependent instruments', async () => {
    expect((await score('audit-c', { answers: [1, 1, 1], sex: 'female' })).json().positive).toBe(true);
    expect((await score('audit-c', { answers: [1, 1, 1], sex: 'male' })).json().positive).toBe(false);
    expect((await score('asq', { answers: [false, false, false, false, null] })).json().severity).toBe(
      'negative',
    );
    expect((await score('asq', { answers: [true, false, false, false, true] })).json()).toMatchObject({
      severity: 'acute_positive',
      flags: ['suicide_risk', 'acute_suicide_risk'],
    });
    const mdq = await score('mdq', {
      answers: [...Array<boolean>(7).fill(true), ...Array<boolean>(6).fill(false), true, 'serious'],
    });
    expect(mdq.json().positive).toBe(true);
  });

  it('rejects an incomplete or invalid answer set naming the item, never guessing', async () => {
    const short = await score('phq-9', { answers: [1, 1, 1] });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({
      path: 'answers.3',
      message: expect.stringMatching(/^Item 4/),
    });
    const range = await score('gad-7', { answers: [0, 0, 4, 0, 0, 0, 0] });
    expect(range.json().errors[0].path).toBe('answers.2');
    const type = await score('dast-10', { answers: [1, 0, 0, 0, 0, 0, 0, 0, 0, 0] });
    expect(type.json().errors[0].path).toBe('answers.0');
    expect((await score('audit-c', { answers: [1, 1, 1] })).json().errors[0].path).toBe('sex');
  });

  it('keeps the licensed C-SSRS off unless the organization has enabled it', async () => {
    const answers = [true, true, false, false, false, false, null];
    const anonymous = await score('c-ssrs', { answers });
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json().code).toBe('instrument_disabled');
    const { clinician } = await clinicWithPatient({ cssrs: true });
    const res = await clinician.post('/api/v1/instruments/c-ssrs/score', { answers });
    expect(res.json()).toMatchObject({ severity: 'low' });
  });
});

describe('administrations', () => {
  it('stores every answer, the score, who, when and how; lists history newest first', async () => {
    const { clinician, patient } = await clinicWithPatient();
    const res = await clinician.post(`/api/v1/patients/${patient.id}/administrations`, {
      instrument: 'gad-7',
      answers: [3, 3, 3, 3, 3, 0, 0],
      method: 'self_report',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      administration: {
        instrument: 'gad-7',
        answers: [3, 3, 3, 3, 3, 0, 0],
        method: 'self_report',
        result: { total: 15, severity: 'severe' },
      },
      alert: null,
      crisisSteps: null,
    });
    t.clock.advance(60_000);
    await clinician.post(`/api/v1/patients/${patient.id}/administrations`, {
      instrument: 'phq-2',
      answers: [1, 1],
      method: 'staff_entered',
    });
    const history = (await clinician.get(`/api/v1/patients/${patient.id}/administrations`)).json().items;
    expect(history.map((h: { instrument: string }) => h.instrument)).toEqual(['phq-2', 'gad-7']);
    expect(history[0].administeredBy).toBe('Test User');
  });

  it('refuses invalid answers and stores nothing', async () => {
    const { clinician, patient } = await clinicWithPatient();
    const res = await clinician.post(`/api/v1/patients/${patient.id}/administrations`, {
      instrument: 'phq-9',
      answers: [1, 2],
      method: 'kiosk',
    });
    expect(res.statusCode).toBe(400);
    expect((await clinician.get(`/api/v1/patients/${patient.id}/administrations`)).json().items).toEqual([]);
    const badMethod = await clinician.post(`/api/v1/patients/${patient.id}/administrations`, {
      instrument: 'phq-2',
      answers: [0, 0],
      method: 'guess',
    });
    expect(badMethod.json().errors[0].path).toBe('method');
  });

  it('a referral given must be the patient’s own', async () => {
    const { clinician, patient } = await clinicWithPatient();
    const other = (
      await clinician.post('/api/v1/referrals', {
        patient: { givenName: 'Other', familyName: 'Person' },
        source: 'self',
        reason: 'x',
        urgency: 'routine',
        consentToContact: true,
      })
    ).json();
    const res = await clinician.post(`/api/v1/patients/${patient.id}/administrations`, {
      instrument: 'phq-2',
      answers: [0, 0],
      method: 'staff_entered',
      referralId: other.id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('referralId');
  });
});
