import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type EngineKind = 'pglite' | 'postgres';

/** The one database handle the server uses, whichever engine is behind it. */
export interface Database {
  readonly kind: EngineKind;
  readonly db: Kysely<DB>;
  close(): Promise<void>;
}

// Identical JavaScript types on both engines: bigint, numeric and date come back as strings
// (PGlite would give BigInt and UTC-midnight Dates, node-postgres strings and local-midnight Dates).
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;
const asString = (v: string) => v;

export function openPglite(pglite: PGlite, onClose?: () => void): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    async close() {
      await db.destroy();
      await pglite.close();
      onClose?.();
    },
  };
}

/** Options every PGlite instance opens with: the shared type parsers and the extensions migrations use. */
export const PGLITE_OPTIONS = {
  parsers: { [OID.INT8]: asString, [OID.NUMERIC]: asString, [OID.DATE]: asString },
  extensions: { pg_trgm },
};

/**
 * Opens the embedded database in `dataDir` (PostgreSQL files in `dataDir/pgdata`).
 * A lock file keeps a second process from opening the same directory.
 */
export async function openEmbedded(dataDir: string): Promise<Database> {
  fs.mkdirSync(dataDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(path.join(dataDir, 'pgdata'), PGLITE_OPTIONS);
    return openPglite(pglite, releaseLock);
  } catch (err) {
    releaseLock();
    throw err;
  }
}

export function openServer(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes(),
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { kind: 'postgres', db, close: () => db.destroy() };
}

function pgTypes() {
  const types = new pg.TypeOverrides();
  for (const oid of Object.values(OID)) types.setTypeParser(oid, asString);
  return types;
}

function lockDataDir(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'trellis.lock');
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    // The directory already has a lock file: refuse if its process still runs.
    const holder = Number(fs.readFileSync(lockPath, 'utf8'));
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new Error(
        `The data directory ${dataDir} is in use by process ${holder}. The embedded database opens in one process at a time.`,
        { cause: err },
      );
    }
    // A stale lock from a process that is gone.
    fs.writeFileSync(lockPath, String(process.pid));
  }
  return () => fs.rmSync(lockPath, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
