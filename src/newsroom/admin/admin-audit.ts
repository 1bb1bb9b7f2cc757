// Administration changes (rubrics, tags, settings) go into the audit log like workflow actions:
// who, what, when, with the change as details, in the change's own transaction.

import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { Database } from '../../db/database.ts';
import { inTransaction } from '../../db/transaction.ts';
import { AppError } from '../../lib/errors.ts';
import { writeAudit } from '../workflow/audit-log.ts';

/** Runs `change` with a database bound to one transaction, and logs `action` in it. */
export async function auditedChange<T>(
  request: FastifyRequest,
  database: Database,
  entry: { action: string; at: Date; details: Record<string, unknown> },
  change: (scoped: Database, trx: Kysely<Schema>) => Promise<T>,
): Promise<T> {
  const actor = request.actor;
  if (!actor) throw new AppError('unauthenticated', 'Log in to the newsroom first.');
  return inTransaction(database.db, async (trx) => {
    const result = await change({ ...database, db: trx } as Database, trx);
    await writeAudit(trx, { actor: { userId: actor.userId, role: actor.role }, action: entry.action, at: entry.at, details: entry.details });
    return result;
  });
}
