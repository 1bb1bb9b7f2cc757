// What a start of `dispatch serve` does once, before any process serves a request (in the single
// process, or in the primary before it forks its workers).

import type { Config } from '../lib/config.ts';
import type { Logger } from '../lib/logger.ts';
import type { Database } from '../db/index.ts';
import { contentContext } from './runtime.ts';
import { describeFirstStart, isFirstStart, prepareFirstStart } from './first-start.ts';
import { indexInBackground, type BackgroundIndexing } from './search-index.ts';

/**
 * What happens once per start, before any request: the first start's demo and administrator.
 * Migrations ran when the database opened.
 */
export async function prepareStart(config: Config, database: Database, logger: Logger): Promise<void> {
  const context = contentContext(config, database);
  if (await isFirstStart(context)) {
    const result = await prepareFirstStart(context, { loadDemo: config.loadDemoOnFirstStart, mediaDir: config.mediaDir });
    process.stderr.write(describeFirstStart(result, config.publicUrl));
  }
}

/**
 * A database from before archive search (or filled by a bulk load) gets its index while Dispatch
 * serves: search says "being built" until it is complete. Started once per start, by the single
 * process after it listens or by the primary of several workers, never by each worker.
 */
export async function startBackgroundIndexing(database: Database, logger: Logger): Promise<BackgroundIndexing | undefined> {
  const indexing = await indexInBackground(database, {
    built: (result) => logger.info({ stories: result.stories, ms: result.milliseconds }, 'built the search index'),
    failed: (error) => logger.error({ err: error }, 'the search index could not be built; run `dispatch search reindex`'),
  });
  if (indexing) logger.info('building the search index in the background; search says so until it is done');
  return indexing;
}
