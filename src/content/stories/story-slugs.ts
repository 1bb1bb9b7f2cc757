// Story slugs per language. Every slug a story has had stays recorded in story_slugs, so an old
// URL still finds its story, and no other story can ever take a slug that once led elsewhere.

import type { Kysely } from 'kysely';
import type { Schema, Instant } from '../../db/schema.ts';
import { AppError } from '../../lib/errors.ts';
import { isValidSlug } from '../slug/index.ts';
import { firstFreeSlug } from '../unique-slug.ts';

async function slugsTakenByOthers(db: Kysely<Schema>, language: string, storyId: number, base: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('story_slugs')
    .select(['slug', 'story_id'])
    .where('language', '=', language)
    .where((eb) => eb.or([eb('slug', '=', base), eb('slug', 'like', `${base}-%`)]))
    .execute();
  return new Set(rows.filter((row) => row.story_id !== storyId).map((row) => row.slug));
}

async function recordSlug(db: Kysely<Schema>, language: string, slug: string, storyId: number, now: Instant): Promise<void> {
  await db
    .insertInto('story_slugs')
    .values({ language, slug, story_id: storyId, created_at: now })
    .onConflict((oc) => oc.columns(['language', 'slug']).doNothing())
    .execute();
}

/** Claims the first free slug derived from `base` for the story in `language` and records it. */
export async function claimStorySlug(
  db: Kysely<Schema>,
  params: { storyId: number; language: string; base: string; now: Instant },
): Promise<string> {
  const slug = await firstFreeSlug(params.base, (base) => slugsTakenByOthers(db, params.language, params.storyId, base));
  await recordSlug(db, params.language, slug, params.storyId, params.now);
  return slug;
}

/** Claims exactly `slug` (typed by an editor) or fails with slug_invalid / slug_taken. */
export async function claimExactStorySlug(
  db: Kysely<Schema>,
  params: { storyId: number; language: string; slug: string; now: Instant },
): Promise<string> {
  if (!isValidSlug(params.slug)) {
    throw new AppError('slug_invalid', 'A slug is lower-case Latin letters and digits joined by single hyphens', {
      details: { slug: params.slug },
    });
  }
  const owner = await db
    .selectFrom('story_slugs')
    .select('story_id')
    .where('language', '=', params.language)
    .where('slug', '=', params.slug)
    .executeTakeFirst();
  if (owner && owner.story_id !== params.storyId) {
    throw new AppError('slug_taken', `The slug "${params.slug}" is already used by another story in this language`, {
      details: { slug: params.slug, language: params.language },
    });
  }
  await recordSlug(db, params.language, params.slug, params.storyId, params.now);
  return params.slug;
}

/** The story that has or had `slug` in `language`. */
export async function findStoryIdBySlug(db: Kysely<Schema>, language: string, slug: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('story_slugs')
    .select('story_id')
    .where('language', '=', language)
    .where('slug', '=', slug)
    .executeTakeFirst();
  return row?.story_id;
}
