// When the database stops answering, readers still get every page the cache holds, however old
// (stale-if-error), and everything else is a 503 page in the reader's language, never a 500. The
// database is closed under the running app, on SQLite and on PostgreSQL.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createTestTarget, DIALECTS } from '../testing/databases.ts';
import { buildTestApp } from '../testing/app.ts';
import { draftStory, movableWorkflowContext, newsroom } from '../newsroom/workflow/workflow-fixtures.ts';
import { publishVersion } from '../newsroom/index.ts';
import type { PageCache } from './index.ts';

for (const dialect of DIALECTS) {
  test(`with the database gone, cached pages are served and the rest is a 503 in the reader's language [${dialect}]`, async () => {
    const target = await createTestTarget(dialect);
    let database: Database | undefined = await openDatabase(target.target);
    try {
      await migrateToLatest(database);
      const { context, advance } = movableWorkflowContext(() => database!, '2026-11-23T08:00:00.000Z');
      const people = await newsroom(context);
      const built = await buildTestApp(database, context.clock, { PAGE_CACHE_MAX_MB: '16' }, { events: context.events });
      const app = built.app as typeof built.app & { pageCache: PageCache; site: { reload(): Promise<void> } };
      await app.site.reload();
      const storyId = await draftStory(context, people.rubric.id, people.reporter, 'Power cut in Brest', ['en']);
      await publishVersion(context, { actor: people.editor, storyId, language: 'en' });
      await app.pageCache.whenServing();
      const home = await app.inject({ url: '/en/' });
      assert.match(home.body, /Power cut in Brest en/);

      await database.close();
      database = undefined;
      const fresh = await app.inject({ url: '/en/' });
      assert.equal(fresh.statusCode, 200);
      assert.equal(fresh.body, home.body);

      advance(60 * 60_000); // an hour: past the page's max age, so the cache tries to make it again
      const stale = await app.inject({ url: '/en/' });
      assert.equal(stale.statusCode, 200, 'the stored page, stale, rather than an error');
      assert.equal(stale.body, home.body);

      const english = await app.inject({ url: `/en/${people.rubric.names.en!.slug}/` });
      assert.equal(english.statusCode, 503);
      assert.equal(english.headers['retry-after'], '60');
      assert.match(english.body, /<html lang="en"/);
      assert.match(english.body, /Temporarily unavailable/);
      assert.equal(english.headers['surrogate-key'], undefined, 'an error page is not stored');
      const russian = await app.inject({ url: `/ru/${people.rubric.names.ru!.slug}/` });
      assert.equal(russian.statusCode, 503);
      assert.match(russian.body, /Временно недоступно/);
      await app.close();
    } finally {
      await database?.close();
      await target.dispose();
    }
  });
}
