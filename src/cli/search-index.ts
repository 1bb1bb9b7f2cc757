// Joins the content domain (which knows stories) to the search index (which knows terms) for
// the commands that rebuild the index: `dispatch search reindex`, `dispatch demo --stories`
// and the first start on a database whose index was never built.

import { countStories, listStoryIdsAfter, loadSearchDocuments } from '../content/index.ts';
import type { Database } from '../db/database.ts';
import { isSearchIndexEmpty, rebuildSearchIndex, type ReindexResult, type ReindexSource } from '../search/index.ts';

export const contentSearchSource: ReindexSource = {
  listStoryIds: listStoryIdsAfter,
  loadDocuments: loadSearchDocuments,
  countStories,
};

export function reindexSearch(database: Database, progress: boolean): Promise<ReindexResult> {
  return rebuildSearchIndex(database, contentSearchSource, { progress });
}

/** Builds the index when stories exist that it has never seen (an upgraded database). */
export async function indexIfEmpty(database: Database): Promise<ReindexResult | undefined> {
  return (await isSearchIndexEmpty(database.db)) ? reindexSearch(database, false) : undefined;
}
