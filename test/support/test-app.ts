import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { beforeAll } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { loadConfig, type Config } from '../../src/server/config.js';
import { createDeps, type Deps } from '../../src/server/deps.js';
import type { Clock } from '../../src/server/platform/clock.js';
import type { StaffRole } from '../../src/domain/identity/roles.js';
import { openTestDatabase } from './database.js';

export class TestClock implements Clock {
  private current = new Date();
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
  set(instant: Date | string) {
    this.current = new Date(instant);
  }
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: TestClock;
  close(): Promise<void>;
}

export const MINUTE = 60_000;

/**
 * The whole application on a real database, with a clock the test controls. One per test file;
 * `sameDatabaseAs` builds a second app (other settings) over the first one's database.
 */
export async function buildTestApp(
  overrides: Partial<Config> = {},
  sameDatabaseAs?: TestApp,
): Promise<TestApp> {
  const config: Config = {
    ...loadConfig({}),
    loginRatePerMinute: 100_000,
    webDir: '/nonexistent',
    ...overrides,
  };
  const database = sameDatabaseAs?.deps.database ?? (await openTestDatabase());
  const clock = new TestClock();
  const deps = createDeps(config, database, clock);
  const app = await buildApp(deps);
  await app.ready();
  return {
    app,
    deps,
    clock,
    async close() {
      await app.close();
      if (!sameDatabaseAs) await database.close();
    },
  };
}

/** For a test file: one app on a real database for the whole file, closed after it. */
export function useTestApp(overrides: Partial<Config> = {}): TestApp {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await buildTestApp(overrides);
    return () => current?.close();
  });
  const started = () => {
    if (!current) throw new Error('useTestApp: the app starts in beforeAll');
    return current;
  };
  return {
    get app() {
      return started().app;
    },
    get deps() {
      return started().deps;
    },
    get clock() {
      return started().clock;
    },
    close: () => started().close(),
  };
}

export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  organizationId: string;
}

/** A fresh organization per test, with one administrator. */
export async function createOrganization(
  t: TestApp,
  opts: { timeZone?: string; mfaRequiredForStaff?: boolean } = {},
) {
  const { organization, location } = await t.deps.organizations.provision({
    name: `Test Clinic ${randomUUID().slice(0, 8)}`,
    timeZone: opts.timeZone ?? 'America/New_York',
    settings: { mfaRequiredForStaff: opts.mfaRequiredForStaff ?? false },
    location: { name: 'Main' },
  });
  const admin = await createUser(t, organization.id, ['admin']);
  return { organization, location, admin };
}

export async function createUser(
  t: TestApp,
  organizationId: string,
  roles: StaffRole[],
  displayName = 'Test User',
): Promise<TestUser> {
  const email = `user-${randomUUID()}@test.example`;
  const user = await t.deps.users.provision(organizationId, {
    email,
    displayName,
    roles,
    password: TEST_PASSWORD,
  });
  return { id: user.id, email, password: TEST_PASSWORD, organizationId };
}

type Body = InjectOptions['payload'];

/** A signed-in browser: sends the session cookie and, on changes, the CSRF header. */
export class Session {
  constructor(
    private readonly t: TestApp,
    readonly cookie: string,
    readonly csrfToken: string,
  ) {}

  request(
    method: InjectOptions['method'],
    url: string,
    payload?: Body,
    headers: Record<string, string> = {},
  ): Promise<LightMyRequestResponse> {
    const safe = method === 'GET' || method === 'HEAD';
    return this.t.app.inject({
      method,
      url,
      payload,
      headers: { cookie: this.cookie, ...(safe ? {} : { 'x-csrf-token': this.csrfToken }), ...headers },
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: Body) => this.request('POST', url, body);
  patch = (url: string, body?: Body) => this.request('PATCH', url, body);
  put = (url: string, body?: Body) => this.request('PUT', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

export function login(t: TestApp, email: string, password: string, totp?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...(totp ? { totp } : {}) },
  });
}

export async function signIn(
  t: TestApp,
  user: { email: string; password: string },
  totp?: string,
): Promise<Session> {
  const res = await login(t, user.email, user.password, totp);
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'trellis_session');
  if (!cookie) throw new Error('no session cookie');
  return new Session(t, `trellis_session=${cookie.value}`, res.json<{ csrfToken: string }>().csrfToken);
}
