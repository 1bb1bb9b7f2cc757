import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDatabase } from '../testing/databases.ts';
import { migrateToLatest, migrationStatus, assertNotNewer } from './migrate.ts';
import { hasErrorCode } from '../lib/errors.ts';

describeEachDatabase('migrations', ({ database }) => {
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
