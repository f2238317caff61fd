/**
 * HTTP baseline: GET /healthz and an authenticated GET /api/v1/me on each engine, with a bare
 * Fastify route measured in the same run as the yardstick. `npm run bench`.
 * BENCH_SECONDS (default 10) per measurement; PostgreSQL is measured when DATABASE_URL is set.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import autocannon from 'autocannon';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

interface Target {
  child: ChildProcess;
  port: number;
  cookie?: string;
}

async function startTarget(name: string): Promise<Target> {
  const child = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('bench/target.ts'), name], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  });
  const line = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`${name} target exited with ${code}`)));
  });
  return { child, ...(JSON.parse(line) as { port: number; cookie?: string }) };
}

async function stopTarget(t: Target) {
  const exited = new Promise((r) => t.child.once('exit', r));
  t.child.kill('SIGTERM');
  await exited;
}

interface Result {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Result> {
  // A short warm-up (JIT, connection pools), then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { name, rps: r.requests.p50, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function main() {
  const results: Result[] = [];
  const bare = await startTarget('bare');
  results.push(await measure('bare Fastify route, no database', `http://127.0.0.1:${bare.port}/bare`));
  await stopTarget(bare);

  const engines = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  for (const engine of engines) {
    const t = await startTarget(engine);
    const base = `http://127.0.0.1:${t.port}`;
    results.push(await measure(`${engine}: GET /healthz`, `${base}/healthz`));
    results.push(
      await measure(`${engine}: GET /api/v1/me (signed in)`, `${base}/api/v1/me`, { cookie: t.cookie ?? '' }),
    );
    await stopTarget(t);
  }
  if (!process.env.DATABASE_URL) console.log('PostgreSQL not measured: set DATABASE_URL to include it.');

  const yardstick = results[0]!;
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, ${CONNECTIONS} connections, ${SECONDS} s each\n`,
  );
  console.log(
    '| endpoint | req/s (median of 1 s samples) | ratio to bare | p50 ms | p99 ms | p99 ratio to bare | errors |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    const ratio = (r.rps / yardstick.rps).toFixed(3);
    const p99ratio = yardstick.p99 > 0 ? (r.p99 / yardstick.p99).toFixed(1) : 'n/a';
    console.log(
      `| ${r.name} | ${Math.round(r.rps)} | ${ratio} | ${r.p50} | ${r.p99} | ${p99ratio} | ${r.errors} |`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
