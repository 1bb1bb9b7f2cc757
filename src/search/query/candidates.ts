// The ranking both databases share and the plan of one retrieval. A result's score is
// relevance × freshness: relevance is 1 + r/(r+1) for the engine's raw relevance r (BM25 on
// SQLite, ts_rank on PostgreSQL), so it lies in [1, 2); freshness is 1/(1 + age/30 days): the
// best match of a month ago ties a weak one of today, as a news archive wants. Since
// relevance never reaches 2, no story older than a moment can score above 2 × its freshness:
// that bound lets SQLite stop at the first year (or window of time) that cannot enter the top N.

export const FRESHNESS_DAYS = 30;
export const RELEVANCE_CEILING = 2;
/**
 * A story with every query word in its headline scores this many times more: headline matches
 * come first among stories of about the same time (a headline match of two months ago still
 * beats a passing mention of today), without a ten-year-old headline burying this week's news.
 */
export const HEADLINE_BOOST = 3;

export interface Candidate {
  key: number;
  score: number;
}

export interface RetrievalPlan {
  /** The index generation to read. */
  generation: number;
  /** Inclusive key range (visibility, date filters). */
  lowKey: number;
  highKey: number;
  /** The key of "now", for freshness. */
  nowKey: number;
  /** How many of the best to return. */
  limit: number;
}

export interface Retrieval {
  candidates: Candidate[];
  /** Whether every match was considered (the count is exact), not only the best `limit`. */
  isComplete: boolean;
}

/** Sorts best first: score, then newer key. */
export function byScore(a: Candidate, b: Candidate): number {
  return b.score - a.score || b.key - a.key;
}
