import { describe, expect, it } from 'vitest';
import { createOrganization, signIn, useTestApp } from '../../test/support/test-app.js';
import { testEngine } from '../../test/support/database.js';

const t = useTestApp();

describe('platform', () => {
  it('GET /healthz reports the engine', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: testEngine() });
  });

  it('publishes the OpenAPI document and browsable docs', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/users', '/api/v1/audit-events']),
    );
    expect(
      doc.paths['/api/v1/users'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('roles');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown routes with a JSON 404 problem', async () => {
    for (const url of ['/api/v1/nothing-here', '/api/other', '/healthz/deep']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Not found' });
    }
  });

  it('requires a session on every API route unless marked public (fails closed)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const publicRoutes = new Set([
      'post /api/v1/auth/login',
      'get /healthz',
      // Instrument definitions and stateless scoring store nothing; the self-check is for the public.
      'get /api/v1/instruments',
      'get /api/v1/instruments/{id}',
      'post /api/v1/instruments/{id}/score',
      'get /api/v1/self-check',
      'post /api/v1/self-check/callback',
      // A calendar feed: the secret link is the credential (unknown or revoked tokens are 404).
      'get /api/v1/ics/{file}',
      // The kiosk: the one-time hand-off code is the credential (unknown or expired codes are 404).
      'get /api/v1/kiosk/{code}',
      'post /api/v1/kiosk/{code}/administrations',
    ]);
    for (const [path, ops] of Object.entries<Record<string, unknown>>(doc.paths)) {
      for (const method of Object.keys(ops)) {
        if (publicRoutes.has(`${method} ${path}`)) continue;
        const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
        const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url });
        expect({ route: `${method} ${path}`, status: res.statusCode }).toEqual({
          route: `${method} ${path}`,
          status: 401,
        });
      }
    }
  });

  describe('bad input changes nothing and gets a clear 4xx', () => {
    async function admin() {
      const { admin: a } = await createOrganization(t);
      return signIn(t, a);
    }

    it('malformed JSON → 400 bad_request', async () => {
      const s = await admin();
      const res = await s.request('POST', '/api/v1/users', '{"email": ', {
        'content-type': 'application/json',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('bad_request');
    });

    it('a body that is not JSON → 415', async () => {
      const s = await admin();
      const res = await s.request('POST', '/api/v1/users', 'email=a@b.c', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().code).toBe('unsupported_media_type');
    });

    it('an oversized body → 413', async () => {
      const s = await admin();
      const res = await s.post('/api/v1/users', {
        email: 'big@test.example',
        displayName: 'x'.repeat(600 * 1024),
        roles: ['clinician'],
        password: 'a long enough password',
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
      expect((await s.get('/api/v1/users?q=big@test')).json().items).toEqual([]);
    });

    it('wrong types → 400 listing each field by path', async () => {
      const s = await admin();
      const res = await s.post('/api/v1/users', {
        email: ['x'],
        displayName: 7,
        roles: 'clinician',
        password: true,
      });
      expect(res.statusCode).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: { path: string }) => e.path)
          .sort(),
      ).toEqual(['displayName', 'email', 'password', 'roles']);
    });
  });

  it('never sends stack traces, SQL or internals in an error', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x'.repeat(300), password: 'p' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toMatch(/at .*\.ts:\d+|select|insert|node_modules/i);
  });

  it('sets security headers and keeps API answers out of caches', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(res.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
