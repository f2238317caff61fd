/**
 * Shared by the benchmarks that run on a generated organization (`bench/attendance.ts`,
 * `bench/outcomes.ts`): the environment, the cached generated organization on PGlite and on
 * PostgreSQL, the server and sign-in, timing, and the report.
 *
 * PGlite always; PostgreSQL too when DATABASE_URL is set, in its own database `trellis_bench`
 * (created through the URL's server, never the URL's own database). BENCH_PATIENTS, BENCH_YEARS,
 * BENCH_SEED shrink or vary the organization; BENCH_ITERATIONS (200) sets the measured requests,
 * after 20 warm-up requests and BENCH_SETTLE_SECONDS (10) for the start-up job to finish.
 * The generated PGlite directory is kept in `.bench-data/` (and `trellis_bench` is kept), keyed by
 * size, seed, date and generator version, so a re-run the same day skips generation. "Today" is
 * the clinic's real today.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { clinicDateTime } from '../src/domain/time/clinic-day.js';
import { loadConfig, type Config } from '../src/server/config.js';
import { createDeps } from '../src/server/deps.js';
import { startServer } from '../src/server/main.js';
import { openEmbedded, openServer, type Database } from '../src/server/platform/db/engine.js';
import { migrate } from '../src/server/platform/db/migrate.js';
import { GENERATOR_VERSION, generateOrganization, type GeneratedOrganization } from './generate/index.js';
import { progressBar } from './generate/progress.js';

export const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 2000);
export const YEARS = Number(process.env.BENCH_YEARS ?? 3);
export const SEED = Number(process.env.BENCH_SEED ?? 1);
export const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
export const WARMUP = 20;
export const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 10);
export const TIME_ZONE = 'America/New_York';
const DATA = path.resolve('.bench-data');

export type Engine = 'pglite' | 'postgres';

export interface Cached {
  org: GeneratedOrganization;
  generationSeconds: number;
}

export interface Stats {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

export const stats = (name: string, samples: number[]): Stats => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { name, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1)!, n: s.length };
};

/** `fn` run `warmup` times, then timed ITERATIONS times, one at a time. */
export async function time(
  name: string,
  fn: () => Promise<void>,
  opts: { warmup: number } = { warmup: WARMUP },
): Promise<Stats> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(name, samples);
}

/** Generates into an open database and lets the scheduling job catch up, so it is idle while measuring. */
async function generate(database: Database, endDate: string, name: string): Promise<Cached> {
  await migrate(database);
  const started = performance.now();
  const bar = progressBar();
  const org = await generateOrganization(database.db, {
    patients: PATIENTS,
    years: YEARS,
    seed: SEED,
    endDate,
    name,
    onProgress: bar,
  });
  bar.end();
  const generationSeconds = (performance.now() - started) / 1000;
  await createDeps(loadConfig({}), database).programs.extendHorizons();
  return { org, generationSeconds };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(p) : fs.statSync(p).size;
  }
  return total;
}

async function preparePglite(
  key: string,
  endDate: string,
): Promise<{ cached: Cached; config: Config['database'] }> {
  const dir = path.join(DATA, `pglite-${key}`);
  const marker = path.join(dir, 'generated.json');
  if (fs.existsSync(marker)) {
    return {
      cached: JSON.parse(fs.readFileSync(marker, 'utf8')) as Cached,
      config: { kind: 'pglite', dataDir: dir },
    };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  for (const old of fs.existsSync(DATA) ? fs.readdirSync(DATA) : [])
    if (old.startsWith('pglite-')) fs.rmSync(path.join(DATA, old), { recursive: true, force: true });
  console.error(`Generating the PGlite organization in ${dir} …`);
  const database = await openEmbedded(dir);
  let cached: Cached;
  try {
    cached = await generate(database, endDate, `Bench clinic ${key}`);
  } finally {
    await database.close();
  }
  fs.writeFileSync(marker, JSON.stringify(cached, null, 2));
  return { cached, config: { kind: 'pglite', dataDir: dir } };
}

async function preparePostgres(key: string, endDate: string, url: string) {
  const benchUrl = new URL(url);
  benchUrl.pathname = '/trellis_bench';
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const marker = path.join(DATA, `postgres-${key}.json`);
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const exists =
      (await admin.query(`SELECT 1 FROM pg_database WHERE datname = 'trellis_bench'`)).rowCount === 1;
    if (exists && fs.existsSync(marker)) {
      const cached = JSON.parse(fs.readFileSync(marker, 'utf8')) as Cached;
      const check = openServer(benchUrl.toString(), 1);
      const found = await check.db
        .selectFrom('organizations')
        .select('id')
        .where('id', '=', cached.org.organizationId)
        .executeTakeFirst()
        .catch(() => undefined);
      await check.close();
      if (found) return { cached, url: benchUrl.toString() };
    }
    await admin.query('DROP DATABASE IF EXISTS trellis_bench');
    await admin.query('CREATE DATABASE trellis_bench');
  } finally {
    await admin.end();
  }
  console.error('Generating the PostgreSQL organization in database trellis_bench …');
  const database = openServer(benchUrl.toString(), 4);
  let cached: Cached;
  try {
    cached = await generate(database, endDate, `Bench clinic ${key}`);
  } finally {
    await database.close();
  }
  fs.writeFileSync(marker, JSON.stringify(cached, null, 2));
  return { cached, url: benchUrl.toString() };
}

