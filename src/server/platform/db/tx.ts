import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

/** A database handle: the root handle or an open transaction. Repositories accept either. */
export type Db = Kysely<DB> | Transaction<DB>;

/** Runs `fn` in the caller's transaction, or opens one when handed the root handle. */
export function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}
