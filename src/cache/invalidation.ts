// What drops cached pages, and when. A story change (the "story changed" bus) drops at once the
// story's own pages and every page linking it, then, while the cache holds (serves and stores
// nothing), reads which lists the story is in now and drops those; a failure to read them drops
// everything. An image's texts drop the pages showing its files; a site reload (settings, rubrics,
// static pages) drops everything. Each drop is handed on to `purge` (the HTTP cache in front).

import type { Kysely } from 'kysely';
import type { Schema } from '../db/schema.ts';
import { findStoryListingFacts } from '../content/index.ts';
import { findImage, listRenditions } from '../media/index.ts';
import { wallTimeAt } from '../lib/time-zone.ts';
import type { StoryChanged } from '../newsroom/index.ts';
import { keysOfStoryChange } from './dependency-keys.ts';
import type { PageCache } from './page-cache.ts';

export interface InvalidationDeps {
  cache: PageCache;
  db: Kysely<Schema>;
  timeZone: () => string;
  /** Passes the dropped keys on to the HTTP cache in front (see purge-job.ts). */
  purge: (keys: readonly string[]) => void;
  onError: (error: unknown) => void;
}

export interface Invalidation {
  storyChanged(event: StoryChanged): Promise<void>;
  imageChanged(imageId: number): Promise<void>;
  siteChanged(): void;
}

function dayIn(instant: string, timeZone: string): string {
  const wall = wallTimeAt(new Date(instant), timeZone);
  return `${wall.year}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`;
}

export function createInvalidation(deps: InvalidationDeps): Invalidation {
  const { cache } = deps;
  const dropEverything = (error: unknown) => {
    deps.onError(error);
    cache.dropAll();
    deps.purge(['site']);
  };
  return {
    async storyChanged(event) {
      const shown = [`story:${event.storyId}`, ...event.languages.map((language) => `story:${event.storyId}:${language}`)];
      cache.drop(shown);
      try {
        await cache.holdWhile(
          (async () => {
            const facts = await findStoryListingFacts(deps.db, event.storyId);
            const timeZone = deps.timeZone();
            const keys = keysOfStoryChange(
              event.storyId,
              event.languages,
              facts.map((fact) => ({ ...fact, localDay: dayIn(fact.publishedAt, timeZone) })),
            );
            cache.drop(keys);
            deps.purge(keys);
          })(),
        );
      } catch (error) {
        dropEverything(error);
      }
    },
    async imageChanged(imageId) {
      try {
        await cache.holdWhile(
          (async () => {
            const [image, renditions] = await Promise.all([findImage(deps.db, imageId), listRenditions(deps.db, [imageId])]);
            const files = [...(image ? [image.storageKey] : []), ...(renditions.get(imageId) ?? []).map((rendition) => rendition.storageKey)];
            const keys = files.map((file) => `media:${file}`);
            cache.drop(keys);
            if (keys.length > 0) deps.purge(keys);
          })(),
        );
      } catch (error) {
        dropEverything(error);
      }
    },
    siteChanged() {
      cache.dropAll();
      deps.purge(['site']);
    },
  };
}
