import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createOrganization, createUser, signIn, type TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

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
});
