// `dispatch demo --stories N` fills the search index, and `dispatch search reindex` rebuilds it,
// on SQLite and PostgreSQL, as a person runs them.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../testing/cli.ts';
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
}
