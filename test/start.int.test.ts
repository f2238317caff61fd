import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../src/server/demo/seed.js';

/** `npm start` as a person runs it: a real process on the embedded database in a data directory. */
const TSX = path.resolve('node_modules/.bin/tsx');
const CLI = path.resolve('src/cli/main.ts');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-start-'));
const children = new Set<ChildProcess>();
afterEach(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  children.clear();
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function childEnv(extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    TRELLIS_DATA_DIR: dataDir,
    TRELLIS_LOG_LEVEL: 'warn',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.TRELLIS_DEMO;
  return { ...env, ...extra };
}

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

function start(extra: Record<string, string> = {}): Promise<Started> {
  const child = spawn(TSX, [CLI, 'start'], { env: childEnv(extra), stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Trellis is running at (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!.replace('localhost', '127.0.0.1'), output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before starting:\n${output}`));
    });
  });
}

function halfSentSignIn(url: string, email: string) {
  const body = JSON.stringify({ email, password: 'trellis-demo-2026' });
  const half = Math.floor(body.length / 2);
  const req = http.request(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
  });
  const status = new Promise<number | undefined>((resolve, reject) => {
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
  });
  const headersSent = new Promise<void>((resolve) => req.write(body.slice(0, half), () => resolve()));
  return { headersSent, status, finish: () => req.end(body.slice(half)) };
}

const signIn = (url: string, email: string) =>
  fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'trellis-demo-2026' }),
  });

describe('npm start on the embedded database', { timeout: 120_000 }, () => {
  it('migrates, seeds the demo clinic, prints the logins, and stops gracefully mid-request', async () => {
    const server = await start();
    expect(server.output()).toContain('Applied migrations: 0001_foundation.sql');
    for (const who of ['admin', 'director', 'therapist', 'prescriber', 'intake', 'billing', 'frontdesk'])
      expect(server.output()).toContain(`${who}@riverside.example`);
    expect(server.output()).toContain('trellis-demo-2026');
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok', database: 'pglite' });

    // A sign-in is in flight when SIGTERM arrives: its headers and half its body are sent, the rest
    // follows after the signal. It still completes, and then the process exits cleanly.
    const inFlight = halfSentSignIn(server.url, 'therapist@riverside.example');
    await inFlight.headersSent;
    await new Promise((r) => setTimeout(r, 500));
    server.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 200));
    inFlight.finish();
    expect(await inFlight.status).toBe(200);
    expect(await server.exited).toBe(0);
  });

  it('a second start reopens the same data, applies nothing and seeds nothing', async () => {
    const server = await start();
    try {
      expect(server.output()).not.toContain('Applied migrations');
      const res = await signIn(server.url, 'admin@riverside.example');
      expect(res.status).toBe(200);
      const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
      const users = await (await fetch(`${server.url}/api/v1/users`, { headers: { cookie } })).json();
      expect(users.items).toHaveLength(DEMO_USERS.length);

      // The demo clinic's intake board has a referral in every stage, with screening history.
      const intake = (await signIn(server.url, 'intake@riverside.example')).headers
        .get('set-cookie')!
        .split(';')[0]!;
      const referrals = (await (
        await fetch(`${server.url}/api/v1/referrals`, { headers: { cookie: intake } })
      ).json()) as {
        items: { status: string; patient: { id: string } }[];
      };
      expect(new Set(referrals.items.map((r) => r.status))).toEqual(
        new Set([
          'new',
          'contacted',
          'screening',
          'assessed',
          'accepted',
          'declined',
          'referred_elsewhere',
          'admitted',
        ]),
      );
      // …and programs with running tracks and about forty admitted patients.
      const programs = (await (
        await fetch(`${server.url}/api/v1/programs`, { headers: { cookie: intake } })
      ).json()) as { items: { activeEpisodes: number; tracks: { memberCount: number }[] }[] };
      expect(programs.items).toHaveLength(4);
      expect(programs.items.reduce((n, p) => n + p.activeEpisodes, 0)).toBe(40);
      expect(programs.items.flatMap((p) => p.tracks).every((t) => t.memberCount > 0)).toBe(true);
      const alerts = await (
        await fetch(`${server.url}/api/v1/safety-alerts?status=open`, { headers: { cookie: intake } })
      ).json();
      expect(alerts.items).toHaveLength(1);

      // The data directory is guarded against a second process.
      const second = spawnSync(TSX, [CLI, 'start'], { env: childEnv(), encoding: 'utf8', timeout: 60_000 });
      expect(second.status).toBe(1);
      expect(second.stderr).toContain('is in use by process');
    } finally {
      server.child.kill('SIGINT');
      expect(await server.exited).toBe(0);
    }
  });

  it('`trellis audit verify` finds the chain intact after the runs above', () => {
    const res = spawnSync(TSX, [CLI, 'audit', 'verify'], {
      env: childEnv(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.stdout).toMatch(/\d+ audit events in \d+ chains: intact/);
    expect(res.status).toBe(0);
  });

  it('TRELLIS_DEMO=0 starts an empty clinic', async () => {
    const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-empty-'));
    const server = await start({ TRELLIS_DATA_DIR: emptyDir, TRELLIS_DEMO: '0' });
    try {
      expect(server.output()).not.toContain('riverside.example');
      expect((await signIn(server.url, 'admin@riverside.example')).status).toBe(401);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
      fs.rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
