import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './engine.js';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../../migrations', import.meta.url));

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the migrations not yet applied, each in its own transaction, in file-name order.
 * Forward-only: an applied migration whose file has changed stops start-up.
 * A transaction-scoped advisory lock lets several app nodes start at once.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  const { db } = database;
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`.execute(
    db,
  );
  const applied: string[] = [];
  for (const m of readMigrations(dir)) {
    const ran = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(8675309)`.execute(trx);
      const done = await trx
        .selectFrom('schema_migrations')
        .select('checksum')
        .where('name', '=', m.name)
        .executeTakeFirst();
      if (done) {
        if (done.checksum !== m.checksum)
          throw new Error(
            `Migration ${m.name} was changed after it was applied; add a new migration instead.`,
          );
        return false;
      }
      await sql.raw(m.sql).execute(trx);
      await trx.insertInto('schema_migrations').values({ name: m.name, checksum: m.checksum }).execute();
      return true;
    });
    if (ran) applied.push(m.name);
  }
  return applied;
}
