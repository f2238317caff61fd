import { describe, expect, it } from 'vitest';
import type { UserDto } from '../../../contracts/identity.js';
import {
  createOrganization,
  createUser,
  login,
  signIn,
  useTestApp,
} from '../../../../test/support/test-app.js';

const t = useTestApp();

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `new-${Math.random().toString(36).slice(2)}@test.example`,
  displayName: 'Morgan Lee',
  roles: ['clinician'],
  password: 'a long enough password',
  ...overrides,
});

async function adminOfNewOrg() {
  const org = await createOrganization(t);
  return { ...org, session: await signIn(t, org.admin) };
}

describe('user administration', () => {
  it('an admin creates a user who can then sign in, and the creation is audited', async () => {
    const { organization, session } = await adminOfNewOrg();
    const body = newUser({ email: 'Morgan.Lee@Test.Example', roles: ['clinician', 'prescriber'] });
    const res = await session.post('/api/v1/users', body);
    expect(res.statusCode).toBe(201);
    const created = res.json<UserDto>();
    expect(created).toMatchObject({
      email: 'morgan.lee@test.example',
      displayName: 'Morgan Lee',
      roles: ['clinician', 'prescriber'],
      status: 'active',
      mfaEnabled: false,
    });
    expect(res.body).not.toContain('password');
    expect((await login(t, 'morgan.lee@test.example', body.password)).statusCode).toBe(200);

    const audit = await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'resource_id'])
      .where('organization_id', '=', organization.id)
      .where('resource_id', '=', created.id)
      .execute();
    expect(audit).toContainEqual({ action: 'create', resource_type: 'User', resource_id: created.id });
  });

  it('lists and filters users by text, role and status', async () => {
    const { organization, session } = await adminOfNewOrg();
    await createUser(t, organization.id, ['clinician'], 'Riley Clinician');
    const biller = await createUser(t, organization.id, ['biller'], 'Avery Biller');
    await session.post(`/api/v1/users/${biller.id}/deactivate`);

    const all = (await session.get('/api/v1/users')).json<{ items: UserDto[] }>().items;
    expect(all.map((u) => u.displayName).sort()).toEqual(['Avery Biller', 'Riley Clinician', 'Test User']);
    const byText = (await session.get('/api/v1/users?q=riley')).json<{ items: UserDto[] }>().items;
    expect(byText.map((u) => u.displayName)).toEqual(['Riley Clinician']);
    const byRole = (await session.get('/api/v1/users?role=biller')).json<{ items: UserDto[] }>().items;
    expect(byRole.map((u) => u.displayName)).toEqual(['Avery Biller']);
    const active = (await session.get('/api/v1/users?status=active')).json<{ items: UserDto[] }>().items;
    expect(active.map((u) => u.displayName).sort()).toEqual(['Riley Clinician', 'Test User']);
    // LIKE wildcards in the search are literal characters.
    expect((await session.get('/api/v1/users?q=%25')).json().items).toEqual([]);
  });

  it('reports each invalid field and creates nothing', async () => {
    const { session } = await adminOfNewOrg();
    const before = (await session.get('/api/v1/users')).json().items.length;
    const res = await session.post('/api/v1/users', {
      email: 'not-an-email',
      displayName: '',
      roles: [],
      password: 'short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'displayName', 'roles', 'password']));
    expect((await session.get('/api/v1/users')).json().items.length).toBe(before);
  });

  it('refuses the patient role and unknown roles for staff accounts', async () => {
    const { session } = await adminOfNewOrg();
    expect((await session.post('/api/v1/users', newUser({ roles: ['patient'] }))).statusCode).toBe(400);
    expect((await session.post('/api/v1/users', newUser({ roles: ['superuser'] }))).statusCode).toBe(400);
  });

  it('refuses a weak password by the policy', async () => {
    const { session } = await adminOfNewOrg();
    const res = await session.post('/api/v1/users', newUser({ password: 'aaaaaaaaaaaaaa' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('password');
  });

  it('answers 409 for an email already in use, in any organization', async () => {
    const { session } = await adminOfNewOrg();
    const other = await createOrganization(t);
    const res = await session.post('/api/v1/users', newUser({ email: other.admin.email }));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('email');
  });

  it('edits name, email and roles; a role change ends the user’s sessions', async () => {
    const { organization, session } = await adminOfNewOrg();
    const user = await createUser(t, organization.id, ['clinician']);
    const userSession = await signIn(t, user);
    const res = await session.patch(`/api/v1/users/${user.id}`, {
      displayName: 'Renamed',
      roles: ['clinician', 'intake'],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Renamed', roles: ['clinician', 'intake'] });
    expect((await userSession.get('/api/v1/me')).statusCode).toBe(401);
    const again = await signIn(t, user);
    expect((await again.get('/api/v1/me')).json().roles).toEqual(['clinician', 'intake']);
  });

  it('refuses an empty or unknown-field edit', async () => {
    const { organization, session } = await adminOfNewOrg();
    const user = await createUser(t, organization.id, ['clinician']);
    expect((await session.patch(`/api/v1/users/${user.id}`, {})).statusCode).toBe(400);
    expect((await session.patch(`/api/v1/users/${user.id}`, { status: 'active' })).statusCode).toBe(400);
  });

  it('resets a password: the old one stops working', async () => {
    const { organization, session } = await adminOfNewOrg();
    const user = await createUser(t, organization.id, ['clinician']);
    expect(
      (await session.patch(`/api/v1/users/${user.id}`, { password: 'a completely new secret' })).statusCode,
    ).toBe(200);
    expect((await login(t, user.email, user.password)).statusCode).toBe(401);
    expect((await login(t, user.email, 'a completely new secret')).statusCode).toBe(200);
  });

  it('deactivates and reactivates', async () => {
    const { organization, session } = await adminOfNewOrg();
    const user = await createUser(t, organization.id, ['clinician']);
    expect((await session.post(`/api/v1/users/${user.id}/deactivate`)).json().status).toBe('deactivated');
    expect((await login(t, user.email, user.password)).statusCode).toBe(401);
    expect((await session.post(`/api/v1/users/${user.id}/reactivate`)).json().status).toBe('active');
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
  });

  it('unlocks a locked account', async () => {
    const { organization, session } = await adminOfNewOrg();
    const user = await createUser(t, organization.id, ['clinician']);
    for (let i = 0; i < 5; i++) await login(t, user.email, 'wrong password!!');
    expect((await session.get(`/api/v1/users/${user.id}`)).json().lockedUntil).not.toBeNull();
    expect((await session.post(`/api/v1/users/${user.id}/unlock`)).json().lockedUntil).toBeNull();
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
  });

  it('resets a user’s MFA so they sign in with the password alone and enroll again', async () => {
    const { organization, session } = await adminOfNewOrg();
    const user = await createUser(t, organization.id, ['clinician']);
    await t.deps.database.db
      .updateTable('users')
      .set({ totp_secret: 'JBSWY3DPEHPK3PXP' })
      .where('id', '=', user.id)
      .execute();
    expect((await login(t, user.email, user.password)).json().code).toBe('mfa_required');
    expect((await session.post(`/api/v1/users/${user.id}/mfa/reset`)).json().mfaEnabled).toBe(false);
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
  });

  it('keeps at least one active administrator', async () => {
    const { admin, session } = await adminOfNewOrg();
    const self = await session.post(`/api/v1/users/${admin.id}/deactivate`);
    expect(self.statusCode).toBe(409);
    const demote = await session.patch(`/api/v1/users/${admin.id}`, { roles: ['clinician'] });
    expect(demote.statusCode).toBe(409);
    expect((await session.get('/api/v1/me')).json().roles).toEqual(['admin']);
  });

  it('is for administrators only', async () => {
    const { organization } = await createOrganization(t);
    for (const role of ['clinician', 'program_director', 'front_desk'] as const) {
      const user = await createUser(t, organization.id, [role]);
      const s = await signIn(t, user);
      expect((await s.get('/api/v1/users')).statusCode).toBe(403);
      expect((await s.post('/api/v1/users', newUser())).statusCode).toBe(403);
      expect((await s.post(`/api/v1/users/${user.id}/deactivate`)).statusCode).toBe(403);
    }
  });

  it('answers 404 for a user id that does not exist and 400 for one that is not an id', async () => {
    const { session } = await adminOfNewOrg();
    expect((await session.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await session.get('/api/v1/users/not-a-uuid');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('params.id');
  });
});
