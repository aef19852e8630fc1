import type { Transaction } from 'kysely';
import type { Database, Db } from './tables.ts';

/**
 * Runs `work` in a transaction: the caller's, if `db` already is one (the demo loader composes use cases in its
 * single transaction), otherwise a new one. A use case stays one transaction either way.
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db as Transaction<Database>);
  return db.transaction().execute(work);
}
