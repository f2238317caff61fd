import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/database.js';
import type { Database } from './engine.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await sql`CREATE TABLE IF NOT EXISTS engine_probe (id serial PRIMARY KEY, tag text NOT NULL, n bigint, d date)`.execute(
    database.db,
  );
});
afterAll(() => database.close());

describe('database engine', () => {
  it('loses no committed write when a concurrent transaction rolls back', async () => {
    const tag = `concurrency-${Math.random()}`;
    const { db } = database;
    const failing = db
      .transaction()
      .execute(async (trx) => {
        await trx
          .insertInto('engine_probe' as never)
          .values({ tag: `${tag}-rolled-back` })
          .execute();
        await new Promise((r) => setTimeout(r, 50));
        throw new Error('abort');
      })
      .catch(() => 'rolled back');
    // Autocommit writes issued while the transaction is open must not join it.
    const writes = Array.from({ length: 20 }, () =>
      sql`INSERT INTO engine_probe (tag) VALUES (${tag})`.execute(db),
    );
    await Promise.all([failing, ...writes]);
    const { rows } = await sql<{
      tag: string;
      n: string;
    }>`SELECT tag, count(*) AS n FROM engine_probe WHERE tag LIKE ${`${tag}%`} GROUP BY tag`.execute(db);
    expect(rows).toEqual([{ tag, n: '20' }]);
  });

  it('returns bigint and date as strings on both engines', async () => {
    const { rows } = await sql<{
      n: unknown;
      d: unknown;
    }>`SELECT 9007199254740993::bigint AS n, DATE '2026-03-08' AS d`.execute(database.db);
    expect(rows[0]).toEqual({ n: '9007199254740993', d: '2026-03-08' });
  });
});

describe('security labels in the database', () => {
  it('valid_security_labels() accepts known labels and refuses others', async () => {
    const { rows } = await sql<{ ok: boolean; bad: boolean; none: boolean }>`
      SELECT valid_security_labels(ARRAY['part2','psychotherapy_note']) AS ok,
             valid_security_labels(ARRAY['part2','secret']) AS bad,
             valid_security_labels('{}') AS none`.execute(database.db);
    expect(rows[0]).toEqual({ ok: true, bad: false, none: true });
  });
});
