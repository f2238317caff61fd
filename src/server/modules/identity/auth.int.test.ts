import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import {
  buildTestApp,
  createOrganization,
  createUser,
  login,
  MINUTE,
  signIn,
  useTestApp,
} from '../../../../test/support/test-app.js';

const t = useTestApp();

const codeAt = (secret: string, at: Date) =>
  new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp: at.getTime(),
  });

const auditActions = async (organizationId: string) =>
  (
    await t.deps.database.db
      .selectFrom('audit_events')
      .select(['action', 'outcome', 'details', 'actor_user_id'])
      .where('organization_id', '=', organizationId)
      .orderBy('chain_seq')
      .execute()
  ).map((r) => ({ action: r.action, outcome: r.outcome, reason: (r.details as { reason?: string }).reason }));

describe('sign in', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the user, organization and roles', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician'], 'Taylor Reed');
    const res = await login(t, user.email.toUpperCase(), user.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'trellis_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    const me = res.json();
    expect(me.user).toMatchObject({ id: user.id, displayName: 'Taylor Reed', roles: ['clinician'] });
    expect(me.organization).toMatchObject({ id: organization.id, name: organization.name });
    expect(me.roles).toEqual(['clinician']);
    expect(JSON.stringify(me)).not.toContain('password');
    expect(await auditActions(organization.id)).toContainEqual({
      action: 'login',
      outcome: 'success',
      reason: undefined,
    });
  });

  it('marks the cookie Secure behind an HTTPS proxy', async () => {
    const proxied = await buildTestApp({ trustProxy: true });
    try {
      const { organization } = await createOrganization(proxied);
      const user = await createUser(proxied, organization.id, ['clinician']);
      const res = await proxied.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'x-forwarded-proto': 'https' },
        payload: { email: user.email, password: user.password },
      });
      expect(res.cookies.find((c) => c.name === 'trellis_session')?.secure).toBe(true);
    } finally {
      await proxied.close();
    }
  });

  it('answers a wrong password and an unknown email identically', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const wrong = await login(t, user.email, 'not the password at all');
    const unknown = await login(t, 'nobody-here@test.example', 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const strip = (b: { instance?: string }) => ({ ...b, instance: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json().code).toBe('invalid_credentials');
    expect(wrong.cookies).toHaveLength(0);
  });

  it('locks the account after five failures for fifteen minutes, without saying so', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    for (let i = 0; i < 5; i++) expect((await login(t, user.email, 'wrong password!!')).statusCode).toBe(401);

    const whileLocked = await login(t, user.email, user.password);
    expect(whileLocked.statusCode).toBe(401);
    expect(whileLocked.json().code).toBe('invalid_credentials');

    t.clock.advance(14 * MINUTE);
    expect((await login(t, user.email, user.password)).statusCode).toBe(401);
    t.clock.advance(1 * MINUTE + 1000);
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);

    const reasons = (await auditActions(organization.id))
      .filter((a) => a.action === 'failed_login')
      .map((a) => a.reason);
    expect(reasons).toEqual([
      'bad_password',
      'bad_password',
      'bad_password',
      'bad_password',
      'bad_password',
      'locked',
      'locked',
    ]);
  });

  it('resets the failure count after a successful sign-in', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    for (let i = 0; i < 4; i++) await login(t, user.email, 'wrong password!!');
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await login(t, user.email, 'wrong password!!');
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
  });

  it('refuses a deactivated user with the same generic answer', async () => {
    const { organization, admin } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const adminSession = await signIn(t, admin);
    expect((await adminSession.post(`/api/v1/users/${user.id}/deactivate`)).statusCode).toBe(200);
    const res = await login(t, user.email, user.password);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('invalid_credentials');
  });

  it('rejects a malformed body with field errors', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 42 } });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password']));
  });

  it('refuses a sign-in posted from another site (login CSRF)', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example' },
      payload: { email: user.email, password: user.password },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
  });

  it('rate-limits sign-in attempts per IP', async () => {
    const limited = await buildTestApp({ loginRatePerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await login(limited, `someone${i}@test.example`, 'whatever password')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
      const last = await login(limited, 'someone@test.example', 'whatever password');
      expect(last.json().code).toBe('rate_limited');
      expect(last.headers['content-type']).toContain('application/problem+json');
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('GET /me needs a session; logout ends it on the server', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).json().code).toBe('unauthenticated');
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    const out = await session.post('/api/v1/auth/logout');
    expect(out.statusCode).toBe(204);
    // The old cookie no longer works even if a browser kept it.
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    expect((await auditActions(organization.id)).map((a) => a.action)).toContain('logout');
  });

  it('ends after 15 idle minutes, and activity keeps it alive', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    t.clock.advance(14 * MINUTE);
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(14 * MINUTE);
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    t.clock.advance(15 * MINUTE);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ends 12 hours after sign-in however active the user is', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    for (let elapsed = 0; elapsed < 12 * 60 - 10; elapsed += 10) {
      t.clock.advance(10 * MINUTE);
      expect((await session.get('/api/v1/me')).statusCode).toBe(200);
    }
    t.clock.advance(10 * MINUTE);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('honours configured timeouts', async () => {
    const short = await buildTestApp({ session: { idleMinutes: 2, absoluteMinutes: 5 } });
    try {
      const { organization } = await createOrganization(short);
      const user = await createUser(short, organization.id, ['clinician']);
      const session = await signIn(short, user);
      short.clock.advance(2 * MINUTE);
      expect((await session.get('/api/v1/me')).statusCode).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('ends a deactivated user’s sessions at once', async () => {
    const { organization, admin } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    const adminSession = await signIn(t, admin);
    await adminSession.post(`/api/v1/users/${user.id}/deactivate`);
    expect((await session.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('refuses a change without the CSRF token', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    const res = await session.request('POST', '/api/v1/auth/logout', undefined, { 'x-csrf-token': 'forged' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    expect((await session.get('/api/v1/me')).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('needs the current password, applies the policy, and ends other sessions', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const here = await signIn(t, user);
    const elsewhere = await signIn(t, user);

    const wrongCurrent = await here.post('/api/v1/me/password', {
      currentPassword: 'nope nope nope',
      newPassword: 'a brand new passphrase',
    });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().errors[0].path).toBe('currentPassword');

    const tooShort = await here.post('/api/v1/me/password', {
      currentPassword: user.password,
      newPassword: 'short',
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().errors[0].path).toBe('newPassword');

    const ok = await here.post('/api/v1/me/password', {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase',
    });
    expect(ok.statusCode).toBe(204);
    expect((await here.get('/api/v1/me')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).statusCode).toBe(401);
    expect((await login(t, user.email, user.password)).statusCode).toBe(401);
    expect((await login(t, user.email, 'a brand new passphrase')).statusCode).toBe(200);
  });
});

describe('multi-factor authentication (TOTP)', () => {
  async function enroll(session: Awaited<ReturnType<typeof signIn>>) {
    const setup = await session.post('/api/v1/me/mfa/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri, qrSvg } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Trellis:/);
    expect(qrSvg).toContain('<svg');
    const verify = await session.post('/api/v1/me/mfa/totp/verify', { code: codeAt(secret, t.clock.now()) });
    expect(verify.statusCode).toBe(200);
    expect(verify.json().user.mfaEnabled).toBe(true);
    return secret as string;
  }

  it('enrolls with a QR code, then asks for a code at every sign-in', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const secret = await enroll(await signIn(t, user));
    t.clock.advance(MINUTE);

    const noCode = await login(t, user.email, user.password);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().code).toBe('mfa_required');
    expect(noCode.cookies).toHaveLength(0);

    const badCode = await login(t, user.email, user.password, '000000');
    expect(badCode.json().code).toBe('mfa_invalid');

    const code = codeAt(secret, t.clock.now());
    expect((await login(t, user.email, user.password, code)).statusCode).toBe(200);
    // The same code cannot be used twice.
    expect((await login(t, user.email, user.password, code)).json().code).toBe('mfa_invalid');
  });

  it('lets one code sign in once even when two sign-ins race with it', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const secret = await enroll(await signIn(t, user));
    t.clock.advance(MINUTE);
    const code = codeAt(secret, t.clock.now());
    const results = await Promise.all([
      login(t, user.email, user.password, code),
      login(t, user.email, user.password, code),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('refuses enrollment with a wrong code and keeps MFA off', async () => {
    const { organization } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    await session.post('/api/v1/me/mfa/totp/setup');
    const res = await session.post('/api/v1/me/mfa/totp/verify', { code: '123456' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('code');
    expect((await session.get('/api/v1/me')).json().user.mfaEnabled).toBe(false);
  });

  it('lets a user turn MFA off with their password, unless the organization requires it', async () => {
    const { organization, admin } = await createOrganization(t);
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    await enroll(session);
    expect(
      (await session.post('/api/v1/me/mfa/totp/disable', { password: 'wrong password!!' })).statusCode,
    ).toBe(400);

    const adminSession = await signIn(t, admin);
    const refused = await adminSession.patch('/api/v1/organization', {
      settings: { mfaRequiredForStaff: true },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].path).toBe('settings.mfaRequiredForStaff');
    await enroll(adminSession);
    const required = await adminSession.patch('/api/v1/organization', {
      settings: { mfaRequiredForStaff: true },
    });
    expect(required.json()).toMatchObject({ settings: { mfaRequiredForStaff: true } });
    expect((await session.post('/api/v1/me/mfa/totp/disable', { password: user.password })).statusCode).toBe(
      409,
    );

    await adminSession.patch('/api/v1/organization', { settings: { mfaRequiredForStaff: false } });
    expect((await session.post('/api/v1/me/mfa/totp/disable', { password: user.password })).statusCode).toBe(
      204,
    );
    expect((await login(t, user.email, user.password)).statusCode).toBe(200);
  });

  it('when the organization requires MFA, an unenrolled user may only enroll', async () => {
    const { organization } = await createOrganization(t, { mfaRequiredForStaff: true });
    const user = await createUser(t, organization.id, ['clinician']);
    const session = await signIn(t, user);
    const me = await session.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().mfaEnrollmentRequired).toBe(true);
    const blocked = await session.get('/api/v1/organization');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('mfa_enrollment_required');

    await enroll(session);
    expect((await session.get('/api/v1/me')).json().mfaEnrollmentRequired).toBe(false);
    expect((await session.get('/api/v1/organization')).statusCode).toBe(200);
  });
});
