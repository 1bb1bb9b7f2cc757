// «Other materials» under every story page: the newest headlines of the story's rubric in its
// language, the same list for every story of that rubric. It is read once and kept in memory
// until any story changes (a change can move a story into or out of any rubric's list: a
// publication, a kill, a move to another rubric) or the site reloads (rubrics), and never longer
// than MAX_AGE_MS, for a change only the clock makes (an embargo ending before the job runner
// announces it). A read that began before a change is not kept.

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { listRubricHeadlines, type ListedHeadline } from '../content/index.ts';

const MAX_AGE_MS = 30_000;

interface Kept {
  headlines: ListedHeadline[];
  /** How many were asked for: a list shorter than that holds the whole rubric. */
  limit: number;
  readAt: number;
}

export class RubricHeadlines {
  private readonly kept = new Map<string, Kept>();
  private generation = 0;
  private readonly db: Kysely<Schema>;

  constructor(db: Kysely<Schema>) {
    this.db = db;
  }

  /** The newest `limit` headlines readers can see now in the rubric, leaving out `exceptStoryId`. */
  async latest(params: { language: string; rubricId: number; exceptStoryId: number; limit: number; now: Date }): Promise<ListedHeadline[]> {
    const key = `${params.language}/${params.rubricId}`;
    const now = params.now.getTime();
    let entry = this.kept.get(key);
    // A clock set back (tests, a corrected system clock) reads again too.
    if (!entry || entry.limit < params.limit + 1 || now - entry.readAt >= MAX_AGE_MS || now < entry.readAt) {
      const generation = this.generation;
      // One more than asked for: the list still has `limit` once the story itself is left out.
      const headlines = await listRubricHeadlines(this.db, { language: params.language, rubricId: params.rubricId, limit: params.limit + 1, now: params.now });
      entry = { headlines, limit: params.limit + 1, readAt: now };
      if (generation === this.generation) this.kept.set(key, entry);
    }
    return entry.headlines.filter((headline) => headline.storyId !== params.exceptStoryId).slice(0, params.limit);
  }

  /** Forgets every list: a story changed, or the rubrics did. */
  clear(): void {
    this.generation++;
    this.kept.clear();
  }
}
