// The search domain's public interface: archive search for the site and the newsroom, the index
// writer the content domain calls from refreshStoryListings, and the reindex.

export { searchStories, PAGE_SIZE, MAX_PAGE, type SearchContext, type SearchOptions, type SearchPage, type SearchResult } from './query/search-stories.ts';
export { parseQuery, type ParsedQuery, type QueryProblem } from './query/parse-query.ts';
export { replaceSearchDocuments } from './index-store/write-documents.ts';
export type { SearchDocumentInput } from './index-store/search-document.ts';
export { normalizeText, wordsOf } from './text/normalize.ts';
export { stemWord } from './text/stem.ts';
export { rebuildSearchIndex, isSearchIndexEmpty, needsSearchIndex, type ReindexSource, type ReindexResult } from './reindex.ts';
export { markLiveIndexIncomplete } from './index-store/generations.ts';
