// ANALYZE's samples of index values make SQLite prepare a statement again on every run with new
// values; Dispatch keeps the per-index averages only (see value-samples.sqlite.ts).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { openSqlite } from './database.sqlite.ts';
import { forgetValueSamples } from './value-samples.sqlite.ts';

function analyzedFile(dir: string): string {
  const file = path.join(dir, 'samples.db');
  const sqlite = new BetterSqlite3(file);
  sqlite.exec('create table tags (id integer primary key, story_id integer not null); create index tags_story on tags (story_id)');
  const insert = sqlite.prepare('insert into tags (story_id) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < 5000; i++) insert.run(i % 2000);
  })();
  sqlite.exec('analyze');
  assert.ok((sqlite.prepare('select count(*) as n from sqlite_stat4').get() as { n: number }).n > 0, 'this build of SQLite samples index values');
  sqlite.close();
  return file;
}

const count = (sqlite: BetterSqlite3.Database, table: string) => (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;

test('opening a database drops the samples of index values and keeps the averages', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-samples-'));
  try {
    const database = openSqlite(analyzedFile(dir));
    try {
      assert.equal(count(database.sqlite, 'sqlite_stat4'), 0);
      assert.ok(count(database.sqlite, 'sqlite_stat1') > 0, 'the per-index averages stay for the planner');
      assert.match(JSON.stringify(database.sqlite.prepare('explain query plan select id from tags where story_id = ?').all(7)), /tags_story/);
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('forgetting samples after ANALYZE, and on a database never analyzed', () => {
  const sqlite = new BetterSqlite3(':memory:');
  try {
    forgetValueSamples(sqlite);
    sqlite.exec('create table t (id integer primary key, k integer); create index t_k on t (k)');
    for (let i = 0; i < 500; i++) sqlite.prepare('insert into t (k) values (?)').run(i % 50);
    sqlite.exec('analyze');
    assert.ok(count(sqlite, 'sqlite_stat4') > 0);
    forgetValueSamples(sqlite);
    assert.equal(count(sqlite, 'sqlite_stat4'), 0);
    assert.ok(count(sqlite, 'sqlite_stat1') > 0);
  } finally {
    sqlite.close();
  }
});
