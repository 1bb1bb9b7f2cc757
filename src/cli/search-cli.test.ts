// `dispatch demo --stories N` fills the search index, and `dispatch search reindex` rebuilds it,
// on SQLite and PostgreSQL, as a person runs them.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, runCli, startServer } from '../testing/cli.ts';
import { createPostgresTarget } from '../testing/databases.ts';
import { openDatabase } from '../db/database.ts';
import { searchStories } from '../search/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'dispatch-search-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

for (const dialect of ['sqlite', 'postgres'] as const) {
  test(`synthetic stories are searchable and the index rebuilds [${dialect}]`, async () => {
    const postgres = dialect === 'postgres' ? await createPostgresTarget() : undefined;
    try {
      const target = postgres?.target ?? { kind: 'sqlite' as const, file: path.join(dir, 'dispatch.db') };
      const url = postgres && target.kind === 'postgres' ? `${target.url}?schema=${target.schema}` : path.join(dir, 'dispatch.db');
      const env = { DATABASE_URL: url };
      const demo = await runCli(['demo', '--stories', '60', '--quiet'], { env });
      assert.equal(demo.code, 0, demo.stderr);
      assert.match(demo.stdout, /Indexed \d+ language versions for search/);
      const reindex = await runCli(['search', 'reindex'], { env });
      assert.equal(reindex.code, 0, reindex.stderr);
      assert.match(reindex.stdout, /Indexed 60 stories \(\d+ language versions\) in [\d.]+ s; generation 3 is live\./);
      assert.match(reindex.stderr, /search index \[#+\] 100%/, 'a progress bar');
      const database = await openDatabase(target);
      try {
        const page = await searchStories({ database, clock: () => new Date() }, { query: 'сотрудничества', language: 'ru', audience: 'public' });
        assert.ok(page.results.length > 0, 'a Russian word form finds synthetic stories');
      } finally {
        await database.close();
      }
    } finally {
      await postgres?.dispose();
    }
  });

  test(`dispatch serve listens first and builds a missing index in the background [${dialect}]`, async () => {
    const postgres = dialect === 'postgres' ? await createPostgresTarget() : undefined;
    const file = path.join(dir, 'unindexed.db');
    try {
      const target = postgres?.target ?? { kind: 'sqlite' as const, file };
      const url = postgres && target.kind === 'postgres' ? `${target.url}?schema=${target.schema}` : file;
      const env = { DATABASE_URL: url, MEDIA_DIR: path.join(dir, 'media') };
      const demo = await runCli(['demo', '--stories', '150', '--quiet'], { env, timeoutMs: 240_000 });
      assert.equal(demo.code, 0, demo.stderr);
      // As after a bulk load or an upgrade: stories, and an index that never saw them.
      const database = await openDatabase(target);
      await database.db.deleteFrom('search_documents').execute();
      await database.close();

      const server = await startServer({ env: { ...env, LOG_LEVEL: 'info' }, port: await freePort(), timeoutMs: 120_000 });
      try {
        const answers = new Set<number>();
        for (let attempt = 0; attempt < 600; attempt++) {
          const response = await fetch(`${server.url}/ru/search?q=${encodeURIComponent('сотрудничества')}`);
          const body = await response.text();
          answers.add(response.status);
          if (response.status === 503) {
            assert.match(body, /Поисковый указатель архива строится/);
            assert.doesNotMatch(body, /<mark>/, 'no results from a partial index');
          } else {
            assert.equal(response.status, 200, body.slice(0, 300));
            assert.match(body, /<mark>/, 'once built, the archive is found');
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        assert.ok(answers.has(200), `answers seen: ${[...answers].join(', ')}`);
        // The log says the server was serving before the index was built (the old generation is
        // dropped after the swap, so the last line may follow the first answers a little).
        for (let wait = 0; wait < 300 && !server.output().stdout.includes('built the search index'); wait++) await new Promise((resolve) => setTimeout(resolve, 100));
        const log = server.output().stdout;
        const serving = log.indexOf('Dispatch is serving');
        assert.ok(log.indexOf('building the search index in the background') >= 0, log.slice(0, 2000));
        assert.ok(serving >= 0 && log.indexOf('built the search index') > serving, log.slice(0, 2000));
      } finally {
        const stopped = await server.stop();
        assert.equal(stopped.code, 0, stopped.stderr);
      }
    } finally {
      await postgres?.dispose();
    }
  });
}
