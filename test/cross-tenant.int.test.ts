import { describe, expect, it } from 'vitest';
import { createOrganization, createUser, signIn, useTestApp } from './support/test-app.js';

const t = useTestApp();

/**
 * Tenancy: a user of one organization gets 404 for anything of another, on every route that
 * names a record. New record types add their routes here.
 */
describe('cross-organization access', () => {
  it('a second organization’s admin and clinician get 404 on the first’s records', async () => {
    const first = await createOrganization(t);
    const firstClinician = await createUser(t, first.organization.id, ['clinician']);
    const firstAdminSession = await signIn(t, first.admin);
    const [auditEvent] = (await firstAdminSession.get('/api/v1/audit-events')).json().items;

    const second = await createOrganization(t);
    const secondAdmin = await signIn(t, second.admin);
    const secondClinician = await signIn(t, await createUser(t, second.organization.id, ['clinician']));

    const reads = [
      `/api/v1/users/${firstClinician.id}`,
      `/api/v1/audit-events/${auditEvent.id}`,
      `/api/v1/locations/${first.location.id}/rooms`,
    ];
    const writes: [string, Record<string, unknown> | undefined][] = [
      [`/api/v1/users/${firstClinician.id}/deactivate`, undefined],
      [`/api/v1/users/${firstClinician.id}/unlock`, undefined],
      [`/api/v1/users/${firstClinician.id}/mfa/reset`, undefined],
      [`/api/v1/users/${firstClinician.id}/reactivate`, undefined],
      [`/api/v1/locations/${first.location.id}/rooms`, { name: 'Intruder room', capacity: 2 }],
    ];
    for (const url of reads)
      expect({ url, status: (await secondAdmin.get(url)).statusCode }).toEqual({ url, status: 404 });
    for (const [url, body] of writes)
      expect({ url, status: (await secondAdmin.post(url, body)).statusCode }).toEqual({ url, status: 404 });
    const patch = await secondAdmin.patch(`/api/v1/users/${firstClinician.id}`, {
      displayName: 'Taken over',
    });
    expect(patch.statusCode).toBe(404);
    const loc = await secondAdmin.patch(`/api/v1/locations/${first.location.id}`, { name: 'Taken over' });
    expect(loc.statusCode).toBe(404);

    // A clinician is refused user and audit administration outright, and sees no other tenant's rooms.
    expect((await secondClinician.get(`/api/v1/locations/${first.location.id}/rooms`)).statusCode).toBe(404);

    // Lists never include the other organization's rows.
    const users = (await secondAdmin.get('/api/v1/users')).json().items.map((u: { id: string }) => u.id);
    expect(users).not.toContain(firstClinician.id);
    const audit = (await secondAdmin.get(`/api/v1/audit-events?userId=${first.admin.id}`)).json().items;
    expect(audit).toEqual([]);
    const locations = (await secondAdmin.get('/api/v1/locations'))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(locations).not.toContain(first.location.id);

    // Nothing of the first organization changed.
    const stillThere = await firstAdminSession.get(`/api/v1/users/${firstClinician.id}`);
    expect(stillThere.json()).toMatchObject({ status: 'active', displayName: 'Test User' });
  });

  it('a second organization’s staff get 404 on the first’s patients, referrals, screenings and alerts', async () => {
    const first = await createOrganization(t);
    const intake = await signIn(t, await createUser(t, first.organization.id, ['intake']));
    const referral = (
      await intake.post('/api/v1/referrals', {
        patient: { givenName: 'Private', familyName: 'Person', dateOfBirth: '1980-01-01' },
        source: 'self',
        reason: 'Wants help',
        urgency: 'routine',
        consentToContact: true,
      })
    ).json();
    const patientId: string = referral.patient.id;
    const alert = (
      await intake.post(`/api/v1/patients/${patientId}/administrations`, {
        instrument: 'phq-9',
        answers: [0, 0, 0, 0, 0, 0, 0, 0, 3],
        method: 'staff_entered',
      })
    ).json().alert;

    const second = await createOrganization(t);
    const clinician = await signIn(t, await createUser(t, second.organization.id, ['clinician']));
    const reads = [
      `/api/v1/patients/${patientId}`,
      `/api/v1/patients/${patientId}/administrations`,
      `/api/v1/patients/${patientId}/referrals`,
      `/api/v1/referrals/${referral.id}`,
    ];
    for (const url of reads)
      expect({ url, status: (await clinician.get(url)).statusCode }).toEqual({ url, status: 404 });
    const writes: [string, Record<string, unknown>][] = [
      [`/api/v1/referrals/${referral.id}/status`, { status: 'contacted' }],
      [`/api/v1/referrals/${referral.id}/notes`, { body: 'intrusion' }],
      [
        `/api/v1/patients/${patientId}/administrations`,
        { instrument: 'phq-2', answers: [0, 0], method: 'staff_entered' },
      ],
      [
        `/api/v1/safety-alerts/${alert.id}/acknowledge`,
        { riskLevel: 'low', riskAssessment: 'x'.repeat(30), actionPlan: 'none' },
      ],
      [
        `/api/v1/referrals/${referral.id}/level-of-care-decision`,
        {
          assessment: {
            suicideRisk: 'none',
            violenceRisk: 'none',
            symptomSeverity: 'mild',
            functionalImpairment: 'mild',
            withdrawalRisk: 'none',
            medicallyStable: true,
            supportSystem: 'strong',
            safeHousing: true,
            recentHigherLevelDischarge: null,
            outpatientTried: false,
            canAttendProgram: true,
          },
          chosenLevel: 'outpatient',
        },
      ],
    ];
    for (const [url, body] of writes)
      expect({ url, status: (await clinician.post(url, body)).statusCode }).toEqual({ url, status: 404 });
    expect((await clinician.patch(`/api/v1/patients/${patientId}`, { pronouns: 'x' })).statusCode).toBe(404);

    // Searches and lists never show the other organization's patients.
    expect((await clinician.get('/api/v1/patients?q=Private%20Person')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/patients?q=1980-01-01')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/referrals')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/safety-alerts')).json().items).toEqual([]);
    expect((await clinician.get('/api/v1/tasks')).json().items).toEqual([]);

    // Nothing of the first organization changed.
    const still = (await intake.get(`/api/v1/referrals/${referral.id}`)).json();
    expect(still).toMatchObject({ status: 'new', notes: [] });
  });
});
