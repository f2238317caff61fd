import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  openPglite,
  openServer,
  PGLITE_OPTIONS,
  type Database,
} from '../../src/server/platform/db/engine.js';
import { migrate, readMigrations } from '../../src/server/platform/db/migrate.js';

/**
 * Test databases are real: PostgreSQL when DATABASE_URL is set (CI runs every database suite
 * there), otherwise an in-memory PGlite restored from a migrated snapshot (~1 s instead of initdb
 * and every migration per file).
 */
export const testEngine = () => (process.env.DATABASE_URL ? 'postgres' : 'pglite');

const CACHE_DIR = path.resolve('node_modules/.cache/trellis-test');

function snapshotPath(): string {
  const digest = createHash('sha256');
  for (const m of readMigrations()) digest.update(m.name).update(m.checksum);
  return path.join(CACHE_DIR, `schema-${digest.digest('hex').slice(0, 16)}.tar.gz`);
}

/** Run once per test run (global setup): migrate the server database, or build the PGlite snapshot. */
export async function prepareTestDatabase(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const database = openServer(process.env.DATABASE_URL, 2);
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
    return;
  }
  const file = snapshotPath();
  if (fs.existsSync(file)) return;
  const pglite = new PGlite(PGLITE_OPTIONS);
  const database = openPglite(pglite);
  await migrate(database);
  const dump = await pglite.dumpDataDir('gzip');
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
  await database.close();
}

export async function openTestDatabase(): Promise<Database> {
  if (process.env.DATABASE_URL) return openServer(process.env.DATABASE_URL, 4);
  const blob = new Blob([fs.readFileSync(snapshotPath())]);
  return openPglite(await PGlite.create({ ...PGLITE_OPTIONS, loadDataDir: blob }));
}
