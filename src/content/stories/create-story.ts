// Creates a story with its first language versions, bylines and tags in one transaction.
// Slugs come from each headline unless an editor chose one.

import { inTransaction } from '../../db/transaction.ts';
import type { Kysely } from 'kysely';
import type { Schema, Instant } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { baseSlug } from '../unique-slug.ts';
import { claimExactStorySlug, claimStorySlug } from './story-slugs.ts';
import { refreshStoryListings } from './story-listings.ts';
import { validateStory, validateLanguageVersion, validId, type StoryInput, type LanguageVersionInput, type ValidLanguageVersion } from './story-input.ts';

export interface CreatedVersion {
  language: string;
  slug: string;
}

async function assertAllExist(
  trx: Kysely<Schema>,
  table: 'rubrics' | 'authors' | 'tags' | 'images' | 'stories' | 'users',
  ids: readonly number[],
  field: string,
): Promise<void> {
  if (ids.length === 0) return;
  const found = await trx.selectFrom(table).select('id').where('id', 'in', [...ids]).execute();
  const present = new Set(found.map((row) => row.id));
  const missing = ids.filter((id) => !present.has(id));
  if (missing.length > 0) {
    const code = table === 'rubrics' ? 'rubric_not_found' : 'invalid_input';
    throw new AppError(code, `${field}: no ${table.replace(/s$/, '')} with id ${missing.join(', ')}`, { details: { field, missing } });
  }
}

export async function insertLanguageVersion(
  trx: Kysely<Schema>,
  storyId: number,
  rubricId: number,
  version: ValidLanguageVersion,
  now: Instant,
): Promise<CreatedVersion> {
  const slug = version.slug !== undefined
    ? await claimExactStorySlug(trx, { storyId, language: version.language, slug: version.slug, now })
    : await claimStorySlug(trx, { storyId, language: version.language, base: baseSlug(version.headline, version.language), now });
  await trx
    .insertInto('story_versions')
    .values({
      story_id: storyId,
      language: version.language,
      rubric_id: rubricId,
      headline: version.headline,
      lede: version.lede,
      body: JSON.stringify(version.body),
      slug,
      status: version.status,
      version: 1,
      published_at: version.publishedAt,
      first_published_at: version.publishedAt,
      wire_changed_at: now,
      seo_title: version.seoTitle,
      seo_description: version.seoDescription,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { language: version.language, slug };
}

export async function createStory(context: ContentContext, input: StoryInput): Promise<{ id: number; versions: CreatedVersion[] }> {
  const story = validateStory(input, context.languages);
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    await assertAllExist(trx, 'rubrics', [story.rubricId], 'rubricId');
    await assertAllExist(trx, 'authors', story.authorIds, 'authorIds');
    await assertAllExist(trx, 'tags', story.tagIds, 'tagIds');
    if (story.leadImageId !== null) await assertAllExist(trx, 'images', [story.leadImageId], 'leadImageId');
    if (story.followsStoryId !== null) await assertAllExist(trx, 'stories', [story.followsStoryId], 'followsStoryId');
    if (story.createdBy !== null) await assertAllExist(trx, 'users', [story.createdBy], 'createdBy');

    const { id } = await trx
      .insertInto('stories')
      .values({
        rubric_id: story.rubricId,
        urgency: story.urgency,
        is_main: story.isMain ? 1 : 0,
        embargo_until: story.embargoUntil,
        lead_image_id: story.leadImageId,
        follows_story_id: story.followsStoryId,
        created_by: story.createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    if (story.authorIds.length > 0) {
      await trx.insertInto('story_authors').values(story.authorIds.map((authorId, position) => ({ story_id: id, author_id: authorId, position }))).execute();
    }
    if (story.tagIds.length > 0) {
      await trx.insertInto('story_tags').values(story.tagIds.map((tagId, position) => ({ story_id: id, tag_id: tagId, position }))).execute();
    }
    const versions: CreatedVersion[] = [];
    for (const version of story.versions) versions.push(await insertLanguageVersion(trx, id, story.rubricId, version, now));
    await refreshStoryListings(trx, id);
    return { id, versions };
  });
}

/** Adds a translation: the story's version in a language it does not have yet. */
export async function addLanguageVersion(context: ContentContext, storyId: number, input: LanguageVersionInput): Promise<CreatedVersion> {
  validId(storyId, 'storyId');
  const version = validateLanguageVersion(input, context.languages);
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const story = await trx.selectFrom('stories').select(['id', 'rubric_id']).where('id', '=', storyId).executeTakeFirst();
    if (!story) throw new AppError('story_not_found', `No story with id ${storyId}`, { details: { storyId } });
    const existing = await trx
      .selectFrom('story_versions')
      .select('id')
      .where('story_id', '=', storyId)
      .where('language', '=', version.language)
      .executeTakeFirst();
    if (existing) throw new AppError('invalid_input', `language: story ${storyId} already has a ${version.language} version`, { details: { field: 'language' } });
    await trx.updateTable('stories').set({ updated_at: now }).where('id', '=', storyId).execute();
    const created = await insertLanguageVersion(trx, storyId, story.rubric_id, version, now);
    await refreshStoryListings(trx, storyId);
    return created;
  });
}
