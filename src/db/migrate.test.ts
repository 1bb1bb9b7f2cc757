import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDatabase } from '../testing/databases.ts';
import { migrateToLatest, migrationStatus, assertNotNewer } from './migrate.ts';
import { hasErrorCode } from '../lib/errors.ts';

describeEachDatabase('migrations', ({ database, dialect }) => {
  test('leave nothing pending and are idempotent', async () => {
    const status = await migrationStatus(database());
    assert.deepEqual(status.pending, []);
    assert.ok(status.applied.includes('2026-11-23-01-foundation'));
    assert.deepEqual(await migrateToLatest(database()), []);
  });

  test('create every table of the story model', async () => {
    const tables = (await database().db.introspection.getTables()).map((table) => table.name);
    for (const name of ['stories', 'story_versions', 'story_slugs', 'rubrics', 'rubric_names', 'tags', 'tag_names', 'authors', 'images', 'users', 'settings']) {
      assert.ok(tables.includes(name), `missing table ${name}`);
    }
  });

  // Reading every schema raced with other processes dropping theirs ("schema ... does not exist").
  if (dialect === 'postgres') test('see only their own schema: the tables of another schema are not read', async () => {
    const db = database().db;
    const other = `${database().schema}_neighbour`;
    await sql`create schema ${sql.id(other)}`.execute(db);
    await sql`create table ${sql.id(other, 'dispatch_migrations')} (name text)`.execute(db);
    try {
      const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
      assert.ok(tables.every((table) => table.schema === database().schema), 'only this schema is read');
      assert.equal(tables.filter((table) => table.name === 'dispatch_migrations').length, 1);
      assert.deepEqual((await migrationStatus(database())).pending, []);
    } finally {
      await sql`drop schema ${sql.id(other)} cascade`.execute(db);
    }
  });

  test('refuse a database migrated by a newer Dispatch', async () => {
    const db = database().db;
    await sql`insert into dispatch_migrations (name, timestamp) values ('2999-01-01-01-future', '2999-01-01T00:00:00.000Z')`.execute(db);
    try {
      const status = await migrationStatus(database());
      assert.deepEqual(status.unknown, ['2999-01-01-01-future']);
      assert.throws(() => assertNotNewer(status), (error) => hasErrorCode(error, 'database_newer_than_code'));
      await assert.rejects(migrateToLatest(database()), /newer Dispatch/);
    } finally {
      await sql`delete from dispatch_migrations where name = '2999-01-01-01-future'`.execute(db);
    }
  });
});
