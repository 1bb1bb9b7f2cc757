// What the content API needs from the site: its rubrics and addresses, so a story's `url` is the
// page readers would open and the API never decides visibility or paths on its own.

import type { Rubric } from '../../content/index.ts';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../lib/clock.ts';

export interface ContentApiSite {
  database: Database;
  clock: Clock;
  /** The public address, without a trailing slash. */
  publicUrl: string;
  languages(): readonly string[];
  rubrics(): readonly Rubric[];
  storyPath(language: string, rubricSlug: string | null, storyId: number, slug: string): string;
  rubricPath(language: string, rubricSlug: string): string;
  tagPath(language: string, tagSlug: string): string;
}
