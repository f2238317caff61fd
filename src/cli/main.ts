import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { GenerateError, generateOrganization } from '../../bench/generate/index.js';
import { progressBar } from '../../bench/generate/progress.js';
import { loadConfig } from '../server/config.js';
import { isDatabaseEmpty, seedDemo } from '../server/demo/seed.js';
import { createDeps, openDatabase } from '../server/deps.js';
import { main as startMain } from '../server/main.js';
import { migrate } from '../server/platform/db/migrate.js';

const USAGE = `Usage: trellis <command>

  start                         serve the API and web app (npm start)
  migrate                       apply pending database migrations
  demo                          seed the demo organization into an empty database
  audit verify                  check the audit log's hash chains; exits 1 if any row was changed or deleted
  org create --name N --time-zone TZ --admin-email E --admin-name NAME
                                provision an organization with its first administrator
                                (password from TRELLIS_ADMIN_PASSWORD, or a generated one printed once)
  codes import-icd10cm FILE     load the F01–F99 codes of the CDC's ICD-10-CM code or order file
                                (e.g. icd10cm-codes-2026.txt) for diagnosis search
  generate --patients N --years Y [--seed S] [--end-date YYYY-MM-DD] [--name NAME]
                                add a synthetic organization (programs, staff, patients, episodes,
                                sessions, attendance), the same for the same seed and end date

The database comes from DATABASE_URL, or the embedded one in TRELLIS_DATA_DIR (./data).`;

async function withDeps<T>(fn: (deps: ReturnType<typeof createDeps>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    await migrate(database);
    return await fn(createDeps(config, database));
  } finally {
    await database.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, sub] = argv;
  switch (command) {
    case 'start':
      await startMain();
      return -1;
    case 'migrate': {
      const config = loadConfig();
      const database = await openDatabase(config);
      try {
        const applied = await migrate(database);
        console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Nothing to apply.');
      } finally {
        await database.close();
      }
      return 0;
    }
    case 'demo':
      return withDeps(async (deps) => {
        if (!(await isDatabaseEmpty(deps))) {
          console.error('The database already has data; the demo organization goes only into an empty one.');
          return 1;
        }
        await seedDemo(deps);
        console.log('Demo organization created.');
        return 0;
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withDeps(async (deps) => {
        const result = await deps.audit.verify(deps.database.db);
        for (const p of result.problems)
          console.log(`${p.kind.toUpperCase()}: chain ${p.chainKey}, entry ${p.seq}`);
        console.log(
          `${result.events} audit events in ${result.chains} chains: ${result.problems.length === 0 ? 'intact' : `${result.problems.length} problem(s) found`}`,
        );
        return result.problems.length === 0 ? 0 : 1;
      });
    case 'org': {
      if (sub !== 'create') break;
      const { values } = parseArgs({
        args: argv.slice(2),
        options: {
          name: { type: 'string' },
          'time-zone': { type: 'string' },
          'admin-email': { type: 'string' },
          'admin-name': { type: 'string' },
        },
      });
      if (!values.name || !values['time-zone'] || !values['admin-email'] || !values['admin-name']) break;
      const generated = !process.env.TRELLIS_ADMIN_PASSWORD;
      const password = process.env.TRELLIS_ADMIN_PASSWORD ?? randomBytes(15).toString('base64url');
      return withDeps(async (deps) => {
        const { organization } = await deps.organizations.provision({
          name: values.name!,
          timeZone: values['time-zone']!,
          location: { name: values.name! },
        });
        await deps.users.provision(organization.id, {
          email: values['admin-email']!.toLowerCase(),
          displayName: values['admin-name']!,
          roles: ['admin'],
          password,
        });
        console.log(`Organization ${organization.id} created with administrator ${values['admin-email']}.`);
        if (generated) console.log(`Initial password (shown once): ${password}`);
        return 0;
      });
    }
    case 'codes': {
      const file = argv[2];
      if (sub !== 'import-icd10cm' || !file) break;
      const text = await readFile(file, 'utf8');
      return withDeps(async (deps) => {
        const count = await deps.plans.importIcd10cm(text, basename(file));
        console.log(`Loaded ${count} ICD-10-CM codes (F01–F99) from ${basename(file)}.`);
        return 0;
      });
    }
    case 'generate': {
      const { values } = parseArgs({
        args: argv.slice(1),
        options: {
          patients: { type: 'string' },
          years: { type: 'string' },
          seed: { type: 'string', default: '1' },
          'end-date': { type: 'string' },
          name: { type: 'string' },
        },
      });
      const patients = Number(values.patients);
      const years = Number(values.years);
      const seed = Number(values.seed);
      if (!values.patients || !values.years || !Number.isFinite(patients + years) || !Number.isInteger(seed))
        break;
      return withDeps(async (deps) => {
        const started = performance.now();
        const bar = progressBar();
        try {
          const org = await generateOrganization(deps.database.db, {
            patients,
            years,
            seed,
            endDate: values['end-date'],
            name: values.name,
            onProgress: bar,
          });
          bar.end();
          const c = org.counts;
          console.log(
            `Organization "${org.name}" (${org.organizationId}), ${org.startDate} to ${org.endDate}: ` +
              `${c.patients} patients, ${c.episodes} episodes, ${c.tracks} tracks, ${c.sessions} sessions, ` +
              `${c.attendance} attendance rows (${c.rows} rows in all) in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
          );
          console.log(`Staff sign in with the password "${org.password}", for example:`);
          for (const s of org.staff.filter((u) => u.roles[0] !== 'clinician').slice(0, 4))
            console.log(`  ${s.email.padEnd(44)} ${s.roles.join(', ')}`);
          console.log(`  ${org.rollCall.clinicianEmail.padEnd(44)} clinician, with roll call due today`);
          return 0;
        } catch (err) {
          bar.end();
          if (err instanceof GenerateError) {
            console.error(err.message);
            return 1;
          }
          throw err;
        }
      });
    }
    default:
      break;
  }
  console.error(USAGE);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
