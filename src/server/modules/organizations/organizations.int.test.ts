import { describe, expect, it } from 'vitest';
import { createOrganization, createUser, signIn, useTestApp } from '../../../../test/support/test-app.js';

const t = useTestApp();

describe('organization settings', () => {
  it('every staff member reads their organization; only an admin renames it', async () => {
    const { organization, admin } = await createOrganization(t);
    const clinician = await signIn(t, await createUser(t, organization.id, ['clinician']));
    expect((await clinician.get('/api/v1/organization')).json()).toMatchObject({
      id: organization.id,
      timeZone: 'America/New_York',
    });
    expect((await clinician.patch('/api/v1/organization', { name: 'Hijacked' })).statusCode).toBe(403);

    const adminSession = await signIn(t, admin);
    const res = await adminSession.patch('/api/v1/organization', { name: 'Riverbend Recovery' });
    expect(res.json()).toMatchObject({
      name: 'Riverbend Recovery',
      settings: { mfaRequiredForStaff: false },
    });
  });

  it('refuses unknown settings and wrong types', async () => {
    const { admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    expect((await s.patch('/api/v1/organization', { plan: 'gold' })).statusCode).toBe(400);
    const wrongType = await s.patch('/api/v1/organization', { settings: { mfaRequiredForStaff: 'yes' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].path).toBe('settings.mfaRequiredForStaff');
  });
});

describe('clinical-note settings', () => {
  it('defaults the late-entry hours and the Part 2 notice, and lets an admin change them', async () => {
    const { admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    const before = (await s.get('/api/v1/organization')).json<{ settings: Record<string, unknown> }>();
    expect(before.settings.lateEntryHours).toBe(24);
    expect(before.settings.part2Notice).toMatch(/42 CFR part 2/);
    const notice =
      'These records are protected by 42 CFR part 2 and may not be redisclosed without the patient’s written consent.';
    const res = await s.patch('/api/v1/organization', {
      settings: { lateEntryHours: 48, part2Notice: notice },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ settings: { lateEntryHours: 48, part2Notice: notice } });
    const tooShort = await s.patch('/api/v1/organization', { settings: { part2Notice: 'Confidential.' } });
    expect(tooShort.statusCode).toBe(400);
    expect((await s.patch('/api/v1/organization', { settings: { lateEntryHours: 0 } })).statusCode).toBe(400);
  });
});

describe('locations and rooms', () => {
  it('an admin adds a location with an IANA time zone and rooms in it', async () => {
    const { admin } = await createOrganization(t);
    const s = await signIn(t, admin);
    const loc = await s.post('/api/v1/locations', {
      name: 'Westside Clinic',
      timeZone: 'America/Chicago',
      address: '5 Elm St',
    });
    expect(loc.statusCode).toBe(201);
    const locationId = loc.json().id;
    const room = await s.post(`/api/v1/locations/${locationId}/rooms`, { name: 'Group Room', capacity: 12 });
    expect(room.statusCode).toBe(201);
    expect(room.json()).toMatchObject({ name: 'Group Room', capacity: 12, telehealth: false, locationId });
    expect((await s.get(`/api/v1/locations/${locationId}/rooms`)).json().items).toHaveLength(1);
    expect((await s.get('/api/v1/locations')).json().items.map((l: { name: string }) => l.name)).toEqual([
      'Main',
      'Westside Clinic',
    ]);
    const renamed = await s.patch(`/api/v1/locations/${locationId}`, { timeZone: 'America/Denver' });
    expect(renamed.json().timeZone).toBe('America/Denver');
  });

  it('refuses a time zone that is not IANA, a zero-capacity room and duplicate names', async () => {
    const { admin, location } = await createOrganization(t);
    const s = await signIn(t, admin);
    const tz = await s.post('/api/v1/locations', { name: 'Nowhere', timeZone: 'Mars/Olympus' });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().errors[0].path).toBe('timeZone');
    expect((await s.post('/api/v1/locations', { name: 'X', timeZone: 'EST' })).statusCode).toBe(400);
    expect(
      (await s.post(`/api/v1/locations/${location.id}/rooms`, { name: 'Closet', capacity: 0 })).statusCode,
    ).toBe(400);
    expect(
      (await s.post('/api/v1/locations', { name: 'main', timeZone: 'America/New_York' })).statusCode,
    ).toBe(409);
    await s.post(`/api/v1/locations/${location.id}/rooms`, { name: 'Office 1', capacity: 2 });
    expect(
      (await s.post(`/api/v1/locations/${location.id}/rooms`, { name: 'OFFICE 1', capacity: 2 })).statusCode,
    ).toBe(409);
  });

  it('non-admins read locations but cannot add them', async () => {
    const { organization } = await createOrganization(t);
    const s = await signIn(t, await createUser(t, organization.id, ['front_desk']));
    expect((await s.get('/api/v1/locations')).statusCode).toBe(200);
    expect((await s.post('/api/v1/locations', { name: 'New', timeZone: 'UTC' })).statusCode).toBe(403);
  });
});
