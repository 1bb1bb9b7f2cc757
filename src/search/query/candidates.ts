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

/**
 * The best `limit` candidates seen so far, in a heap with the worst on top: a candidate enters
 * in O(log limit), and the bar (the score to beat once the top is full) is always at hand, so a
 * retrieval can stop reading the moment no older row can enter.
 */
export class TopCandidates {
  private readonly heap: Candidate[] = [];
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** The score a new candidate must beat: the last place once there are `limit`, else 0. */
  bar(): number {
    return this.heap.length >= this.limit ? this.heap[0]!.score : 0;
  }

  offer(candidate: Candidate): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(candidate);
      this.up(heap.length - 1);
    } else if (this.limit > 0 && byScore(candidate, heap[0]!) < 0) {
      heap[0] = candidate;
      this.down(0);
    }
  }

  /** Best first. */
  sorted(): Candidate[] {
    return [...this.heap].sort(byScore);
  }

  /** Whether a is worse than b (it sorts after b). */
  private isWorse(a: number, b: number): boolean {
    return byScore(this.heap[a]!, this.heap[b]!) > 0;
  }

  private swap(a: number, b: number): void {
    const heap = this.heap;
    [heap[a], heap[b]] = [heap[b]!, heap[a]!];
  }

  private up(index: number): void {
    for (let i = index; i > 0;) {
      const parent = (i - 1) >> 1;
      if (!this.isWorse(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(index: number): void {
    for (let i = index; ;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < this.heap.length && this.isWorse(left, worst)) worst = left;
      if (right < this.heap.length && this.isWorse(right, worst)) worst = right;
      if (worst === i) return;
      this.swap(i, worst);
      i = worst;
    }
  }
}
