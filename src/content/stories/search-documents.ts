// What the content domain tells the search index about stories: for each language version its
// status, whether readers may see that status, its times, rubric, tags and its text. The index
// (src/search) knows nothing of the story model; content calls it, never the other way round.

import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import type { SearchDocumentInput } from '../../search/index.ts';
import { renderDocumentText, type StoryDocument } from '../document/index.ts';
import { isPublicStatus } from './story-status.ts';

function bodyText(json: string): string {
  try {
    return renderDocumentText(JSON.parse(json) as StoryDocument);
  } catch {
    return '';
  }
}

/** The search documents of every language version of these stories. */
export async function loadSearchDocuments(db: Kysely<Schema>, storyIds: readonly number[]): Promise<SearchDocumentInput[]> {
  if (storyIds.length === 0) return [];
  const ids = [...storyIds];
  const versions = await db
    .selectFrom('story_versions as v')
    .innerJoin('stories as s', 's.id', 'v.story_id')
    .select(['v.id', 'v.story_id', 'v.language', 'v.status', 'v.rubric_id', 'v.headline', 'v.lede', 'v.body', 'v.published_at', 'v.updated_at', 's.embargo_until'])
    .where('v.story_id', 'in', ids)
    .orderBy('v.id')
    .execute();
  const tags = await db.selectFrom('story_tags').select(['story_id', 'tag_id']).where('story_id', 'in', ids).orderBy('position').execute();
  const tagsOf = new Map<number, number[]>();
  for (const { story_id, tag_id } of tags) {
    let list = tagsOf.get(story_id);
    if (!list) tagsOf.set(story_id, (list = []));
    list.push(tag_id);
  }
  return versions.map((v) => ({
    versionId: v.id,
    storyId: v.story_id,
    language: v.language,
    status: v.status,
    isPublic: isPublicStatus(v.status),
    rubricId: v.rubric_id,
    tagIds: tagsOf.get(v.story_id) ?? [],
    headline: v.headline,
    text: `${v.lede}\n\n${bodyText(v.body)}`,
    publishedAt: v.published_at,
    embargoUntil: v.embargo_until,
    updatedAt: v.updated_at,
  }));
}

/** Story ids in id order after `afterId`, for walking the archive in batches (the reindex). */
export async function listStoryIdsAfter(db: Kysely<Schema>, afterId: number, limit: number): Promise<number[]> {
  const rows = await db.selectFrom('stories').select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((row) => row.id);
}

export async function countStories(db: Kysely<Schema>): Promise<number> {
  const row = await db.selectFrom('stories').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}