export interface Session {
  headers: { cookie: string };
  csrfToken: string;
  userId: string;
}

/** What a benchmark gets for one engine: the running server and the generated organization. */
export interface BenchContext {
  engine: Engine;
  base: string;
  org: GeneratedOrganization;
  db: Database['db'];
  signIn: (email: string) => Promise<Session>;
  /** A GET that must answer 200; the body is read and dropped. */
  get: (url: string, session: Session) => Promise<void>;
}

export interface Measured {
  /** Row counts for the report line, in order: e.g. `[['attendance rows', 1_478_207], …]`. */
  counts: [string, number][];
  stats: Stats[];
}

interface EngineResult extends Measured {
  engine: Engine;
  generated: 'now' | 'cached';
  generationSeconds: number;
  sizeBytes: number;
}

async function measureEngine(
  engine: Engine,
  database: Config['database'],
  cached: Cached,
  generatedNow: boolean,
  measure: (ctx: BenchContext) => Promise<Measured>,
): Promise<EngineResult> {
  const config: Config = {
    ...loadConfig(),
    database,
    port: 0,
    host: '127.0.0.1',
    demo: false,
    logLevel: 'silent',
    loginRatePerMinute: 10_000,
  };
  const server = await startServer(config, () => {});
  // The scheduling job runs once at start-up (it finds the calendars already extended); let it
  // finish so it does not share the database with the measured requests.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_SECONDS * 1000));
  try {
    const base = `http://127.0.0.1:${new URL(server.url).port}`;
    const { org } = cached;
    const db = server.deps.database.db;
    const measured = await measure({
      engine,
      base,
      org,
      db,
      signIn: async (email) => {
        const login = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password: org.password }),
        });
        if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
        const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
        const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: string } };
        return { headers: { cookie }, csrfToken, userId: user.id };
      },
      get: async (url, session) => {
        const res = await fetch(`${base}${url}`, { headers: session.headers });
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
        await res.arrayBuffer();
      },
    });
    const sizeBytes =
      database.kind === 'pglite'
        ? dirSize(database.dataDir)
        : Number(
            (
              await db
                .selectNoFrom((eb) => eb.fn<string>('pg_database_size', [eb.fn('current_database')]).as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
    return {
      engine,
      generated: generatedNow ? 'now' : 'cached',
      generationSeconds: cached.generationSeconds,
      sizeBytes,
      ...measured,
    };
  } finally {
    await server.stop();
  }
}

/**
 * Prepares the generated organization on each engine, runs `measure` against a server on it and
 * prints the report (and writes `.bench-data/<resultsFile>`).
 */
export async function runBench(
  resultsFile: string,
  measure: (ctx: BenchContext) => Promise<Measured>,
): Promise<void> {
  const today = clinicDateTime(new Date(), TIME_ZONE).date;
  const key = `${PATIENTS}p-${YEARS}y-s${SEED}-${today}-g${GENERATOR_VERSION}`;
  fs.mkdirSync(DATA, { recursive: true });
  const results: EngineResult[] = [];

  const had = fs.existsSync(path.join(DATA, `pglite-${key}`, 'generated.json'));
  const pgl = await preparePglite(key, today);
  results.push(await measureEngine('pglite', pgl.config, pgl.cached, !had, measure));

  if (process.env.DATABASE_URL) {
    const hadPg = fs.existsSync(path.join(DATA, `postgres-${key}.json`));
    const prepared = await preparePostgres(key, today, process.env.DATABASE_URL);
    results.push(
      await measureEngine(
        'postgres',
        { kind: 'postgres', url: prepared.url, poolSize: 10 },
        prepared.cached,
        !hadPg,
        measure,
      ),
    );
  } else console.log('PostgreSQL not measured: set DATABASE_URL to include it.');

  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${PATIENTS} patients, ${YEARS} years, seed ${SEED}, today ${today}; ${WARMUP} warm-up + ${ITERATIONS} measured requests, one at a time\n`,
  );
  for (const r of results)
    console.log(
      `${r.engine}: ${r.counts.map(([label, n]) => `${n.toLocaleString('en-US')} ${label}`).join(', ')}; database ${mb(r.sizeBytes)}; generated in ${r.generationSeconds.toFixed(1)} s (${r.generated === 'now' ? 'this run' : 'cached from an earlier run'})`,
    );
  console.log('\n| measurement | engine | p50 ms | p95 ms | p99 ms | max ms |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of results)
    for (const s of r.stats)
      console.log(
        `| ${s.name} | ${r.engine} | ${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.p99.toFixed(1)} | ${s.max.toFixed(1)} |`,
      );
  if (results.length === 2) {
    console.log('\n| measurement | p50 ratio PGlite / PostgreSQL | p95 ratio |');
    console.log('| --- | ---: | ---: |');
    results[0]!.stats.forEach((s, i) => {
      const p = results[1]!.stats[i]!;
      console.log(`| ${s.name} | ${(s.p50 / p.p50).toFixed(2)} | ${(s.p95 / p.p95).toFixed(2)} |`);
    });
  }
  fs.writeFileSync(path.join(DATA, resultsFile), JSON.stringify(results, null, 2));
}

/** Runs `main`, exiting 1 with the error on failure. */
export function run(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
