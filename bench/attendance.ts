/**
 * A clinician's day at scale: saving a roll call of twelve, loading Today, and documenting a group
 * of twelve (open, save and sign the group note), over real HTTP, on a generated organization
 * (2,000 patients, 3 years: about 1.5 million attendance rows).
 * `npm run bench:attendance` (part of `npm run bench`).
 *
 * PGlite always; PostgreSQL too when DATABASE_URL is set, in its own database `trellis_bench`
 * (created through the URL's server, never the URL's own database). BENCH_PATIENTS, BENCH_YEARS,
 * BENCH_SEED shrink or vary the organization; BENCH_ITERATIONS (200) sets the measured requests,
 * after 20 warm-up requests and BENCH_SETTLE_SECONDS (10) for the start-up job to finish.
 * The generated PGlite directory is kept in `.bench-data/` (and `trellis_bench` is kept), keyed by
 * size, seed and date, so a re-run the same day skips generation. "Today" is the clinic's real
 * today: roll call can only be taken on the session's day.
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
import { generateOrganization, type GeneratedOrganization } from './generate/index.js';
import { progressBar } from './generate/progress.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 2000);
const YEARS = Number(process.env.BENCH_YEARS ?? 3);
const SEED = Number(process.env.BENCH_SEED ?? 1);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 200);
const WARMUP = 20;
const SETTLE_SECONDS = Number(process.env.BENCH_SETTLE_SECONDS ?? 10);
const TIME_ZONE = 'America/New_York';
const DATA = path.resolve('.bench-data');

interface Cached {
  org: GeneratedOrganization;
  generationSeconds: number;
}

interface Stats {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  n: number;
}

interface EngineResult {
  engine: 'pglite' | 'postgres';
  generated: 'now' | 'cached';
  generationSeconds: number;
  sizeBytes: number;
  counts: { patients: number; episodes: number; sessions: number; participants: number; attendance: number };
  stats: Stats[];
}

const stats = (name: string, samples: number[]): Stats => {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { name, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: s.at(-1)!, n: s.length };
};

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

/** Distinct, plausible member text (no member names: the words come from this list only). */
const PHRASES = [
  'practised paced breathing',
  'described a stressful shift at work',
  'named one urge and how it passed',
  'gave feedback on the role play',
  'reported sleeping better',
  'was quiet until the check-out',
  'linked the skill to a family argument',
  'asked how to use the skill at night',
  'set a small goal for the weekend',
  'noticed tension in the shoulders',
  'shared a plan for a difficult call',
  'completed the worksheet',
];
const memberText = (i: number, n: number) => {
  const pick = (k: number) => PHRASES[(i * 7 + k * 5 + n) % PHRASES.length]!;
  return {
    participation: `Spoke ${2 + (i % 4)} times; ${pick(0)} and ${pick(1)}.`,
    response: `Responded by saying the exercise ${i % 2 ? 'helped' : 'was hard'}; ${pick(2)}.`,
    progress: `Toward the plan goal: ${pick(3)}; rates mood ${3 + (i % 6)} of 10 this week.`,
    plan: `Before the next group: ${pick(4)}, then report back (${i + 1}).`,
  };
};

/**
 * Documenting one past group of the clinician per call: the shared part and every present
 * member's section saved in one PUT, then all of them signed. Each call takes a session that has
 * no note yet, with the most members present (twelve where the history has them).
 */
function groupNotes(db: Database['db'], base: string, headers: Record<string, string>, clinicianId: string) {
  let queue: string[] = [];
  let n = 0;
  return async () => {
    if (queue.length === 0) {
      const rows = await db
        .selectFrom('sessions as s')
        .innerJoin('session_staff as ss', (j) =>
          j.onRef('ss.organization_id', '=', 's.organization_id').onRef('ss.session_id', '=', 's.id'),
        )
        .innerJoin('attendance as a', (j) =>
          j.onRef('a.organization_id', '=', 's.organization_id').onRef('a.session_id', '=', 's.id'),
        )
        .select(['s.id', (eb) => eb.fn.countAll<string>().as('present')])
        .where('ss.user_id', '=', clinicianId)
        .where('s.kind', '=', 'group')
        .where('s.ends_at', '<', new Date())
        .where('a.status', 'not in', ['absent_excused', 'absent_unexcused'])
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('notes as n')
                .select('n.id')
                .whereRef('n.organization_id', '=', 's.organization_id')
                .whereRef('n.session_id', '=', 's.id'),
            ),
          ),
        )
        .groupBy('s.id')
        .orderBy('present', 'desc')
        .orderBy('s.id')
        .limit(300)
        .execute();
      queue = rows.map((r) => r.id);
      if (queue.length === 0) throw new Error('no undocumented past group left for the clinician');
    }
    const sessionId = queue.shift()!;
    const json = { ...headers, 'content-type': 'application/json' };
    const view = await fetch(`${base}/api/v1/sessions/${sessionId}/group-note`, { headers });
    const present = ((await view.json()) as { members: { patientId: string; present: boolean }[] }).members
      .filter((m) => m.present)
      .map((m) => m.patientId);
    n++;
    const saved = await fetch(`${base}/api/v1/sessions/${sessionId}/group-note`, {
      method: 'PUT',
      headers: json,
      body: JSON.stringify({
        shared: {
          topic: 'Distress tolerance',
          interventions: 'Psychoeducation and guided practice',
          process: 'Engaged group; pairs practised and shared barriers.',
        },
        members: present.map((patientId, i) => ({ patientId, body: memberText(i, n), risk: 'none' })),
      }),
    });
    if (saved.status !== 200) throw new Error(`group note save: ${saved.status} ${await saved.text()}`);
    await saved.arrayBuffer();
    const signed = await fetch(`${base}/api/v1/sessions/${sessionId}/group-note/sign`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ patientIds: present, attestation: true }),
    });
    if (signed.status !== 200) throw new Error(`group note sign: ${signed.status} ${await signed.text()}`);
    await signed.arrayBuffer();
  };
}

