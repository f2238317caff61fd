import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { loadConfig, type Config } from './config.js';
import { DEMO_ORGANIZATION, DEMO_PASSWORD, DEMO_USERS, isDatabaseEmpty, seedDemo } from './demo/seed.js';
import { createDeps, openDatabase, type Deps } from './deps.js';
import { startJobs } from './jobs/index.js';
import { migrate } from './platform/db/migrate.js';
import { loggerOptions } from './platform/http/logger.js';

/** How long in-flight requests may take to finish once shutdown begins. */
const SHUTDOWN_GRACE_MS = 10_000;

export interface RunningServer {
  app: FastifyInstance;
  deps: Deps;
  url: string;
  /** Stops accepting, lets in-flight requests finish, then closes the database cleanly. */
  stop(): Promise<void>;
}

/** Opens the database, applies migrations, seeds the demo clinic when asked, and listens. */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<RunningServer> {
  const database = await openDatabase(config);
  try {
    const applied = await migrate(database);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
    const deps = createDeps(config, database);
    const seeded = config.demo && (await isDatabaseEmpty(deps));
    if (seeded) await seedDemo(deps);
    const app = await buildApp(deps, { logger: loggerOptions(config.logLevel) });
    // While stopping, answers close their connection, so a keep-alive client does not hold shutdown open.
    let closing = false;
    app.addHook('onSend', async (_request, reply) => {
      if (closing) reply.header('connection', 'close');
    });
    await app.listen({ port: config.port, host: config.host });
    const stopJobs = startJobs(deps, app.log);
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://localhost:${port}`;
    if (config.demo) {
      log(`Demo organization "${DEMO_ORGANIZATION}": sign in with any of these, password ${DEMO_PASSWORD}`);
      for (const u of DEMO_USERS) log(`  ${u.email.padEnd(30)} ${u.roles.join(', ')}`);
    }
    const where =
      config.database.kind === 'pglite'
        ? `embedded, data in ${config.database.dataDir}`
        : 'PostgreSQL server';
    log(`Trellis is running at ${url} (database: ${where})`);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        closing = true;
        stopJobs();
        const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
        await app.close();
        clearTimeout(force);
        await database.close();
      })());
    return { app, deps, url, stop };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** `npm start`: runs until SIGINT or SIGTERM, then shuts down gracefully. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const server = await startServer(config);
  const shutdown = (signal: string) => {
    console.log(`${signal} received: finishing requests and closing the database`);
    server.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error('Shutdown failed', err instanceof Error ? err.message : err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
