// An open database: the Kysely instance every query goes through, which dialect it speaks, and how
// to close it. `openDatabase` picks the SQLite or PostgreSQL implementation from the target.

import type { Kysely, LogEvent } from 'kysely';
import type { Schema } from './schema.ts';
import type { DatabaseTarget } from './database-url.ts';
import type { Dialect } from './migrations/column-types.ts';

export type { Dialect };

export interface Database {
  db: Kysely<Schema>;
  dialect: Dialect;
  /** PostgreSQL schema the tables live in, when not the default. */
  schema: string | undefined;
  /** Human-readable target, with any password hidden. */
  description: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called after every query with its duration, for metrics. */
  onQuery?: (event: LogEvent) => void;
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  if (target.kind === 'sqlite') {
    const { openSqlite } = await import('./database.sqlite.ts');
    return openSqlite(target.file, options);
  }
  const { openPostgres } = await import('./database.postgres.ts');
  return openPostgres(target.url, target.schema, options);
}
