// Picks the relay for this process. On PostgreSQL, LISTEN/NOTIFY reaches every process that shares
// the schema, sibling workers included, so it is the only relay (IPC too would deliver twice).
// On SQLite, whose processes all sit on one machine, the workers of one cluster relay through
// their primary; a single process needs none.

import cluster from 'node:cluster';
import type { Database } from '../db/index.ts';
import type { PostgresDatabase } from '../db/database.postgres.ts';
import { createChangeBus, type ChangeBus, type ChangeMessage } from './change-bus.ts';
import { clusterWorkerRelay } from './cluster-relay.ts';
import { postgresRelay } from './postgres-relay.ts';

export interface OpenChangeBusOptions {
  database: Database;
  onListenerError?: (error: unknown, message: ChangeMessage) => void;
  onRelayError?: (error: unknown) => void;
  onConnectionChange?: (state: 'lost' | 'restored') => void;
}

export function openChangeBus(options: OpenChangeBusOptions): Promise<ChangeBus> {
  const { database } = options;
  const relay = database.dialect === 'postgres'
    ? postgresRelay({ pool: (database as PostgresDatabase).pool, schema: database.schema, onError: options.onRelayError, onConnectionChange: options.onConnectionChange })
    : cluster.isWorker ? clusterWorkerRelay() : undefined;
  return createChangeBus({ relay, onListenerError: options.onListenerError });
}
