// How soon a published story shows on its page, its rubric page, the language home and the RSS
// feed once the publish command has returned, with those pages cached beforehand: in-process on
// the benchmark's archive, through the same app, bus and page cache `dispatch serve` uses. Each
// sample writes one story (killed again afterwards) and a newsroom user the first time.

import { openDatabase } from '../src/db/database.ts';
import { buildApp } from '../src/http/app.ts';
import { loadConfig } from '../src/lib/config.ts';
import { createLogger } from '../src/lib/logger.ts';
import { createMetrics } from '../src/http/metrics.ts';
import { systemClock } from '../src/lib/clock.ts';
import { createStory, documentFromText } from '../src/content/index.ts';
import { createStoryEvents, killVersion, publishVersion, type WorkflowContext } from '../src/newsroom/index.ts';

export async function measurePublishVisibility(file: string, mediaDir: string, samples: number): Promise<number[]> {
  const database = await openDatabase({ kind: 'sqlite', file });
  try {
    const config = { ...loadConfig({ DATABASE_URL: file, MEDIA_DIR: mediaDir, LOG_LEVEL: 'silent' }), database: { kind: 'sqlite' as const, file } };
    const events = createStoryEvents();
    const app = await buildApp({ config, database, logger: createLogger('silent'), metrics: createMetrics(), clock: systemClock, events });
    const languages = config.languages.map((language) => language.code);
    const context: WorkflowContext = { database, languages, clock: systemClock, events };
    const at = new Date().toISOString();
    const editor = await database.db
      .insertInto('users')
      .values({ login: `bench-editor-${Date.now()}`, name: 'Bench editor', email: null, role: 'chief_editor', password_hash: 'not-a-hash', must_change_password: 0, created_at: at, updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    const actor = { userId: editor.id, role: 'chief_editor' as const };
    const rubric = await database.db
      .selectFrom('rubric_names').select(['rubric_id', 'slug']).where('language', '=', 'en').orderBy('rubric_id').executeTakeFirstOrThrow();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const headline = `Benchmark visibility ${Date.now()} ${i}`;
      const { id } = await createStory(context, {
        rubricId: rubric.rubric_id,
        createdBy: editor.id,
        versions: [{ language: 'en', headline, lede: 'A story the benchmark publishes.', body: documentFromText(['Text.']) }],
      });
      const lists = [`/en/${rubric.slug}/`, '/en/', '/en/rss.xml'];
      for (const url of lists) await app.inject({ url });
      await app.pageCache.whenServing();
      for (const url of lists) await app.inject({ url });
      await publishVersion(context, { actor, storyId: id, language: 'en' });
      const returned = performance.now();
      const { slug } = await database.db.selectFrom('story_versions').select('slug').where('story_id', '=', id).where('language', '=', 'en').executeTakeFirstOrThrow();
      const pages = [`/en/${rubric.slug}/${id}-${slug}`, ...lists];
      const pending = new Set(pages);
      while (pending.size > 0) {
        for (const url of [...pending]) if ((await app.inject({ url })).body.includes(headline)) pending.delete(url);
      }
      times.push(performance.now() - returned);
      await killVersion(context, { actor, storyId: id, language: 'en', reason: 'benchmark story' });
    }
    await app.close();
    return times;
  } finally {
    await database.close();
  }
}