async function measureEngine(
  engine: 'pglite' | 'postgres',
  database: Config['database'],
  cached: Cached,
  generatedNow: boolean,
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
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: org.rollCall.clinicianEmail, password: org.password }),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: string } };
    const headers = { cookie };
    const get = async (url: string) => {
      const res = await fetch(`${base}${url}`, { headers });
      if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    const sessionId = org.rollCall.sessionIds[0]!;
    const roll = await fetch(`${base}/api/v1/sessions/${sessionId}/roll-call`, { headers });
    const members = ((await roll.json()) as { members: { patientId: string }[] }).members;
    if (members.length !== 12) throw new Error(`expected 12 members in today's group, got ${members.length}`);
    const allPresent = members.map((m) => ({ patientId: m.patientId, status: 'present', telehealth: false }));
    const mixed = allPresent.map((m, i) =>
      i === 0
        ? { ...m, status: 'late', lateMinutes: 10 }
        : i === 1
          ? { ...m, status: 'absent_excused', absenceReason: 'Medical appointment' }
          : m,
    );
    let flip = 0;
    const save = async () => {
      const res = await fetch(`${base}/api/v1/sessions/${sessionId}/attendance`, {
        method: 'PUT',
        headers: { ...headers, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ marks: flip++ % 2 === 0 ? mixed : allPresent }),
      });
      if (res.status !== 200) throw new Error(`roll call: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    };

    const loadToday = () => get('/api/v1/today');

    const time = async (name: string, fn: () => Promise<void>, opts = { warmup: WARMUP }) => {
      for (let i = 0; i < opts.warmup; i++) await fn();
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS; i++) {
        const t0 = performance.now();
        await fn();
        samples.push(performance.now() - t0);
      }
      return stats(name, samples);
    };
    const results = [
      await time('roll-call save (PUT /sessions/:id/attendance, 12 marks)', save),
      await time('Today for a clinician (GET /api/v1/today)', loadToday),
      await time('GET /api/v1/caseload alone', () => get('/api/v1/caseload')),
      await time(
        'group note for 12 members: open (GET), save (PUT) and sign (POST)',
        groupNotes(server.deps.database.db, base, { ...headers, 'x-csrf-token': csrfToken }, user.id),
        { warmup: 5 },
      ),
    ];

    const db = server.deps.database.db;
    const countOf = async (
      table: 'attendance' | 'sessions' | 'patients' | 'episodes' | 'session_participants',
    ) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('organization_id', '=', org.organizationId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const counts = {
      patients: await countOf('patients'),
      episodes: await countOf('episodes'),
      sessions: await countOf('sessions'),
      participants: await countOf('session_participants'),
      attendance: await countOf('attendance'),
    };
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
      counts,
      stats: results,
    };
  } finally {
    await server.stop();
  }
}

async function main() {
  const today = clinicDateTime(new Date(), TIME_ZONE).date;
  const key = `${PATIENTS}p-${YEARS}y-s${SEED}-${today}`;
  fs.mkdirSync(DATA, { recursive: true });
  const results: EngineResult[] = [];

  const pgl = await (async () => {
    const had = fs.existsSync(path.join(DATA, `pglite-${key}`, 'generated.json'));
    return { ...(await preparePglite(key, today)), now: !had };
  })();
  results.push(await measureEngine('pglite', pgl.config, pgl.cached, pgl.now));

  if (process.env.DATABASE_URL) {
    const had = fs.existsSync(path.join(DATA, `postgres-${key}.json`));
    const prepared = await preparePostgres(key, today, process.env.DATABASE_URL);
    results.push(
      await measureEngine(
        'postgres',
        { kind: 'postgres', url: prepared.url, poolSize: 10 },
        prepared.cached,
        !had,
      ),
    );
  } else console.log('PostgreSQL not measured: set DATABASE_URL to include it.');

  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${PATIENTS} patients, ${YEARS} years, seed ${SEED}, today ${today}; ${WARMUP} warm-up + ${ITERATIONS} measured requests, one at a time\n`,
  );
  for (const r of results)
    console.log(
      `${r.engine}: ${r.counts.attendance.toLocaleString('en-US')} attendance rows, ${r.counts.sessions.toLocaleString('en-US')} sessions, ${r.counts.participants.toLocaleString('en-US')} participants, ${r.counts.episodes.toLocaleString('en-US')} episodes, ${r.counts.patients.toLocaleString('en-US')} patients; database ${mb(r.sizeBytes)}; generated in ${r.generationSeconds.toFixed(1)} s (${r.generated === 'now' ? 'this run' : 'cached from an earlier run'})`,
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
  fs.writeFileSync(path.join(DATA, 'attendance-results.json'), JSON.stringify(results, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
