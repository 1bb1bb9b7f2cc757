// Where a story stands in the public lists now, per language version readers may see (or will, once
// its embargo ends): its rubric's and tags' slugs in that language, its authors' keys and its
// publication time. The page cache reads this after a change to know which lists the story entered.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { PUBLIC_STATUSES } from './story-status.ts';

export interface StoryListingFacts {
  language: string;
  publishedAt: string;
  rubricSlug: string | null;
  tagSlugs: string[];
  authorKeys: string[];
}

export async function findStoryListingFacts(db: Kysely<Schema>, storyId: number): Promise<StoryListingFacts[]> {
  const versions = await db
    .selectFrom('story_versions as v')
    .leftJoin('rubric_names as r', (join) => join.onRef('r.rubric_id', '=', 'v.rubric_id').onRef('r.language', '=', 'v.language'))
    .select(['v.language', 'v.published_at', 'r.slug as rubric_slug'])
    .where('v.story_id', '=', storyId)
    .where('v.status', 'in', [...PUBLIC_STATUSES])
    .where('v.published_at', 'is not', null)
    .execute();
  if (versions.length === 0) return [];
  const [tags, authors] = await Promise.all([
    db
      .selectFrom('story_tags as t')
      .innerJoin('tag_names as n', 'n.tag_id', 't.tag_id')
      .select(['n.language', 'n.slug'])
      .where('t.story_id', '=', storyId)
      .execute(),
    db
      .selectFrom('story_authors as a')
      .innerJoin('authors', 'authors.id', 'a.author_id')
      .select('authors.key')
      .where('a.story_id', '=', storyId)
      .execute(),
  ]);
  return versions.map((version) => ({
    language: version.language,
    publishedAt: version.published_at!,
    rubricSlug: version.rubric_slug ?? null,
    tagSlugs: tags.filter((tag) => tag.language === version.language).map((tag) => tag.slug),
    authorKeys: authors.map((author) => author.key),
  }));
}
