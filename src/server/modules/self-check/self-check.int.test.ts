import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildTestApp,
  createOrganization,
  createUser,
  signIn,
  type TestApp,
} from '../../../../test/support/test-app.js';

let t: TestApp;
let clinic: TestApp;
let organizationId: string;
beforeAll(async () => {
  t = await buildTestApp();
  organizationId = (await createOrganization(t)).organization.id;
  clinic = await buildTestApp({ selfCheck: { organizationId, ratePerHour: 3 } }, t);
});
afterAll(async () => {
  await clinic.close();
  await t.close();
});

const request = (app: TestApp, body: Record<string, unknown>) =>
  app.app.inject({
    method: 'POST',
    url: '/api/v1/self-check/callback',
    payload: body,
    remoteAddress: '203.0.113.7',
  });

describe('public self-check call-back', () => {
  it('needs no account, opens a self referral with consent, and stores nothing else', async () => {
    expect((await clinic.app.inject({ method: 'GET', url: '/api/v1/self-check' })).json()).toEqual({
      organizationName: expect.stringMatching(/^Test Clinic/),
    });
    const res = await request(clinic, {
      givenName: 'Alex',
      familyName: 'Quinn',
      phone: '555-010-9999',
      bestTime: 'after 5pm',
      consentToContact: true,
    });
    expect(res.statusCode).toBe(202);
    const intake = await signIn(clinic, await createUser(clinic, organizationId, ['intake']));
    const [referral] = (await intake.get('/api/v1/referrals?open=true')).json().items;
    expect(referral).toMatchObject({
      source: 'self',
      urgency: 'routine',
      consentToContact: true,
      status: 'new',
      patient: { givenName: 'Alex', familyName: 'Quinn', dateOfBirth: null },
    });
    expect(referral.reason).toContain('after 5pm');
    const patient = (await intake.get(`/api/v1/patients/${referral.patient.id}`)).json();
    expect(patient).toMatchObject({ phone: '555-010-9999', email: null, address: null, pronouns: null });
  });

  it('refuses a request without consent or a usable phone, field by field', async () => {
    const res = await request(clinic, {
      givenName: '',
      familyName: 'Q',
      phone: 'abc',
      consentToContact: false,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['consentToContact', 'givenName', 'phone']);
  });

  it('answers 400, not 500, to a NUL character in text', async () => {
    const res = await request(clinic, {
      givenName: 'A\u0000',
      familyName: 'B',
      phone: '555-010-2222',
      consentToContact: true,
    });
    expect(res.statusCode).toBe(400);
  });

  it('is rate-limited per client', async () => {
    const body = { givenName: 'Rate', familyName: 'Limit', phone: '555-010-1111', consentToContact: true };
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await request(clinic, body)).statusCode);
    // One request was spent by the first test, one 400 by the second.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

  it('answers 404 when the deployment has several clinics and none is configured', async () => {
    await createOrganization(t);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/self-check' })).statusCode).toBe(404);
  });
});
