/**
 * Patient search at scale: generates N synthetic patients in one organization (names from small
 * lists, random dates of birth) and times the search box's three kinds of query.
 * `npx tsx bench/patient-search.ts` (BENCH_PATIENTS, default 100000); PostgreSQL with DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { parsePatientSearch } from '../src/domain/patients/search-query.js';
import { patientsRepo } from '../src/server/modules/patients/index.js';
import { openEmbedded, openServer } from '../src/server/platform/db/engine.js';
import { migrate } from '../src/server/platform/db/migrate.js';

const N = Number(process.env.BENCH_PATIENTS ?? 100_000);
const RUNS = 50;
const GIVEN = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Maya',
  'Luis',
  'Grace',
  'Ethan',
  'Priya',
  'Nora',
  'Omar',
  'Aisha',
  'Chen',
  'Sofia',
];
const FAMILY = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Okafor',
  'Lindqvist',
  'Nair',
  'Chen',
  'Ortega',
];

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const dob = () =>
  `${1940 + Math.floor(rand() * 65)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-bench-search-'));
  const database = process.env.DATABASE_URL
    ? openServer(process.env.DATABASE_URL, 4)
    : await openEmbedded(dataDir);
  try {
    await migrate(database);
    const { db } = database;
    const org = await db
      .insertInto('organizations')
      .values({ name: `Search bench ${randomUUID().slice(0, 6)}`, time_zone: 'UTC', settings: '{}' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const t0 = performance.now();
    for (let start = 0; start < N; start += 5000) {
      const n = Math.min(5000, N - start);
      const given = Array.from({ length: n }, () => pick(GIVEN));
      const family = Array.from({ length: n }, () => pick(FAMILY));
      const births = Array.from({ length: n }, dob);
      const mrns = Array.from({ length: n }, (_, i) => String(start + i + 1).padStart(6, '0'));
      await sql`INSERT INTO patients (organization_id, mrn, given_name, family_name, date_of_birth)
        SELECT ${org.id}, m, g, f, d::date FROM unnest(${mrns}::text[], ${given}::text[], ${family}::text[], ${births}::text[]) AS t(m, g, f, d)`.execute(
        db,
      );
    }
    await sql`ANALYZE patients`.execute(db);
    console.log(
      `${N} patients generated in ${((performance.now() - t0) / 1000).toFixed(1)} s on ${database.kind}`,
    );

    const queries = {
      'name with a typo ("jonh smyth")': 'jonh smyth',
      'part of a name ("okaf")': 'okaf',
      MRN: '004321',
      'date of birth': '1980-06-15',
    };
    console.log('| query | median ms | p95 ms | matches |');
    console.log('| --- | ---: | ---: | ---: |');
    for (const [label, q] of Object.entries(queries)) {
      const times: number[] = [];
      let matches = 0;
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        matches = (await patientsRepo.search(db, org.id, parsePatientSearch(q))).length;
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      console.log(
        `| ${label} | ${times[RUNS >> 1]!.toFixed(2)} | ${times[Math.floor(RUNS * 0.95)]!.toFixed(2)} | ${matches} |`,
      );
    }
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
