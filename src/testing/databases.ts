// Runs a suite of integration tests once on SQLite and once on PostgreSQL. Each run works in a
// database of its own (a temporary SQLite file; a fresh PostgreSQL schema, dropped at the end), so
// test runs never see each other's data. PostgreSQL is always part of the run: `npm test` makes sure
// it is there, and a test file run by hand uses TEST_POSTGRES_URL or the local default.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { DatabaseTarget } from '../db/database-url.ts';

export const DEFAULT_TEST_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || DEFAULT_TEST_POSTGRES_URL;
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** Drops whatever the test created. */
  dispose(): Promise<void>;
}

export function createSqliteTarget(): TestDatabase {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-test-'));
  return {
    target: { kind: 'sqlite', file: path.join(dir, 'dispatch.db') },
    async dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createPostgresTarget(): Promise<TestDatabase> {
  const url = testPostgresUrl();
  const schema = `dispatch_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema "${schema}"`);
  await admin.end();
  return {
    target: { kind: 'postgres', url, schema },
    async dispose() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    },
  };
}

export const DIALECTS = ['sqlite', 'postgres'] as const;

export async function createTestTarget(dialect: 'sqlite' | 'postgres'): Promise<TestDatabase> {
  return dialect === 'sqlite' ? createSqliteTarget() : createPostgresTarget();
}

/**
 * Declares `suite` once per dialect. The suite receives a getter for a migrated database that is
 * opened before its tests and dropped after them.
 */
export function describeEachDatabase(name: string, suite: (context: { database: () => Database; dialect: 'sqlite' | 'postgres' }) => void): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let testDatabase: TestDatabase | undefined;
      let database: Database | undefined;
      before(async () => {
        testDatabase = await createTestTarget(dialect);
        database = await openDatabase(testDatabase.target);
        await migrateToLatest(database);
      });
      after(async () => {
        await database?.close();
        await testDatabase?.dispose();
      });
      suite({
        dialect,
        database: () => {
          if (!database) throw new Error('the test database is not open yet');
          return database;
        },
      });
    });
  }
}

/**
 * A migrated SQLite database in a temporary file for the tests of the file that calls it (for
 * what only SQLite has, such as FTS5 tables): opened and given its data (`seed`) before them,
 * removed after them. The seed runs in the same hook: Node 20 does not wait for one top-level
 * `before` to finish before starting the next.
 */
export function useSqliteTestDatabase(seed?: (database: Database) => Promise<void>): () => Database {
  let testDatabase: TestDatabase | undefined;
  let database: Database | undefined;
  before(async () => {
    testDatabase = createSqliteTarget();
    database = await openDatabase(testDatabase.target);
    await migrateToLatest(database);
    await seed?.(database);
  });
  after(async () => {
    await database?.close();
    await testDatabase?.dispose();
  });
  return () => {
    if (!database) throw new Error('the test database is not open yet');
    return database;
  };
}
