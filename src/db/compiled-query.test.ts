import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import { describeEachDatabase } from '../testing/databases.ts';
import { compiledListQuery, compiledQuery } from './compiled-query.ts';
import type { Schema } from './schema.ts';

const settingByKey = compiledQuery((db: Kysely<Schema>, key: string) => db.selectFrom('settings').select(['key', 'value']).where('key', '=', key));

const settingsByKeys = compiledListQuery((db: Kysely<Schema>, keys: readonly string[], except: string) =>
  db.selectFrom('settings').select('key').where('key', 'in', keys).where('key', '<>', except).orderBy('key'),
);

describeEachDatabase('compiled queries', ({ database }) => {
  test('over a list: each length gives the rows of its values, the other arguments too, and long lists still work', async () => {
    const db = database().db;
    const keys = Array.from({ length: 40 }, (_, i) => `k${String(i).padStart(2, '0')}`);
    await db.insertInto('settings').values(keys.map((key) => ({ key, value: '1' }))).execute();
    assert.deepEqual(await settingsByKeys(db, ['k01'], ''), [{ key: 'k01' }]);
    assert.deepEqual(await settingsByKeys(db, ['k02', 'k03', 'nothing'], 'k03'), [{ key: 'k02' }]);
    assert.deepEqual(await settingsByKeys(db, ['k05'], ''), [{ key: 'k05' }]);
    assert.deepEqual(await settingsByKeys(db, ['k07', 'k04', 'k09'], ''), [{ key: 'k04' }, { key: 'k07' }, { key: 'k09' }]);
    assert.deepEqual((await settingsByKeys(db, keys, 'k00')).length, 39);
  });

  test('run again with new values give the rows of those values', async () => {
    const db = database().db;
    await db.insertInto('settings').values([{ key: 'a', value: '"one"' }, { key: 'b', value: '"two"' }]).execute();
    assert.deepEqual(await settingByKey(db, 'a'), [{ key: 'a', value: '"one"' }]);
    assert.deepEqual(await settingByKey(db, 'b'), [{ key: 'b', value: '"two"' }]);
    assert.deepEqual(await settingByKey(db, 'nothing'), []);
  });

  test('never see a write that is not committed yet, and see it once it is', async () => {
    const db = database().db;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedPromise = new Promise<void>((resolve) => (inserted = resolve));
    const writing = db.transaction().execute(async (trx) => {
      await trx.insertInto('settings').values({ key: 'pending', value: '"x"' }).execute();
      inserted();
      await held;
    });
    await insertedPromise;
    // SQLite reads through its own read-only connection, PostgreSQL through another pooled one:
    // either answers with the committed state while the transaction is open.
    assert.deepEqual(await settingByKey(db, 'pending'), []);
    release();
    await writing;
    assert.deepEqual(await settingByKey(db, 'pending'), [{ key: 'pending', value: '"x"' }]);
  });
});
