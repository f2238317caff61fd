/**
 * One benchmark target in its own process, so the load generator does not share its event loop:
 * `bare` is a Fastify route with no database; `pglite` and `postgres` are the whole Trellis app.
 * Prints one JSON line {port, cookie} once it listens.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { loadConfig, type Config } from '../src/server/config.js';
import { startServer } from '../src/server/main.js';

const target = process.argv[2];
const PASSWORD = 'bench password 2026';

async function main() {
  if (target === 'bare') {
    const app = Fastify();
    app.get('/bare', async () => ({ status: 'ok' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    console.log(JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 }));
    return;
  }
  const base = loadConfig();
  let database: Config['database'];
  if (target === 'postgres') {
    if (base.database.kind !== 'postgres') throw new Error('set DATABASE_URL for the postgres target');
    database = base.database;
  } else {
    database = { kind: 'pglite', dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-')) };
  }
  const config: Config = {
    ...base,
    database,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    logLevel: 'silent',
    loginRatePerMinute: 1000,
  };
  const server = await startServer(config, () => {});
  const { organization } = await server.deps.organizations.provision({
    name: `Bench ${Date.now()}`,
    timeZone: 'America/New_York',
    location: { name: 'Main' },
  });
  const email = `bench-${Date.now()}@bench.example`;
  await server.deps.users.provision(organization.id, {
    email,
    displayName: 'Bench User',
    roles: ['clinician'],
    password: PASSWORD,
  });
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  console.log(JSON.stringify({ port: Number(new URL(server.url).port), cookie }));
  const stop = () => void server.stop().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
