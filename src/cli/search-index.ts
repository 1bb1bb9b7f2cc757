// Joins the content domain (which knows stories) to the search index (which knows terms) for
// the commands that rebuild the index: `dispatch search reindex`, `dispatch demo --stories`
// and the first start on a database whose index was never built.

import { countStories, listStoryIdsAfter, loadSearchDocuments } from '../content/index.ts';
import type { Database } from '../db/database.ts';
import { markLiveIndexIncomplete, needsSearchIndex, rebuildSearchIndex, type ReindexResult, type ReindexSource } from '../search/index.ts';

export const contentSearchSource: ReindexSource = {
  listStoryIds: listStoryIdsAfter,
  loadDocuments: loadSearchDocuments,
  countStories,
};

export function reindexSearch(database: Database, progress: boolean, signal?: AbortSignal): Promise<ReindexResult> {
  return rebuildSearchIndex(database, contentSearchSource, { progress, ...(signal ? { signal } : {}) });
}

export interface BackgroundIndexing {
  /** Settles when the build is done, failed or was stopped (it never rejects). */
  readonly done: Promise<void>;
  /** Ends the build between two batches; the next start builds again. */
  stop(): Promise<void>;
}

/**
 * `dispatch serve` on a database whose stories the index has never seen (an upgrade, a bulk
 * load): the live index is marked incomplete, so search answers "being built" rather than from a
 * partial index, and the rebuild runs beside the serving process. Undefined when nothing is missing.
 */
export async function indexInBackground(
  database: Database,
  report: { built(result: ReindexResult): void; failed(error: unknown): void },
): Promise<BackgroundIndexing | undefined> {
  if (!(await needsSearchIndex(database.db))) return undefined;
  await markLiveIndexIncomplete(database.db);
  const controller = new AbortController();
  const done = reindexSearch(database, false, controller.signal).then(
    (result) => report.built(result),
    (error: unknown) => { if (!controller.signal.aborted) report.failed(error); },
  );
  return { done, stop: async () => { controller.abort(); await done; } };
}
