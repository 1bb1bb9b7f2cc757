// Runs work in a transaction, or inside the caller's transaction when there already is one, so a
// command can be used alone or as one step of a larger atomic job (loading the demo agency).

import type { Kysely, Transaction } from 'kysely';
import type { Schema } from './schema.ts';

export function inTransaction<T>(db: Kysely<Schema>, work: (trx: Kysely<Schema>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  return db.transaction().execute((trx: Transaction<Schema>) => work(trx));
}
