// Liveness and readiness for load balancers and orchestrators. /healthz: the process answers.
// /readyz: the database answers and its schema is the one this code expects.

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { migrationStatus } from '../db/migrate.ts';

/** Whether the database answers a trivial query now. */
export async function databaseAnswers(database: Database): Promise<boolean> {
  try {
    await sql`select 1`.execute(database.db);
    return true;
  } catch {
    return false;
  }
}

export function registerHealthRoutes(app: FastifyInstance, database: Database): void {
  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await sql`select 1`.execute(database.db);
      const status = await migrationStatus(database);
      if (status.pending.length > 0 || status.unknown.length > 0) {
        return reply.code(503).send({ status: 'not_ready', reason: 'the database schema does not match this version of Dispatch' });
      }
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'not_ready', reason: 'the database does not answer' });
    }
  });
}
