// What a start of `dispatch serve` does once, before any process serves a request (in the single
// process, or in the primary before it forks its workers).

import type { Config } from '../lib/config.ts';
import type { Logger } from '../lib/logger.ts';
import type { Database } from '../db/index.ts';
import { contentContext } from './runtime.ts';
import { describeFirstStart, isFirstStart, prepareFirstStart } from './first-start.ts';
import { indexIfEmpty } from './search-index.ts';

/**
 * What happens once per start, before any request: the first start's demo and administrator, and
 * the search index of a database that never had one. Migrations ran when the database opened.
 */
export async function prepareStart(config: Config, database: Database, logger: Logger): Promise<void> {
  const context = contentContext(config, database);
  if (await isFirstStart(context)) {
    const result = await prepareFirstStart(context, { loadDemo: config.loadDemoOnFirstStart, mediaDir: config.mediaDir });
    process.stderr.write(describeFirstStart(result, config.publicUrl));
  }
  // A database from before archive search (or filled by a bulk load) gets its index now.
  const indexed = await indexIfEmpty(database);
  if (indexed) logger.info({ stories: indexed.stories, ms: indexed.milliseconds }, 'built the search index');
}
