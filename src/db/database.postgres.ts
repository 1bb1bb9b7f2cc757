// PostgreSQL 15+ through node-postgres. Sessions run in UTC, timestamptz values come back as the
// same ISO strings SQLite stores, and 64-bit counts as numbers. A server that cannot be reached
// is reported in one line naming the address and the reason.

import pg from 'pg';
import { Kysely, PostgresDialect, type DatabaseIntrospector } from 'kysely';
import { SchemaScopedIntrospector } from './schema-introspector.postgres.ts';
import { AppError } from '../lib/errors.ts';
import { redact } from './database-url.ts';
import type { Schema } from './schema.ts';
import type { Database, OpenOptions } from './database.ts';

const OID_INT8 = 20;
const OID_TIMESTAMPTZ = 1184;
const MIN_SERVER_VERSION = 150000;

export interface PostgresDatabase extends Database {
  dialect: 'postgres';
  pool: pg.Pool;
}

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID_INT8) return (value: string) => Number(value);
    if (oid === OID_TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function unreachable(url: string, error: unknown): AppError {
  const err = error as { code?: string; message?: string };
  const where = redact(url);
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'the connection was refused (is PostgreSQL running and listening there?)',
    ENOTFOUND: 'the host name was not found',
    EAI_AGAIN: 'the host name could not be resolved',
    ETIMEDOUT: 'the server did not answer in time',
    '28P01': 'the password was rejected',
    '28000': 'the server refused this user',
    '3D000': 'the database does not exist',
    '3F000': 'the schema does not exist',
    '57P03': 'the server is starting up or shutting down',
  };
  const reason = reasons[err.code ?? ''] ?? err.message ?? String(error);
  return new AppError('database_unreachable', `Cannot connect to PostgreSQL at ${where}: ${reason}`, { cause: error });
}

/** PostgreSQL as Kysely speaks it, with introspection limited to Dispatch's own schema. */
class ScopedPostgresDialect extends PostgresDialect {
  readonly #schema: string | undefined;

  constructor(config: ConstructorParameters<typeof PostgresDialect>[0], schema: string | undefined) {
    super(config);
    this.#schema = schema;
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return new SchemaScopedIntrospector(db, this.#schema);
  }
}

export async function openPostgres(url: string, schema: string | undefined, options: OpenOptions = {}): Promise<PostgresDatabase> {
  const connectionUrl = new URL(url);
  connectionUrl.searchParams.delete('schema');
  const sessionOptions = ['-c TimeZone=UTC', ...(schema ? [`-c search_path=${schema}`] : [])].join(' ');
  const pool = new pg.Pool({
    connectionString: connectionUrl.href,
    options: sessionOptions,
    types,
    max: 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  try {
    const result = await pool.query<{ version: string }>("select current_setting('server_version_num') as version");
    const version = Number(result.rows[0]?.version ?? 0);
    if (version < MIN_SERVER_VERSION) {
      await pool.end();
      throw new AppError('database_too_old', `PostgreSQL at ${redact(url)} is version ${Math.floor(version / 10000)}; Dispatch needs 15 or newer`);
    }
    if (schema) {
      const found = await pool.query('select 1 from pg_namespace where nspname = $1', [schema]);
      if (found.rowCount === 0) await pool.query(`create schema if not exists "${schema}"`);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    await pool.end().catch(() => {});
    throw unreachable(url, error);
  }
  const db = new Kysely<Schema>({
    dialect: new ScopedPostgresDialect({ pool }, schema),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  return {
    db,
    dialect: 'postgres',
    schema,
    pool,
    description: `PostgreSQL ${redact(url)}${schema ? ` (schema ${schema})` : ''}`,
    async close() {
      await db.destroy();
    },
  };
}
