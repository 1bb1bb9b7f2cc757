// Keeps a story's rows in tag_listings and author_listings in step with its visible language
// versions. Every command that changes a story's versions, status, publication time, tags or
// bylines calls refreshStoryListings in the same transaction. It also rewrites the story's rows
// in the search index, so the archive search follows the newsroom with no extra call.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { PUBLIC_STATUSES } from './story-status.ts';
import { replaceSearchDocuments } from '../../search/index.ts';
import { loadSearchDocuments } from './search-documents.ts';

export async function refreshStoryListings(trx: Kysely<Schema>, storyId: number): Promise<void> {
  await replaceSearchDocuments(trx, storyId, await loadSearchDocuments(trx, [storyId]));
  await trx.deleteFrom('tag_listings').where('story_id', '=', storyId).execute();
  await trx.deleteFrom('author_listings').where('story_id', '=', storyId).execute();
  const visible = (qb: Kysely<Schema>) =>
    qb
      .selectFrom('story_versions')
      .select(['language', 'published_at'])
      .where('story_id', '=', storyId)
      .where('status', 'in', [...PUBLIC_STATUSES])
      .where('published_at', 'is not', null);
  const versions = await visible(trx).execute();
  if (versions.length === 0) return;
  const tags = await trx.selectFrom('story_tags').select('tag_id').where('story_id', '=', storyId).execute();
  const authors = await trx.selectFrom('story_authors').select('author_id').where('story_id', '=', storyId).execute();
  if (tags.length > 0) {
    await trx
      .insertInto('tag_listings')
      .values(tags.flatMap(({ tag_id }) => versions.map((v) => ({ tag_id, language: v.language, published_at: v.published_at!, story_id: storyId }))))
      .execute();
  }
  if (authors.length > 0) {
    await trx
      .insertInto('author_listings')
      .values(authors.flatMap(({ author_id }) => versions.map((v) => ({ author_id, language: v.language, published_at: v.published_at!, story_id: storyId }))))
      .execute();
  }
}
