import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite, PGLITE_OPTIONS, type Database } from './engine.js';
import { MIGRATIONS_DIR, migrate } from './migrate.js';

let database: Database | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await database?.close();
  database = undefined;
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function migrationsCopy(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-migrations-'));
  dirs.push(dir);
  for (const f of fs.readdirSync(MIGRATIONS_DIR))
    fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(dir, f));
  return dir;
}

describe('migrations', () => {
  it('apply once; a second run applies nothing', async () => {
    database = openPglite(new PGlite(PGLITE_OPTIONS));
    const first = await migrate(database);
    expect(first[0]).toBe('0001_foundation.sql');
    expect(await migrate(database)).toEqual([]);
  });

  it('refuse to start when an applied migration was edited', async () => {
    const dir = migrationsCopy();
    database = openPglite(new PGlite(PGLITE_OPTIONS));
    await migrate(database, dir);
    fs.appendFileSync(path.join(dir, '0001_foundation.sql'), '\n-- edited\n');
    await expect(migrate(database, dir)).rejects.toThrow(/0001_foundation.sql was changed/);
  });

  it('roll back a failing migration whole', async () => {
    const dir = migrationsCopy();
    fs.writeFileSync(
      path.join(dir, '9999_broken.sql'),
      'CREATE TABLE half_done (id int);\nSELECT no_such_function();',
    );
    database = openPglite(new PGlite(PGLITE_OPTIONS));
    await expect(migrate(database, dir)).rejects.toThrow();
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half_done');
    expect(tables.map((t) => t.name)).toContain('users');
  });
});
