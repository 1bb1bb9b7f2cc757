// The embedded database: one SQLite file through better-sqlite3, in WAL mode with foreign keys on
// and a busy timeout. Before opening, the file is checked so that a file that is not SQLite, or
// that this process cannot write, is reported in one line and never touched.

import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync, accessSync, constants } from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { asBusyError, BUSY_TIMEOUT_MS } from './sqlite-busy.ts';
import { AppError } from '../lib/errors.ts';
import type { Schema } from './schema.ts';
import type { Database, OpenOptions } from './database.ts';
import { registerDirectReader } from './direct-reads.ts';
import { registerFoldCase } from './fold-case.ts';
import { forgetValueSamples } from './value-samples.sqlite.ts';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface SqliteDatabase extends Database {
  dialect: 'sqlite';
  /** The raw connection, for the few hot paths and bulk loads that bypass the query builder. */
  sqlite: BetterSqlite3.Database;
}

function readOnly(file: string, what: string): AppError {
  return new AppError('database_read_only', `The database ${what} ${file} is read-only for this process; Dispatch needs to write there`);
}

function checkFile(file: string): void {
  if (!existsSync(file)) {
    const dir = path.dirname(file);
    try {
      mkdirSync(dir, { recursive: true });
      accessSync(dir, constants.W_OK);
    } catch (cause) {
      throw new AppError('database_read_only', `Cannot create the database file ${file}: ${(cause as Error).message}`, { cause });
    }
    return;
  }
  const stats = statSync(file);
  if (!stats.isFile()) throw new AppError('database_not_sqlite', `The database path ${file} is not a file`);
  if (stats.size > 0) {
    const header = Buffer.alloc(16);
    let fd: number;
    try {
      fd = openSync(file, 'r');
    } catch (cause) {
      throw new AppError('database_read_only', `Cannot read the database file ${file}: ${(cause as Error).message}`, { cause });
    }
    try {
      readSync(fd, header, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    if (header.toString('latin1') !== SQLITE_HEADER) {
      throw new AppError('database_not_sqlite', `The file ${file} is not a SQLite database; it was left untouched (point DATABASE_URL elsewhere)`);
    }
  }
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw readOnly(file, 'file');
  }
  try {
    accessSync(path.dirname(file), constants.W_OK);
  } catch {
    // WAL mode keeps its journal beside the file.
    throw readOnly(path.dirname(file), 'folder');
  }
}

function translateOpenError(file: string, error: unknown): AppError | unknown {
  const code = (error as { code?: string }).code ?? '';
  if (code === 'SQLITE_NOTADB') return new AppError('database_not_sqlite', `The file ${file} is not a SQLite database; it was left untouched`, { cause: error });
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError('database_read_only', `Cannot write the database file ${file} (${code}); check its permissions and those of its folder`, { cause: error });
  }
  return asBusyError(file, error);
}

const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely prepares every query anew; preparing costs as much as running a small one. Statements are
 * kept by their SQL text and reused (better-sqlite3 re-prepares them itself after a schema change).
 */
function withStatementCache(sqlite: BetterSqlite3.Database) {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.clear();
        statement = sqlite.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      sqlite.close();
    },
  };
}

export function openSqlite(file: string, options: OpenOptions = {}): SqliteDatabase {
  const inMemory = file === ':memory:';
  if (!inMemory) checkFile(file);
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    if (!inMemory) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // In WAL mode NORMAL loses no committed transaction on a crash of the process, only on power loss.
    sqlite.pragma('synchronous = NORMAL');
    // Map the whole file (up to 16 GiB): page reads become memory reads, not system calls.
    sqlite.pragma('mmap_size = 17179869184');
    sqlite.pragma('cache_size = -32000');
    registerFoldCase(sqlite);
    sqlite.prepare('select count(*) from sqlite_master').get();
    // Refreshes the planner's statistics where they are missing or stale (cheap: SQLite samples), so
    // a grown archive keeps choosing the rubric index for rubric pages. Skipped for read-only use.
    if (!inMemory) {
      sqlite.pragma('optimize = 0x10002');
      forgetValueSamples(sqlite);
    }
  } catch (error) {
    throw translateOpenError(file, error);
  }
  const db = new Kysely<Schema>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    ...(options.onQuery ? { log: options.onQuery } : {}),
  });
  // An in-memory database exists for one connection only; it reads through the query builder.
  const reader = inMemory ? undefined : openReader(file, options);
  if (reader) registerDirectReader(db, reader.read, reader.iterate);
  return {
    db,
    dialect: 'sqlite',
    schema: undefined,
    sqlite,
    description: inMemory ? 'SQLite in memory' : `SQLite ${file}`,
    async close() {
      await db.destroy();
      reader?.close();
    },
  };
}

/** The read-only connection for direct reads, reporting each query's time like Kysely's log. */
function openReader(file: string, options: OpenOptions) {
  const connection = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  connection.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  connection.pragma('mmap_size = 17179869184');
  connection.pragma('cache_size = -32000');
  registerFoldCase(connection);
  const statements = withStatementCache(connection);
  const onQuery = options.onQuery;
  return {
    read(sql: string, parameters: readonly unknown[]): unknown[] {
      const started = onQuery ? performance.now() : 0;
      const rows = statements.prepare(sql).all(parameters as unknown[]);
      if (onQuery) {
        onQuery({ level: 'query', query: { sql, parameters, query: undefined as never, queryId: undefined as never }, queryDurationMillis: performance.now() - started });
      }
      return rows;
    },
    iterate(sql: string, parameters: readonly unknown[]): IterableIterator<unknown> {
      return statements.prepare(sql).iterate(parameters as unknown[]);
    },
    close() {
      connection.close();
    },
  };
}
