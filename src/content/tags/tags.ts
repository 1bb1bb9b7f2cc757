// Tags: topics across rubrics (energy, Minsk, football), with a name and URL slug per language.

import { inTransaction } from '../../db/transaction.ts';
import type { Kysely } from 'kysely';
import type { Schema } from '../../db/schema.ts';
import { compiledQuery } from '../../db/compiled-query.ts';
import { AppError } from '../../lib/errors.ts';
import { toInstant } from '../../lib/clock.ts';
import type { ContentContext } from '../content-context.ts';
import { slugForName, validKey, validNames, type NamesByLanguage } from '../named-in-languages.ts';

export interface TagInput {
  key: string;
  names: NamesByLanguage;
}

export interface Tag {
  id: number;
  key: string;
  names: Record<string, { name: string; slug: string }>;
}

export async function createTag(context: ContentContext, input: TagInput): Promise<Tag> {
  const key = validKey(input.key);
  const names = validNames(input.names, context.languages);
  const now = toInstant(context.clock());
  return inTransaction(context.database.db, async (trx) => {
    const existing = await trx.selectFrom('tags').select('id').where('key', '=', key).executeTakeFirst();
    if (existing) throw new AppError('invalid_input', `key: a tag "${key}" already exists`, { details: { field: 'key' } });
    const { id } = await trx.insertInto('tags').values({ key, created_at: now }).returning('id').executeTakeFirstOrThrow();
    const tag: Tag = { id, key, names: {} };
    for (const [language, name] of names) {
      const slug = await slugForName(trx, 'tag_names', language, name);
      await trx.insertInto('tag_names').values({ tag_id: id, language, name, slug }).execute();
      tag.names[language] = { name, slug };
    }
    return tag;
  });
}

async function namesOf(context: Pick<ContentContext, 'database'>, tagId: number): Promise<Tag['names']> {
  const rows = await context.database.db.selectFrom('tag_names').select(['language', 'name', 'slug']).where('tag_id', '=', tagId).execute();
  return Object.fromEntries(rows.map((row) => [row.language, { name: row.name, slug: row.slug }]));
}

/** The tag whose slug in `language` is `slug`, with its names in every language. */
export async function findTagBySlug(context: Pick<ContentContext, 'database'>, language: string, slug: string): Promise<Tag | undefined> {
  const row = await context.database.db
    .selectFrom('tag_names as n')
    .innerJoin('tags as t', 't.id', 'n.tag_id')
    .select(['t.id', 't.key'])
    .where('n.language', '=', language)
    .where('n.slug', '=', slug)
    .executeTakeFirst();
  return row ? { id: row.id, key: row.key, names: await namesOf(context, row.id) } : undefined;
}

export async function findTagById(context: Pick<ContentContext, 'database'>, id: number): Promise<Tag | undefined> {
  const row = await context.database.db.selectFrom('tags').select(['id', 'key']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, key: row.key, names: await namesOf(context, row.id) } : undefined;
}

/** A story's tags as named in `language` (tags without a name there are left out). */
const selectStoryTags = compiledQuery((db: Kysely<Schema>, storyId: number, language: string) =>
  db
    .selectFrom('story_tags as st')
    .innerJoin('tag_names as n', (join) => join.onRef('n.tag_id', '=', 'st.tag_id').on('n.language', '=', language))
    .select(['n.name', 'n.slug'])
    .where('st.story_id', '=', storyId)
    .orderBy('st.position'),
);

export async function listStoryTags(context: Pick<ContentContext, 'database'>, storyId: number, language: string): Promise<Array<{ name: string; slug: string }>> {
  return selectStoryTags(context.database.db, storyId, language);
}

/** The tags named in `language`, by name (for the public content API). */
export async function listTagsIn(db: Kysely<Schema>, language: string): Promise<Array<{ id: number; key: string; name: string; slug: string }>> {
  return db
    .selectFrom('tag_names as n')
    .innerJoin('tags as t', 't.id', 'n.tag_id')
    .select(['t.id', 't.key', 'n.name', 'n.slug'])
    .where('n.language', '=', language)
    .orderBy('n.name')
    .orderBy('t.id')
    .execute();
}

/** The tag with this key, as named in `language`; undefined when it has no name there. */
export async function findTagByKey(db: Kysely<Schema>, language: string, key: string): Promise<{ id: number; key: string; name: string; slug: string } | undefined> {
  return db
    .selectFrom('tag_names as n')
    .innerJoin('tags as t', 't.id', 'n.tag_id')
    .select(['t.id', 't.key', 'n.name', 'n.slug'])
    .where('n.language', '=', language)
    .where('t.key', '=', key)
    .executeTakeFirst();
}
